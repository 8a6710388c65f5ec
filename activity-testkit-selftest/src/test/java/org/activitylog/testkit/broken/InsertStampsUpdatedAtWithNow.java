package org.activitylog.testkit.broken;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Stamps updated_at on insert with the time of the write instead of copying created_at, as an
 * INSERT binding {@code :now} to the audit time would: an activity recorded after it happened,
 * which is every activity the recorder queues, looks updated before anyone touched it.
 */
final class InsertStampsUpdatedAtWithNow extends BrokenRepository {
  private final Clock clock;
  private final Map<Long, Instant> writtenAt = new ConcurrentHashMap<>();

  InsertStampsUpdatedAtWithNow(ActivityRepository delegate, Clock clock) {
    super(delegate);
    this.clock = clock;
  }

  @Override
  public Activity insert(NewActivity activity) {
    return view(written(delegate.insert(activity)));
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    return delegate.insertAll(activities).stream().map(this::written).map(this::view).toList();
  }

  /** Remembers when a row was first written; a repeated uid answers the row written before. */
  private Activity written(Activity stored) {
    writtenAt.putIfAbsent(stored.id(), clock.instant());
    return stored;
  }

  @Override
  protected Activity view(Activity stored) {
    Instant at = writtenAt.get(stored.id());
    if (at == null || stored.version() != 1) {
      return stored; // any later change stamps updated_at itself
    }
    return stored.toBuilder().updatedAt(at).build();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, r -> new InsertStampsUpdatedAtWithNow(r, clock));
    }
  }
}
