package org.activitylog.testkit.broken;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Cursor;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.QueryMatching;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * insertAll returns before its rows are committed: it writes on a connection without auto-commit
 * and commits at the start of the next insertAll, meant to finish earlier work. Readers see a batch
 * only once another batch follows it, and the last batch before a shutdown is never committed.
 */
final class BatchCommittedByTheNextOne extends BrokenRepository {
  private static final Sort BY_ID = new Sort(Sort.Field.ID, Sort.Direction.ASC);

  /** The rows of the last batch, which only its writer sees. */
  private final Set<Long> uncommitted = ConcurrentHashMap.newKeySet();

  BatchCommittedByTheNextOne(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public synchronized List<Activity> insertAll(List<NewActivity> activities) {
    uncommitted.clear();
    Set<Long> before = new HashSet<>();
    for (NewActivity a : activities) {
      UUID uid = a.uid();
      if (uid != null) {
        delegate.findByUid(a.content().workspaceGroupId(), uid).ifPresent(s -> before.add(s.id()));
      }
    }
    List<Activity> stored = super.insertAll(activities);
    for (Activity s : stored) {
      if (!before.contains(s.id())) {
        uncommitted.add(s.id());
      }
    }
    return stored;
  }

  private boolean committed(Activity a) {
    return !uncommitted.contains(a.id());
  }

  @Override
  public Optional<Activity> findById(long id) {
    return super.findById(id).filter(this::committed);
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    return super.findByUid(workspaceGroupId, uid).filter(this::committed);
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    List<Activity> all = visible(query, sort);
    int from = (int) Math.min(page.offset(), all.size());
    int to = Math.min(from + page.size(), all.size());
    return Page.of(all.subList(from, to), all.size(), page);
  }

  @Override
  public long count(ActivityQuery query) {
    return visible(query, BY_ID).size();
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    if (limit < 1) {
      throw new ValidationException("limit", "must be 1 or more", limit);
    }
    return visible(query, sort).stream()
        .filter(a -> QueryMatching.isAfter(a, after, sort))
        .limit(limit)
        .toList();
  }

  private List<Activity> visible(ActivityQuery query, Sort sort) {
    return matches(query, sort).stream().filter(this::committed).toList();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, BatchCommittedByTheNextOne::new);
    }
  }
}
