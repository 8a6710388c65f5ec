package org.activitylog.testkit.broken;

import java.util.stream.Stream;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Overrides scan and reads a batch size below 1 as "use the default of 500" instead of rejecting
 * it, as a configuration property's fallback would: a caller's bug goes unnoticed.
 */
final class ScanBatchSizeDefaulted extends BrokenRepository {

  ScanBatchSizeDefaulted(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Stream<Activity> scan(ActivityQuery query, Sort sort, int batchSize) {
    return super.scan(query, sort, batchSize < 1 ? 500 : batchSize);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, ScanBatchSizeDefaulted::new);
    }
  }
}
