package org.activitylog.testkit.broken;

import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Checks for a self-follow with {@code follower == followee}: the same reference is refused, but an
 * equal one, as every actor parsed from a request is, is stored.
 */
final class SelfFollowComparedByIdentity extends SelfFollowAccepted {

  SelfFollowComparedByIdentity(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  boolean refusesAsSelf(ActorRef follower, ActorRef followee) {
    return follower == followee;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, SelfFollowComparedByIdentity::new);
    }
  }
}
