package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.NotFoundException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.StoredActivities;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Writes every update, even one that leaves the activity as stored, as a store that always runs its
 * {@code UPDATE} would: the content comes out the same, but the version and audit fields move. The
 * working store underneath skips no-op updates, so this one changes the type and back.
 */
final class NoOpUpdateRestamps extends BrokenRepository {

  NoOpUpdateRestamps(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    Activity current = delegate.findById(id).orElseThrow(NotFoundException::new);
    if (StoredActivities.changes(update, current.content())) {
      return super.update(id, guard, update, updatedBy);
    }
    ActivityKind type = current.type();
    ActivityKind other =
        type == ActivityType.USER_LOGIN ? ActivityType.USER_LOGOUT : ActivityType.USER_LOGIN;
    delegate.update(
        id,
        WriteGuard.trusted(guard.expectedVersion()),
        ActivityUpdate.NONE.withType(other),
        updatedBy);
    return super.update(
        id, withVersion(guard, null), ActivityUpdate.NONE.withType(type), updatedBy);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, NoOpUpdateRestamps::new);
    }
  }
}
