package org.activitylog.testkit.broken;

import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Removes an actor's edges with two DELETEs, outgoing then incoming, and answers the update count
 * of the last one: the erasure report leaves out whom the actor followed.
 */
final class RemoveActorCountsIncomingOnly extends ForwardingFollowGraph {

  RemoveActorCountsIncomingOnly(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public long removeActor(ActorRef actor) {
    long outgoing = super.following(actor).size();
    return super.removeActor(actor) - outgoing;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, RemoveActorCountsIncomingOnly::new);
    }
  }
}
