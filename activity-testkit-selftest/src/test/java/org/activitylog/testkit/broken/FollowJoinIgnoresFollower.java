package org.activitylog.testkit.broken;

import java.util.Set;
import java.util.stream.Collectors;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Joins the activities with the follow table on the followee alone, the {@code AND follower = ?}
 * lost: a feed shows the activities of every actor whom anyone follows.
 */
final class FollowJoinIgnoresFollower extends FolloweesReadFirst {
  private final EdgeRecordingFollowGraph table;

  FollowJoinIgnoresFollower(ActivityRepository delegate, EdgeRecordingFollowGraph table) {
    super(delegate, table);
    this.table = table;
  }

  @Override
  Set<ActorRef> followees(ActorRef follower) {
    return table.edges().stream()
        .map(EdgeRecordingFollowGraph.Edge::followee)
        .collect(Collectors.toSet());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(
          clock,
          EdgeRecordingFollowGraph::new,
          (activities, follows) ->
              new FollowJoinIgnoresFollower(activities, (EdgeRecordingFollowGraph) follows));
    }
  }
}
