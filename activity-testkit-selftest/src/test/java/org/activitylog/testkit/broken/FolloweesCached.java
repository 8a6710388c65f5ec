package org.activitylog.testkit.broken;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Caches each follower's followees to save the feed's extra query, and nothing ever invalidates the
 * cache: an unfollow shows in the feed only once the process restarts.
 */
final class FolloweesCached extends FolloweesReadFirst {
  private final Map<ActorRef, Set<ActorRef>> cache = new ConcurrentHashMap<>();

  FolloweesCached(ActivityRepository delegate, FollowGraph follows) {
    super(delegate, follows);
  }

  @Override
  Set<ActorRef> followees(ActorRef follower) {
    return cache.computeIfAbsent(follower, super::followees);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, f -> f, FolloweesCached::new);
    }
  }
}
