package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Checks only the writable groups: a row of a group the writer cannot even see answers "access
 * denied" instead of the not-found of a missing id, which tells a requester that another tenant
 * holds that id.
 */
final class ForeignRowDenied extends BrokenRepository {

  ForeignRowDenied(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    return super.update(id, anyReadable(guard), update, updatedBy);
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    return super.softDelete(id, anyReadable(guard), deletedBy);
  }

  private static WriteGuard anyReadable(WriteGuard g) {
    return new WriteGuard(null, g.writableGroups(), g.requesterRules(), g.expectedVersion());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, ForeignRowDenied::new);
    }
  }
}
