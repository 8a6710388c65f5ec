package org.activitylog.testkit.broken;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Gives uid and created_at column defaults (a random UUID, the current time) and lets them fill
 * what a caller left out instead of refusing the activity: a retry of an activity whose uid was
 * lost stores it again under another uid, and nobody can find it by the uid it was meant to have.
 */
final class InsertFillsMissingUidAndTime extends BrokenRepository {
  private final Clock clock;

  InsertFillsMissingUidAndTime(ActivityRepository delegate, Clock clock) {
    super(delegate);
    this.clock = clock;
  }

  @Override
  public Activity insert(NewActivity activity) {
    return super.insert(defaulted(activity));
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    return super.insertAll(activities.stream().map(this::defaulted).toList());
  }

  private NewActivity defaulted(NewActivity a) {
    NewActivity filled = a.uid() == null ? a.withUid(UUID.randomUUID()) : a;
    return filled.createdAt() == null ? filled.withCreatedAt(clock.instant()) : filled;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, r -> new InsertFillsMissingUidAndTime(r, clock));
    }
  }
}
