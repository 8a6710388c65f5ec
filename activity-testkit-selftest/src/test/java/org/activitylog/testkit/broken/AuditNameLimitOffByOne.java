package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Refuses an audit name of exactly the maximum length: its check reads {@code length >= max} where
 * it should read {@code length > max}.
 */
final class AuditNameLimitOffByOne extends BrokenRepository {

  AuditNameLimitOffByOne(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    check("updated_by", updatedBy);
    return super.update(id, guard, update, updatedBy);
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    check("deleted_by", deletedBy);
    return super.softDelete(id, guard, deletedBy);
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    check("updated_by", restoredBy);
    return super.restore(id, guard, restoredBy);
  }

  private static void check(String field, @Nullable String name) {
    if (name != null && name.length() >= Activity.MAX_AUDIT_NAME) {
      throw new ValidationException(
          field, "must be at most " + Activity.MAX_AUDIT_NAME + " characters", name);
    }
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, AuditNameLimitOffByOne::new);
    }
  }
}
