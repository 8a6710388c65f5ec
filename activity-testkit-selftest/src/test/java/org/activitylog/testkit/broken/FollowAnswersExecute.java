package org.activitylog.testkit.broken;

import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Answers follow() with {@code Statement.execute()}, which tells whether the statement returned a
 * result set, false for every INSERT, instead of the update count: a new edge answers false.
 */
final class FollowAnswersExecute extends ForwardingFollowGraph {

  FollowAnswersExecute(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    super.follow(follower, followee);
    return false;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, FollowAnswersExecute::new);
    }
  }
}
