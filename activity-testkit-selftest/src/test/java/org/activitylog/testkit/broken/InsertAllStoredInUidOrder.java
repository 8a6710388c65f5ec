package org.activitylog.testkit.broken;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Sorts a batch by uid before writing it, so that concurrent batches take the unique index's locks
 * in one order (a common cure for deadlocks), and maps the results back to the order given: the
 * results are right, but the new activities got their ids in uid order, so sorting by id no longer
 * lists them in the order they were recorded.
 */
final class InsertAllStoredInUidOrder extends BrokenRepository {
  private record Key(long workspaceGroupId, UUID uid) {}

  InsertAllStoredInUidOrder(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    if (activities.stream().anyMatch(a -> a.uid() == null || a.createdAt() == null)) {
      return super.insertAll(activities); // lets the working store reject the batch whole
    }
    List<NewActivity> byUid =
        activities.stream().sorted(Comparator.comparing(a -> String.valueOf(a.uid()))).toList();
    Map<Key, Activity> stored = new HashMap<>();
    for (Activity a : super.insertAll(byUid)) {
      stored.put(new Key(a.workspaceGroupId(), a.uid()), a);
    }
    return activities.stream()
        .map(a -> stored.get(new Key(a.content().workspaceGroupId(), a.uid())))
        .toList();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, InsertAllStoredInUidOrder::new);
    }
  }
}
