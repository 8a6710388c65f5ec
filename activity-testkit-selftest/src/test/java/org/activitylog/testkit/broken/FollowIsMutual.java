package org.activitylog.testkit.broken;

import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Stores every follow as a friendship, one row each way, as a model borrowed from a social network
 * with mutual connections would: the followee follows back without asking.
 */
final class FollowIsMutual extends ForwardingFollowGraph {

  FollowIsMutual(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    boolean added = super.follow(follower, followee);
    super.follow(followee, follower);
    return added;
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    boolean removed = super.unfollow(follower, followee);
    super.unfollow(followee, follower);
    return removed;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, FollowIsMutual::new);
    }
  }
}
