package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * The update's SET list stops at the resource: the campaign and the extension slot (the {@code
 * details} column), added with the Brightidea API, are written by inserts but never by updates, so
 * an edit of them is silently lost.
 */
final class UpdateSkipsBrightideaFields extends BrokenRepository {

  UpdateSkipsBrightideaFields(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    ActivityUpdate written =
        new ActivityUpdate(
            update.type(), update.actor(), update.text(), update.resource(), null, null);
    return super.update(id, guard, written, updatedBy);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UpdateSkipsBrightideaFields::new);
    }
  }
}
