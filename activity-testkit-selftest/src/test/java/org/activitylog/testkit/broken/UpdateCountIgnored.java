package org.activitylog.testkit.broken;

import java.time.Clock;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ConflictException;
import org.activitylog.api.NotFoundException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.StoredActivities;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Updates by reading the row, applying the change in Java and writing the result back with {@code
 * UPDATE ... WHERE id = ? AND version = ?} on the version it read. With an expected version it
 * turns an update count of 0 into a conflict; without one it never looks at the count, so a write
 * that lost the race to another update, delete or restore is dropped and reported as done: a lost
 * update.
 */
final class UpdateCountIgnored extends BrokenRepository {
  private final Clock clock;

  UpdateCountIgnored(ActivityRepository delegate, Clock clock) {
    super(delegate);
    this.clock = clock;
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    if (guard.expectedVersion() != null) {
      return super.update(id, guard, update, updatedBy);
    }
    Activity read = delegate.findById(id).orElseThrow(NotFoundException::new);
    RaceWindow.between();
    try {
      return super.update(id, withVersion(guard, read.version()), update, updatedBy);
    } catch (ConflictException updateCountWasZero) {
      return view(StoredActivities.updated(read, update, clock.instant(), updatedBy));
    }
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, r -> new UpdateCountIgnored(r, clock));
    }
  }
}
