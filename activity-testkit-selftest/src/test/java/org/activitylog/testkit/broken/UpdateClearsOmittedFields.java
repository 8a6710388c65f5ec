package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.JsonValue;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/** Clears the text and resource when an update leaves them out, instead of keeping them. */
final class UpdateClearsOmittedFields extends BrokenRepository {

  UpdateClearsOmittedFields(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    ActivityUpdate blanking =
        new ActivityUpdate(
            update.type(),
            update.actor(),
            update.text() == null ? "" : update.text(),
            update.resource() == null ? JsonValue.nullValue() : update.resource(),
            update.campaign(),
            update.extensions());
    return super.update(id, guard, blanking, updatedBy);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UpdateClearsOmittedFields::new);
    }
  }
}
