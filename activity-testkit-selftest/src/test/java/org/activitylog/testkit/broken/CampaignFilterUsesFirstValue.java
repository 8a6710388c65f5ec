package org.activitylog.testkit.broken;

import java.util.Set;
import org.activitylog.api.ActivityQuery;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Builds the campaign filter as {@code campaign_id = ?} with the first campaign given, where the
 * other filters get an {@code IN} list: asked for several campaigns, it lists one campaign's
 * activities.
 */
final class CampaignFilterUsesFirstValue extends QueryRewritingRepository {

  CampaignFilterUsesFirstValue(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  ActivityQuery rewrite(ActivityQuery q) {
    if (q.campaignIds().size() < 2) {
      return q;
    }
    return new ActivityQuery(
        q.ids(),
        q.uids(),
        q.types(),
        q.actors(),
        q.workspaceGroupIds(),
        Set.of(q.campaignIds().iterator().next()),
        q.createdFrom(),
        q.createdBefore(),
        q.followedBy(),
        q.deleted());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, CampaignFilterUsesFirstValue::new);
    }
  }
}
