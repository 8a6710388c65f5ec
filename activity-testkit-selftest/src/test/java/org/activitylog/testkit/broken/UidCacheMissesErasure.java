package org.activitylog.testkit.broken;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Answers {@code findByUid} from a cache that every insert, update, soft delete and restore keeps
 * fresh, but that erasures and purges, which change many rows at once behind it, never evict: after
 * an actor is erased or old activities purged, a look-up by uid still returns the activity as it
 * was. Reads by id and listings are right, so only a uid look-up after an erasure or purge shows
 * the bug.
 */
final class UidCacheMissesErasure extends BrokenRepository {
  private record Key(long group, UUID uid) {}

  private final Map<Key, Activity> cache = new ConcurrentHashMap<>();

  UidCacheMissesErasure(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    return cached(super.insert(activity));
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    return super.insertAll(activities).stream().map(this::cached).toList();
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    Activity hit = cache.get(new Key(workspaceGroupId, uid));
    return hit != null
        ? Optional.of(hit)
        : super.findByUid(workspaceGroupId, uid).map(this::cached);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    return cached(super.update(id, guard, update, updatedBy));
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    return cached(super.softDelete(id, guard, deletedBy));
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    return cached(super.restore(id, guard, restoredBy));
  }

  @Override
  public long purgeCreatedBefore(Instant cutoff) {
    return super.purgeCreatedBefore(cutoff); // the bug: the cache keeps the purged activities
  }

  private Activity cached(Activity a) {
    cache.put(new Key(a.workspaceGroupId(), a.uid()), a);
    return a;
  }

  /** The whole kit run against this backend; only the selftest's runs use it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UidCacheMissesErasure::new);
    }
  }

  /** The model-based contract run against this backend; only ModelBasedCatchesTest runs it. */
  static final class ModelContract extends ModelBasedCatchesTest.BrokenModelContract {
    ModelContract() {
      super(UidCacheMissesErasure::new);
    }
  }
}
