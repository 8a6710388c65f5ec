package org.activitylog.testkit.broken;

import java.time.Instant;
import java.util.UUID;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Renews a lease with {@code SELECT 1 FROM lease WHERE name = ? AND holder = ?}: it checks that the
 * holder still has the lease but never moves its expiry, so a long run's lease lapses while it
 * works and another node starts the same job beside it.
 */
final class LeaseRenewDoesNotExtend extends LeaseTable {

  @Override
  protected boolean renew(String key, UUID holder, Instant expires) {
    Row row = rows.get(key);
    return row != null && row.holder().equals(holder);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withLeaseTable(clock, new LeaseRenewDoesNotExtend());
    }
  }
}
