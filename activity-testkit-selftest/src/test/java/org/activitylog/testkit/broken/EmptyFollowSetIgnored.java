package org.activitylog.testkit.broken;

import org.activitylog.api.ActivityQuery;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Adds {@code actor IN (…followees)} only when there are followees, since an empty IN list is a
 * syntax error, and forgets that no followees means no activities: the feed of an actor who follows
 * nobody is the whole workspace.
 */
final class EmptyFollowSetIgnored extends FolloweesReadFirst {

  EmptyFollowSetIgnored(ActivityRepository delegate, FollowGraph follows) {
    super(delegate, follows);
  }

  @Override
  ActivityQuery followingNobody(ActivityQuery query) {
    return withoutFollowedBy(query);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, f -> f, EmptyFollowSetIgnored::new);
    }
  }
}
