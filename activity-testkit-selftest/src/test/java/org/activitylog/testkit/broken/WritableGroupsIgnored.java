package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Checks only that the writer may see the row, as if seeing were writing: the writable groups of
 * the guard are never compared, so a requester who may only read a group can change its activities.
 */
final class WritableGroupsIgnored extends BrokenRepository {

  WritableGroupsIgnored(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    return super.update(id, anyWritable(guard), update, updatedBy);
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    return super.softDelete(id, anyWritable(guard), deletedBy);
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    return super.restore(id, anyWritable(guard), restoredBy);
  }

  private static WriteGuard anyWritable(WriteGuard g) {
    return new WriteGuard(g.readableGroups(), null, g.requesterRules(), g.expectedVersion());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, WritableGroupsIgnored::new);
    }
  }
}
