package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/** Never checks the expected version of an update. */
final class ExpectedVersionIgnored extends BrokenRepository {

  ExpectedVersionIgnored(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    return super.update(id, withVersion(guard, null), update, updatedBy);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, ExpectedVersionIgnored::new);
    }
  }
}
