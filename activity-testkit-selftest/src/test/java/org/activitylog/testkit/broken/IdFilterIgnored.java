package org.activitylog.testkit.broken;

import java.util.Set;
import org.activitylog.api.ActivityQuery;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Never applies the id filter: the WHERE-clause builder has no case for it, so a query for some ids
 * lists every activity the other filters match.
 */
final class IdFilterIgnored extends QueryRewritingRepository {

  IdFilterIgnored(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  ActivityQuery rewrite(ActivityQuery q) {
    return new ActivityQuery(
        Set.of(),
        q.uids(),
        q.types(),
        q.actors(),
        q.workspaceGroupIds(),
        q.campaignIds(),
        q.createdFrom(),
        q.createdBefore(),
        q.followedBy(),
        q.deleted());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, IdFilterIgnored::new);
    }
  }
}
