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
 * Decides whether an update changes the type with {@code equals} on the kinds instead of comparing
 * codes: an update to a host's constant of an activity read back as the {@code UnknownActivityType}
 * of the same code (or the other way round) counts as a change, and moves the version and {@code
 * updated_at}. The working store underneath skips such updates, so this one changes the type and
 * back.
 */
final class NoOpUpdateComparesTypeInstances extends BrokenRepository {

  NoOpUpdateComparesTypeInstances(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    Activity current = delegate.findById(id).orElseThrow(NotFoundException::new);
    ActivityKind type = update.type();
    if (type == null
        || type.equals(current.type())
        || StoredActivities.changes(update, current.content())) {
      return super.update(id, guard, update, updatedBy);
    }
    ActivityKind other =
        type.sameCode(ActivityType.USER_LOGIN) ? ActivityType.USER_LOGOUT : ActivityType.USER_LOGIN;
    delegate.update(
        id,
        WriteGuard.trusted(guard.expectedVersion()),
        ActivityUpdate.NONE.withType(other),
        updatedBy);
    return super.update(id, withVersion(guard, null), update, updatedBy);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, NoOpUpdateComparesTypeInstances::new);
    }
  }
}
