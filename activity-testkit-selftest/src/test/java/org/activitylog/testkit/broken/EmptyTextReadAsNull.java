package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.Campaign;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Reads an empty text column as NULL, as Oracle stores {@code ''}: an empty text, audit name or
 * campaign name comes back absent, so a text blanked with {@code ""} cannot be told from one never
 * given. Texts inside the JSON documents keep their empty strings.
 */
final class EmptyTextReadAsNull extends BrokenRepository {

  EmptyTextReadAsNull(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    ActivityContent c = stored.content();
    Campaign campaign = c.campaign();
    ActivityContent content =
        c.toBuilder()
            .text(nulled(c.text()))
            .campaign(
                campaign == null ? null : new Campaign(campaign.id(), nulled(campaign.name())))
            .build();
    return Rows.withAuditNames(
        Rows.withContent(stored, content),
        nulled(stored.createdBy()),
        nulled(stored.updatedBy()),
        nulled(stored.deletedBy()));
  }

  private static @Nullable String nulled(@Nullable String column) {
    return column == null || column.isEmpty() ? null : column;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, EmptyTextReadAsNull::new);
    }
  }
}
