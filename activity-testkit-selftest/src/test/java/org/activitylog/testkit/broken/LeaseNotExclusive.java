package org.activitylog.testkit.broken;

import java.time.Instant;
import java.util.UUID;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Takes a lease over with {@code UPDATE lease SET holder = ?, expires_at = ? WHERE name = ?}: the
 * condition {@code AND expires_at <= ?} was lost, so every taker gets the lease, held or not, and
 * every node runs the retention job at once.
 */
final class LeaseNotExclusive extends LeaseTable {

  @Override
  protected boolean takeOverExpired(String key, UUID holder, Instant now, Instant expires) {
    return rows.computeIfPresent(key, (k, row) -> new Row(holder, expires)) != null;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withLeaseTable(clock, new LeaseNotExclusive());
    }
  }
}
