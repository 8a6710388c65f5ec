package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.NotFoundException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Restores with an UPDATE that has no {@code deleted_at IS NOT NULL} condition: restoring an
 * activity that is not deleted stamps it with a new updated_at, updated_by and version. The working
 * store underneath leaves a live activity alone, so this one deletes it first.
 */
final class RestoreOfLiveRestamps extends BrokenRepository {

  RestoreOfLiveRestamps(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    Activity current = delegate.findById(id).orElseThrow(NotFoundException::new);
    if (!current.isDeleted()) {
      delegate.softDelete(id, WriteGuard.TRUSTED, restoredBy);
    }
    return super.restore(id, guard, restoredBy);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, RestoreOfLiveRestamps::new);
    }
  }
}
