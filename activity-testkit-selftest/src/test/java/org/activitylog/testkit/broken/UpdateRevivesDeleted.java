package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Writes every column on update from an activity rebuilt from the merged content, with {@code
 * deleted_at} NULL and {@code is_active} TRUE as a new one has: editing a soft-deleted activity
 * brings it back, with one version more than the edit alone would give.
 */
final class UpdateRevivesDeleted extends BrokenRepository {

  UpdateRevivesDeleted(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    Activity updated = super.update(id, guard, update, updatedBy);
    return updated.isDeleted() ? super.restore(id, guard, updatedBy) : updated;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UpdateRevivesDeleted::new);
    }
  }
}
