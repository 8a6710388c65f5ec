package org.activitylog.testkit.broken;

import java.util.Set;
import org.activitylog.api.ActivityQuery;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Never applies the campaign filter: it came with the Brightidea API, after the WHERE-clause
 * builder was written, and the builder was not taught it. A campaign's page lists every activity of
 * the workspace.
 */
final class CampaignFilterIgnored extends QueryRewritingRepository {

  CampaignFilterIgnored(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  ActivityQuery rewrite(ActivityQuery q) {
    return new ActivityQuery(
        q.ids(),
        q.uids(),
        q.types(),
        q.actors(),
        q.workspaceGroupIds(),
        Set.of(),
        q.createdFrom(),
        q.createdBefore(),
        q.followedBy(),
        q.deleted());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, CampaignFilterIgnored::new);
    }
  }
}
