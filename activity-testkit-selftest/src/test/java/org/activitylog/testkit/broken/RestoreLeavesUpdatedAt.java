package org.activitylog.testkit.broken;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Restores with {@code SET deleted_at = NULL, deleted_by = NULL, is_active = TRUE, version =
 * version + 1} and forgets {@code updated_at} and {@code updated_by}: a restored activity shows the
 * delete as its last change, by the one who deleted it.
 */
final class RestoreLeavesUpdatedAt extends BrokenRepository {
  /** The stamps a restore left in place, until the next change of the activity. */
  private record Left(Instant updatedAt, @Nullable String updatedBy, long version) {}

  private final Map<Long, Left> left = new ConcurrentHashMap<>();

  RestoreLeavesUpdatedAt(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    Activity before = delegate.findById(id).orElse(null);
    Activity restored = delegate.restore(id, WriteGuard.TRUSTED, restoredBy);
    if (before != null && before.isDeleted()) {
      left.put(id, new Left(before.updatedAt(), before.updatedBy(), restored.version()));
    }
    return view(restored);
  }

  @Override
  protected Activity view(Activity stored) {
    Left stamps = left.get(stored.id());
    return stamps == null || stamps.version() != stored.version()
        ? stored
        : Rows.withUpdateStamp(stored, stamps.updatedAt(), stamps.updatedBy());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, RestoreLeavesUpdatedAt::new);
    }
  }
}
