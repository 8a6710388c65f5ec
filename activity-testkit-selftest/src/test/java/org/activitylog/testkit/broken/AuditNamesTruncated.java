package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Leaves the length of audit names to the {@code VARCHAR(255)} columns, which cut a longer name to
 * 255 characters as MySQL does outside strict mode: an update, delete or restore by a name that is
 * too long succeeds and stores another name.
 */
final class AuditNamesTruncated extends BrokenRepository {

  AuditNamesTruncated(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, ActivityUpdate update, @Nullable Long expectedVersion, @Nullable String updatedBy) {
    return super.update(id, update, expectedVersion, column(updatedBy));
  }

  @Override
  public Activity softDelete(long id, @Nullable String deletedBy) {
    return super.softDelete(id, column(deletedBy));
  }

  @Override
  public Activity restore(long id, @Nullable String restoredBy) {
    return super.restore(id, column(restoredBy));
  }

  private static @Nullable String column(@Nullable String name) {
    return name == null || name.length() <= Activity.MAX_AUDIT_NAME
        ? name
        : name.substring(0, Activity.MAX_AUDIT_NAME);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, AuditNamesTruncated::new);
    }
  }
}
