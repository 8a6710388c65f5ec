package org.activitylog.testkit.broken;

import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Removes an actor's incoming edges with {@code DELETE … WHERE followee_kind = ?}, the {@code AND
 * followee_id = ?} lost: erasing one user deletes every edge to any user.
 */
final class RemoveActorMatchesKindOnly extends EdgeRecordingFollowGraph {

  RemoveActorMatchesKindOnly(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public long removeActor(ActorRef actor) {
    long removed = super.removeActor(actor);
    for (Edge e : edges()) {
      if (e.followee().kind() == actor.kind() && unfollow(e.follower(), e.followee())) {
        removed++;
      }
    }
    return removed;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, RemoveActorMatchesKindOnly::new);
    }
  }
}
