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
 * Keys insert-if-absent on the uid alone, as a table with a unique index on {@code uid} would: a
 * uid stored in one workspace group answers an insert into any other group with that group's
 * activity, which is another tenant's row.
 */
final class UidKeyIgnoresGroup extends BrokenRepository {
  private final Map<UUID, Long> firstIdOfUid = new ConcurrentHashMap<>();

  UidKeyIgnoresGroup(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    UUID uid = activity.uid();
    Long first = uid == null ? null : firstIdOfUid.get(uid);
    if (first != null) {
      Activity stored = delegate.findById(first).orElse(null);
      if (stored != null) {
        return stored;
      }
    }
    Activity stored = super.insert(activity);
    firstIdOfUid.putIfAbsent(stored.uid(), stored.id());
    return stored;
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    if (activities.stream().anyMatch(a -> a.uid() == null || a.createdAt() == null)) {
      return super.insertAll(activities); // lets the working store reject the batch whole
    }
    return activities.stream().map(this::insert).toList();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UidKeyIgnoresGroup::new);
    }
  }
}
