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
 * Keys insert-if-absent on the uid and the wrong one of two look-alike columns, {@code
 * workspace_group} (derived from the resource's context) where {@code workspace_group_id} (the
 * owner) was meant, falling back to the owner when nothing was derived: a uid that one group's
 * activity derives into another group answers an insert into that other group with the first
 * group's activity.
 */
final class UidKeyOnDerivedGroup extends BrokenRepository {
  private record Key(long group, UUID uid) {}

  private final Map<Key, Long> idOfKey = new ConcurrentHashMap<>();

  UidKeyOnDerivedGroup(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    UUID uid = activity.uid();
    if (uid != null) {
      Long derived = activity.content().derivedWorkspaceGroupId();
      Long first =
          idOfKey.get(
              new Key(derived != null ? derived : activity.content().workspaceGroupId(), uid));
      Activity stored = first == null ? null : delegate.findById(first).orElse(null);
      if (stored != null) {
        return view(stored);
      }
    }
    Activity stored = super.insert(activity);
    idOfKey.putIfAbsent(new Key(Rows.derivedOrOwner(stored), stored.uid()), stored.id());
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
      return BrokenStore.create(clock, UidKeyOnDerivedGroup::new);
    }
  }
}
