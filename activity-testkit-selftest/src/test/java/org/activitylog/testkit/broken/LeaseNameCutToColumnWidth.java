package org.activitylog.testkit.broken;

import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Keeps lease names in a column of 32 characters and cuts longer names to fit, as a database in a
 * lenient mode does: two jobs whose names share their first 32 characters take one lease, and one
 * of them never runs while the other does.
 */
final class LeaseNameCutToColumnWidth extends LeaseTable {
  private static final int COLUMN_WIDTH = 32;

  @Override
  protected String key(String name) {
    return name.length() <= COLUMN_WIDTH ? name : name.substring(0, COLUMN_WIDTH);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withLeaseTable(clock, new LeaseNameCutToColumnWidth());
    }
  }
}
