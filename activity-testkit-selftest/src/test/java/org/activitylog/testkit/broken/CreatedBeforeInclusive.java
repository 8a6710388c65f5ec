package org.activitylog.testkit.broken;

import java.time.temporal.ChronoUnit;
import org.activitylog.api.ActivityQuery;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Treats the upper time bound as inclusive ({@code created_at <= before}), so a day's listing also
 * shows what happened at the next midnight.
 */
final class CreatedBeforeInclusive extends QueryRewritingRepository {

  CreatedBeforeInclusive(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  ActivityQuery rewrite(ActivityQuery q) {
    if (q.createdBefore() == null) {
      return q;
    }
    return new ActivityQuery(
        q.ids(),
        q.uids(),
        q.types(),
        q.actors(),
        q.workspaceGroupIds(),
        q.campaignIds(),
        q.createdFrom(),
        q.createdBefore().plus(1, ChronoUnit.MICROS),
        q.followedBy(),
        q.deleted());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, CreatedBeforeInclusive::new);
    }
  }
}
