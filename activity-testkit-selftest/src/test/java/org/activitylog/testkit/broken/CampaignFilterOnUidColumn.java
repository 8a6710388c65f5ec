package org.activitylog.testkit.broken;

import java.util.Set;
import org.activitylog.api.ActivityQuery;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Binds the campaign filter to the {@code uid} column, a copy-paste slip between two UUID filters
 * written one above the other: asked for a campaign's activities, it lists the activity whose uid
 * is that UUID.
 */
final class CampaignFilterOnUidColumn extends QueryRewritingRepository {

  CampaignFilterOnUidColumn(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  ActivityQuery rewrite(ActivityQuery q) {
    if (q.campaignIds().isEmpty() || !q.uids().isEmpty()) {
      return q;
    }
    return new ActivityQuery(
        q.ids(),
        q.campaignIds(),
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
      return BrokenStore.create(clock, CampaignFilterOnUidColumn::new);
    }
  }
}
