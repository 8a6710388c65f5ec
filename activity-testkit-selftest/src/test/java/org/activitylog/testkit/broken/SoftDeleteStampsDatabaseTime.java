package org.activitylog.testkit.broken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Stamps deleted_at with the database's {@code CURRENT_TIMESTAMP} instead of the store's clock: on
 * a database whose clock differs from the application's, or under a test clock, a delete seems to
 * happen at another time than the update it comes with.
 */
final class SoftDeleteStampsDatabaseTime extends BrokenRepository {
  private final Map<Long, Instant> databaseTime = new ConcurrentHashMap<>();

  SoftDeleteStampsDatabaseTime(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    boolean wasDeleted = delegate.findById(id).map(Activity::isDeleted).orElse(false);
    Activity deleted = delegate.softDelete(id, WriteGuard.TRUSTED, deletedBy);
    if (!wasDeleted) {
      databaseTime.put(id, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
    return view(deleted);
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    databaseTime.remove(id);
    return super.restore(id, guard, restoredBy);
  }

  @Override
  protected Activity view(Activity stored) {
    Instant at = databaseTime.get(stored.id());
    if (at == null || !stored.isDeleted()) {
      return stored;
    }
    return stored.toBuilder().deletedAt(at).build();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, SoftDeleteStampsDatabaseTime::new);
    }
  }
}
