package org.activitylog.testkit.broken;

import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Removes an actor's outgoing edges only (the DELETE matches the follower column): whoever followed
 * an erased actor still follows it, and the erased actor's id survives in their rows.
 */
final class RemoveActorKeepsIncomingEdges extends ForwardingFollowGraph {

  RemoveActorKeepsIncomingEdges(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public long removeActor(ActorRef actor) {
    long removed = 0;
    for (ActorRef followee : super.following(actor)) {
      if (super.unfollow(actor, followee)) {
        removed++;
      }
    }
    return removed;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, RemoveActorKeepsIncomingEdges::new);
    }
  }
}
