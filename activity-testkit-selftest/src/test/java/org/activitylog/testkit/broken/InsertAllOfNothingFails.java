package org.activitylog.testkit.broken;

import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Builds one multi-row INSERT per batch without a case for the empty batch: {@code INSERT … VALUES}
 * with no row is a syntax error, which the backend reports as a store failure.
 */
final class InsertAllOfNothingFails extends BrokenRepository {

  InsertAllOfNothingFails(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    if (activities.isEmpty()) {
      throw new StoreUnavailableException(
          StoreUnavailableException.Reason.FAILED,
          "Syntax error in SQL statement \"INSERT INTO activitylog_activity (uid, …) VALUES [*]\"");
    }
    return super.insertAll(activities);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, InsertAllOfNothingFails::new);
    }
  }
}
