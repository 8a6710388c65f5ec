package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ConflictException;
import org.activitylog.api.NotFoundException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Checks the expected version with a {@code SELECT}, then writes with an {@code UPDATE ... WHERE id
 * = ?} that no longer compares it, in two steps: updates expecting the same version that all check
 * before any of them writes all pass. The window is {@link RaceWindow}: no sleep widens it.
 */
final class VersionCheckRacesWithWrite extends BrokenRepository {

  VersionCheckRacesWithWrite(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    Long expected = guard.expectedVersion();
    if (expected != null) {
      Activity current = delegate.findById(id).orElseThrow(NotFoundException::new);
      if (current.version() != expected) {
        throw new ConflictException("version " + current.version() + " is not " + expected);
      }
      RaceWindow.between();
    }
    return super.update(id, withVersion(guard, null), update, updatedBy);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, VersionCheckRacesWithWrite::new);
    }
  }
}
