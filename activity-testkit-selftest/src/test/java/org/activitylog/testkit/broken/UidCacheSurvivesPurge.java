package org.activitylog.testkit.broken;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Keeps an idempotency cache from (workspace group, uid) to id in front of its table, to answer
 * retried inserts without a query, and never evicts it when purge or erasure deletes rows: a uid
 * whose activity is gone cannot be recorded again; the insert fails looking up the deleted row.
 */
final class UidCacheSurvivesPurge extends BrokenRepository {
  private record Key(long workspaceGroupId, UUID uid) {}

  private final Map<Key, Long> idOfKey = new ConcurrentHashMap<>();

  UidCacheSurvivesPurge(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    UUID uid = activity.uid();
    Long cached =
        uid == null ? null : idOfKey.get(new Key(activity.content().workspaceGroupId(), uid));
    if (cached != null) {
      return findById(cached).orElseThrow(NotFoundException::new);
    }
    return remembered(super.insert(activity));
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    if (activities.stream().anyMatch(a -> a.uid() == null || a.createdAt() == null)) {
      return super.insertAll(activities); // lets the working store reject the batch whole
    }
    return activities.stream().map(this::insert).toList();
  }

  private Activity remembered(Activity stored) {
    idOfKey.putIfAbsent(new Key(stored.workspaceGroupId(), stored.uid()), stored.id());
    return stored;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UidCacheSurvivesPurge::new);
    }
  }
}
