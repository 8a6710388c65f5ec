package org.activitylog.testkit.broken;

import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Splits a batch into multi-row INSERTs of 16 rows and counts the statements with {@code max(1,
 * size / 16)}, rounding down: the rows past the last full statement of a batch larger than 16 are
 * never written, and insertAll returns without an error.
 */
final class InsertAllDropsLastChunk extends BrokenRepository {
  private static final int ROWS_PER_STATEMENT = 16;

  InsertAllDropsLastChunk(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    int statements = Math.max(1, activities.size() / ROWS_PER_STATEMENT);
    int written = Math.min(activities.size(), statements * ROWS_PER_STATEMENT);
    return super.insertAll(activities.subList(0, written));
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, InsertAllDropsLastChunk::new);
    }
  }
}
