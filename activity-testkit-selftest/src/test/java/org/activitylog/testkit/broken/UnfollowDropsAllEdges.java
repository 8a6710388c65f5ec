package org.activitylog.testkit.broken;

import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Unfollows with {@code DELETE … WHERE follower = ?}, the followee condition lost: unfollowing one
 * actor unfollows everyone, and answers true whenever the follower followed anybody.
 */
final class UnfollowDropsAllEdges extends ForwardingFollowGraph {

  UnfollowDropsAllEdges(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    long deleted = 0;
    for (ActorRef any : super.following(follower)) {
      if (super.unfollow(follower, any)) {
        deleted++;
      }
    }
    return deleted > 0;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, UnfollowDropsAllEdges::new);
    }
  }
}
