package org.activitylog.testkit.broken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Restores by setting is_active, the audit fields and the version, but leaves deleted_at and
 * deleted_by as the delete wrote them. Listings, which filter on is_active, show the activity
 * again; everything that asks whether it is deleted still hears yes.
 */
final class RestoreKeepsDeletedAt extends BrokenRepository {
  private final Map<Long, Activity> deletedBeforeRestore = new ConcurrentHashMap<>();

  RestoreKeepsDeletedAt(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    Activity before = delegate.findById(id).orElse(null);
    Activity restored = delegate.restore(id, WriteGuard.TRUSTED, restoredBy);
    if (before != null && before.isDeleted()) {
      deletedBeforeRestore.put(id, before);
    }
    return view(restored);
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    deletedBeforeRestore.remove(id);
    return super.softDelete(id, guard, deletedBy);
  }

  @Override
  protected Activity view(Activity stored) {
    Activity left = deletedBeforeRestore.get(stored.id());
    if (left == null || stored.isDeleted()) {
      return stored;
    }
    return stored.toBuilder().deletedAt(left.deletedAt()).deletedBy(left.deletedBy()).build();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, RestoreKeepsDeletedAt::new);
    }
  }
}
