package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/** Deleting an already deleted activity stamps it again, with a new deleted_at and version. */
final class SoftDeleteRestampsDeleted extends BrokenRepository {

  SoftDeleteRestampsDeleted(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    if (delegate.findById(id).map(Activity::isDeleted).orElse(false)) {
      delegate.restore(id, WriteGuard.TRUSTED, deletedBy);
    }
    return super.softDelete(id, guard, deletedBy);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, SoftDeleteRestampsDeleted::new);
    }
  }
}
