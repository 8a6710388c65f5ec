package org.activitylog.testkit.broken;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Looks the idempotency key up among live activities only ({@code WHERE uid = ? AND deleted_at IS
 * NULL}), so inserting a uid again after its activity was soft-deleted stores a second activity
 * instead of returning the deleted one. Retried inserts and soft deletes each keep their rules;
 * only a retry after a delete shows the bug. The working store underneath refuses the duplicate
 * key, so the copy is stored under a fresh uid and reported under the original one.
 */
final class ReinsertOfDeletedUidCreatesCopy extends BrokenRepository {
  private final Map<UUID, UUID> originalOfCopy = new ConcurrentHashMap<>();

  ReinsertOfDeletedUidCreatesCopy(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    UUID uid = activity.uid();
    if (uid != null
        && delegate
            .findByUid(activity.content().workspaceGroupId(), uid)
            .map(Activity::isDeleted)
            .orElse(false)) {
      UUID copy = UUID.randomUUID();
      originalOfCopy.put(copy, uid);
      return super.insert(activity.withUid(copy));
    }
    return super.insert(activity);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    if (activities.stream().anyMatch(a -> a.uid() == null || a.createdAt() == null)) {
      return super.insertAll(activities); // lets the working store reject the batch whole
    }
    return activities.stream().map(this::insert).toList();
  }

  @Override
  protected Activity view(Activity stored) {
    UUID original = originalOfCopy.get(stored.uid());
    if (original == null) {
      return stored;
    }
    return new Activity(
        stored.id(),
        original,
        stored.content(),
        stored.createdAt(),
        stored.createdBy(),
        stored.updatedAt(),
        stored.updatedBy(),
        stored.deletedAt(),
        stored.deletedBy(),
        stored.active(),
        stored.version());
  }

  /** The whole kit run against this backend; only the selftest's runs use it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, ReinsertOfDeletedUidCreatesCopy::new);
    }
  }

  /** The model-based contract run against this backend; only ModelBasedCatchesTest runs it. */
  static final class ModelContract extends ModelBasedCatchesTest.BrokenModelContract {
    ModelContract() {
      super(ReinsertOfDeletedUidCreatesCopy::new);
    }
  }
}
