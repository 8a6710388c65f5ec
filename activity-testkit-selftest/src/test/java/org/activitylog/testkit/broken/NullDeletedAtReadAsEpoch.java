package org.activitylog.testkit.broken;

import java.time.Instant;
import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Keeps times as epoch microseconds in integer columns and reads deleted_at with {@code getLong},
 * which answers 0 for SQL NULL: every activity that is not deleted reads as deleted at 1970-01-01.
 * The filters, written in SQL ({@code deleted_at IS NULL}), still work.
 */
final class NullDeletedAtReadAsEpoch extends BrokenRepository {

  NullDeletedAtReadAsEpoch(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    if (stored.deletedAt() != null) {
      return stored;
    }
    return stored.toBuilder().deletedAt(Instant.EPOCH).build();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, NullDeletedAtReadAsEpoch::new);
    }
  }
}
