package org.activitylog.testkit.broken;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.testkit.MutableClock;

/**
 * Orders a purge batch's rows as the feed does, {@code created_at DESC, id DESC}: a batch deletes
 * the newest rows the criteria match instead of the oldest, a purge stopped midway leaves a hole in
 * the middle of the history, and since the next batch starts after the newest time deleted, the
 * older rows are never reached.
 */
final class PurgeBatchNewestFirst extends BrokenRepository {

  PurgeBatchNewestFirst(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    if (limit < 1) {
      return super.purgeBatch(criteria, limit); // lets the working store reject it
    }
    List<Activity> oldestFirst = purgeMatches(criteria, true);
    List<Activity> newestFirst = new ArrayList<>(oldestFirst);
    Collections.reverse(newestFirst);
    return deleteAll(newestFirst.stream().limit(limit).toList());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PurgeBatchNewestFirst::new);
    }
  }
}
