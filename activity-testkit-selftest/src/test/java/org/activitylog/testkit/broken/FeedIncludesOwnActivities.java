package org.activitylog.testkit.broken;

import java.util.HashSet;
import java.util.Set;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Builds the followedBy feed as a timeline, "me and whom I follow": the follower's own activities
 * come with those of its followees.
 */
final class FeedIncludesOwnActivities extends FolloweesReadFirst {

  FeedIncludesOwnActivities(ActivityRepository delegate, FollowGraph follows) {
    super(delegate, follows);
  }

  @Override
  Set<ActorRef> followees(ActorRef follower) {
    Set<ActorRef> timeline = new HashSet<>(super.followees(follower));
    timeline.add(follower);
    return timeline;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, f -> f, FeedIncludesOwnActivities::new);
    }
  }
}
