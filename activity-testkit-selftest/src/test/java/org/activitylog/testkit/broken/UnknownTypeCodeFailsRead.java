package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Maps the type column with {@code ActivityType.fromCode}, as every mapper did before host types:
 * it stores a host type's code, then fails with a {@code ValidationException} on every read of the
 * row, instead of reading it as an {@code UnknownActivityType} or the catalogue's constant.
 */
final class UnknownTypeCodeFailsRead extends BrokenRepository {

  UnknownTypeCodeFailsRead(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    ActivityType.fromCode(stored.type().code());
    return stored;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UnknownTypeCodeFailsRead::new);
    }
  }
}
