package org.activitylog.testkit.broken;

import java.util.UUID;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Releases a lease with {@code DELETE FROM lease WHERE name = ?}: a holder whose lease lapsed and
 * was taken over, or that releases twice, frees the new holder's lease, and a third node starts the
 * job beside it.
 */
final class LeaseReleaseIgnoresHolder extends LeaseTable {

  @Override
  protected void release(String key, UUID holder) {
    rows.remove(key);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withLeaseTable(clock, new LeaseReleaseIgnoresHolder());
    }
  }
}
