package org.activitylog.testkit.broken;

import java.time.Instant;
import org.activitylog.api.ActivityQuery;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Reports a purge with the listing's count of what it is about to delete, and that count leaves out
 * soft-deleted activities by default: the purge deletes them, the retention report does not mention
 * them.
 */
final class PurgeCountsLiveOnly extends BrokenRepository {

  PurgeCountsLiveOnly(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public long purgeCreatedBefore(Instant cutoff) {
    long reported = delegate.count(ActivityQuery.builder().createdBetween(null, cutoff).build());
    super.purgeCreatedBefore(cutoff);
    return reported;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PurgeCountsLiveOnly::new);
    }
  }
}
