package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Cuts updated_by and deleted_by to the column's width instead of refusing longer names, as a
 * mapping that trims values to fit, or a database that truncates silently, does.
 */
final class AuditNameTruncated extends BrokenRepository {

  AuditNameTruncated(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    return super.update(id, guard, update, fitted(updatedBy));
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    return super.softDelete(id, guard, fitted(deletedBy));
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    return super.restore(id, guard, fitted(restoredBy));
  }

  private static @Nullable String fitted(@Nullable String name) {
    return name == null || name.length() <= Activity.MAX_AUDIT_NAME
        ? name
        : name.substring(0, Activity.MAX_AUDIT_NAME);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, AuditNameTruncated::new);
    }
  }
}
