package org.activitylog.testkit.broken;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Cursor;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.StoredActivities;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Serves listings from a denormalised feed table next to the activity table, and writes a soft
 * delete or restore to the feed row unconditionally, while the activity table's statement skips a
 * row already in that state: findById and findByUid show the first delete, but list, keyset paging
 * and scans show a second delete or restore as a new change, stamped again, one version on.
 */
final class FeedRowRestampedOnRepeat extends BrokenRepository {
  private final Clock clock;

  /** The feed rows that differ from the activity table, valid while its version is unchanged. */
  private final Map<Long, Activity> feedRows = new ConcurrentHashMap<>();

  FeedRowRestampedOnRepeat(ActivityRepository delegate, Clock clock) {
    super(delegate);
    this.clock = clock;
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    Activity before = delegate.findById(id).orElse(null);
    Activity deleted = super.softDelete(id, guard, deletedBy);
    if (before != null && before.isDeleted()) {
      feedRows.put(id, StoredActivities.deleted(deleted, clock.instant(), deletedBy));
    }
    return deleted;
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    Activity before = delegate.findById(id).orElse(null);
    Activity restored = super.restore(id, guard, restoredBy);
    if (before != null && !before.isDeleted()) {
      feedRows.put(id, StoredActivities.restored(restored, clock.instant(), restoredBy));
    }
    return restored;
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    return super.list(query, page, sort).map(this::feedRow);
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    return super.listAfter(query, sort, after, limit).stream().map(this::feedRow).toList();
  }

  private Activity feedRow(Activity stored) {
    Activity row = feedRows.get(stored.id());
    return row == null || row.version() != stored.version() + 1 ? stored : row;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, r -> new FeedRowRestampedOnRepeat(r, clock));
    }
  }
}
