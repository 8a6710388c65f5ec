package org.activitylog.testkit.broken;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Caches each follower's followees in a mutable set and hands out that set itself: a caller that
 * changes what it was given changes the graph as every later reader sees it.
 */
final class FollowingHandsOutLiveSet extends ForwardingFollowGraph {

  private final Map<ActorRef, Set<ActorRef>> cache = new ConcurrentHashMap<>();

  FollowingHandsOutLiveSet(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public Set<ActorRef> following(ActorRef follower) {
    return cache.computeIfAbsent(follower, f -> new HashSet<>(super.following(f)));
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    cache.remove(follower);
    return super.follow(follower, followee);
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    cache.remove(follower);
    return super.unfollow(follower, followee);
  }

  @Override
  public long removeActor(ActorRef actor) {
    cache.clear();
    return super.removeActor(actor);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, FollowingHandsOutLiveSet::new);
    }
  }
}
