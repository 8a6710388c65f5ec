package org.activitylog.testkit.broken;

import java.util.Set;
import org.activitylog.api.ActivityQuery;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/** Drops the workspace group (tenant) filter from every query: one tenant sees another's rows. */
final class WorkspaceFilterIgnored extends QueryRewritingRepository {

  WorkspaceFilterIgnored(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  ActivityQuery rewrite(ActivityQuery q) {
    return new ActivityQuery(
        q.ids(),
        q.uids(),
        q.types(),
        q.actors(),
        Set.of(),
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
      return BrokenStore.create(clock, WorkspaceFilterIgnored::new);
    }
  }
}
