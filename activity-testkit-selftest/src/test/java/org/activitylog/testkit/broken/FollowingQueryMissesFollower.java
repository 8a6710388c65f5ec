package org.activitylog.testkit.broken;

import java.util.Set;
import java.util.stream.Collectors;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * The query of following() compares the follower column with itself ({@code WHERE follower_id =
 * follower_id}), a typo that matches every row: each actor seems to follow whom anyone follows.
 */
final class FollowingQueryMissesFollower extends EdgeRecordingFollowGraph {

  FollowingQueryMissesFollower(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public Set<ActorRef> following(ActorRef follower) {
    return edges().stream().map(Edge::followee).collect(Collectors.toUnmodifiableSet());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, FollowingQueryMissesFollower::new);
    }
  }
}
