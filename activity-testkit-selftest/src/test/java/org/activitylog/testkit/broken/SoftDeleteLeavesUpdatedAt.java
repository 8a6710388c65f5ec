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
 * Soft-deletes with {@code SET deleted_at = ?, deleted_by = ?, is_active = FALSE, version = version
 * + 1} and forgets {@code updated_at} and {@code updated_by}: a deleted activity still shows its
 * last edit as its last change.
 */
final class SoftDeleteLeavesUpdatedAt extends BrokenRepository {
  /** The stamps a delete left in place, until the next change of the activity. */
  private record Left(Instant updatedAt, @Nullable String updatedBy, long version) {}

  private final Map<Long, Left> left = new ConcurrentHashMap<>();

  SoftDeleteLeavesUpdatedAt(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    Activity before = delegate.findById(id).orElse(null);
    Activity deleted = delegate.softDelete(id, WriteGuard.TRUSTED, deletedBy);
    if (before != null && !before.isDeleted()) {
      left.put(id, new Left(before.updatedAt(), before.updatedBy(), deleted.version()));
    }
    return view(deleted);
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
      return BrokenStore.create(clock, SoftDeleteLeavesUpdatedAt::new);
    }
  }
}
