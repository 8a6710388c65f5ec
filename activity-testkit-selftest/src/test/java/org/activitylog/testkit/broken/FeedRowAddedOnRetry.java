package org.activitylog.testkit.broken;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Cursor;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.QueryMatching;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Serves listings from a denormalised feed table next to the activity table, and adds the feed row
 * after the insert-if-absent without checking whether the insert stored anything: the activity
 * table, findById, findByUid and count stay right, but every retried insert adds one more copy of
 * the activity to list, keyset paging and scans.
 */
final class FeedRowAddedOnRetry extends BrokenRepository {
  private final Map<Long, Integer> extraRows = new ConcurrentHashMap<>();

  FeedRowAddedOnRetry(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    UUID uid = activity.uid();
    boolean existed =
        uid != null && delegate.findByUid(activity.content().workspaceGroupId(), uid).isPresent();
    Activity stored = super.insert(activity);
    if (existed) {
      extraRows.merge(stored.id(), 1, Integer::sum);
    }
    return stored;
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    if (activities.stream().anyMatch(a -> a.uid() == null || a.createdAt() == null)) {
      return super.insertAll(activities); // lets the working store reject the batch whole
    }
    return activities.stream().map(this::insert).toList();
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    List<Activity> feed = feed(query, sort);
    int from = (int) Math.min(page.offset(), feed.size());
    int to = Math.min(from + page.size(), feed.size());
    return Page.of(feed.subList(from, to), feed.size(), page);
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    if (limit < 1) {
      return super.listAfter(query, sort, after, limit); // the working store rejects it
    }
    return feed(query, sort).stream()
        .filter(a -> QueryMatching.isAfter(a, after, sort))
        .limit(limit)
        .toList();
  }

  /** The feed table's rows of a query: each activity once, and once more per retried insert. */
  private List<Activity> feed(ActivityQuery query, Sort sort) {
    List<Activity> rows = new ArrayList<>();
    for (Activity a : matches(query, sort)) {
      for (int copy = 0; copy <= extraRows.getOrDefault(a.id(), 0); copy++) {
        rows.add(a);
      }
    }
    return rows;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, FeedRowAddedOnRetry::new);
    }
  }
}
