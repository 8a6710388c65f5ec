package org.activitylog.testkit.broken;

import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Answers whether a follow is new from a look-up made before the insert ({@code SELECT} the edge,
 * then {@code INSERT ... ON CONFLICT DO NOTHING}) instead of from the insert's own count: one
 * caller at a time gets the right answer, but callers following the same edge at the same moment
 * all find it missing and all answer that they created it.
 */
final class FollowCheckThenInsert extends ForwardingFollowGraph {

  FollowCheckThenInsert(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    boolean existed = delegate.following(follower).contains(followee);
    RaceWindow.between();
    delegate.follow(follower, followee);
    return !existed;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, FollowCheckThenInsert::new);
    }
  }
}
