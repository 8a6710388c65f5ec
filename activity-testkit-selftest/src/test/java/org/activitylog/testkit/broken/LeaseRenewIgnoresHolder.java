package org.activitylog.testkit.broken;

import java.time.Instant;
import java.util.UUID;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Renews a lease with {@code UPDATE lease SET expires_at = ? WHERE name = ?}: a holder whose lease
 * lapsed and was taken over is told it still has it (the update found the row, now the new
 * holder's), so it carries on working beside the new holder.
 */
final class LeaseRenewIgnoresHolder extends LeaseTable {

  @Override
  protected boolean renew(String key, UUID holder, Instant expires) {
    return rows.computeIfPresent(key, (k, row) -> new Row(row.holder(), expires)) != null;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withLeaseTable(clock, new LeaseRenewIgnoresHolder());
    }
  }
}
