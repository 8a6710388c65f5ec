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
 * Stores a second activity when a uid is inserted again, as a table without a unique uid index
 * would. The working store underneath refuses duplicates, so the copy is stored under a fresh uid
 * and reported under the original one.
 */
final class DuplicateUidAccepted extends BrokenRepository {
  private final Map<UUID, UUID> originalOfCopy = new ConcurrentHashMap<>();

  DuplicateUidAccepted(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    UUID uid = activity.uid();
    if (uid != null && delegate.findByUid(activity.content().workspaceGroupId(), uid).isPresent()) {
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

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, DuplicateUidAccepted::new);
    }
  }
}
