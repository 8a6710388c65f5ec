package org.activitylog.testkit.broken;

import java.util.Set;
import java.util.stream.Collectors;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Keeps the followees that are users, as the feed written for AISquare did (it parsed each
 * followee's id as a number and skipped the rest): a follower of Brightidea members sees nothing of
 * theirs.
 */
final class FeedFollowsUsersOnly extends FolloweesReadFirst {

  FeedFollowsUsersOnly(ActivityRepository delegate, FollowGraph follows) {
    super(delegate, follows);
  }

  @Override
  Set<ActorRef> followees(ActorRef follower) {
    return super.followees(follower).stream()
        .filter(a -> a.kind() == ActorRef.Kind.USER)
        .collect(Collectors.toSet());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, f -> f, FeedFollowsUsersOnly::new);
    }
  }
}
