package org.activitylog.testkit.broken;

import java.util.Objects;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Writes a missing updated_by or deleted_by as an empty string, as a mapping that binds {@code
 * Objects.toString(name, "")} to satisfy a NOT NULL audit column does.
 */
final class MissingAuditNameStoredEmpty extends BrokenRepository {

  MissingAuditNameStoredEmpty(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    return super.update(id, guard, update, Objects.toString(updatedBy, ""));
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    return super.softDelete(id, guard, Objects.toString(deletedBy, ""));
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    return super.restore(id, guard, Objects.toString(restoredBy, ""));
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, MissingAuditNameStoredEmpty::new);
    }
  }
}
