package org.activitylog.testkit.broken;

import java.util.Set;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Answers following() with the follower's entry in its map of edges, which is null for an actor
 * that follows nobody, where the caller expects an empty set.
 */
final class FollowingOfNobodyIsNull extends ForwardingFollowGraph {

  FollowingOfNobodyIsNull(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public Set<ActorRef> following(ActorRef follower) {
    Set<ActorRef> followees = super.following(follower);
    return followees.isEmpty() ? null : followees; // the bug: the map's answer for a missing key
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, FollowingOfNobodyIsNull::new);
    }
  }
}
