package org.activitylog.testkit.broken;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.ValidationException;
import org.activitylog.core.ActivityLog;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Scans with {@code LIMIT n OFFSET k} pages instead of a keyset cursor. On a table nobody writes to
 * that is the same walk; but an activity inserted ahead of the scan's position pushes the rest down
 * a row, so the next page starts with one already returned, and one deleted there pulls them up, so
 * the next page skips one.
 */
final class ScanPagesByOffset extends BrokenRepository {

  ScanPagesByOffset(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Stream<Activity> scan(ActivityQuery query, Sort sort, int batchSize) {
    if (batchSize < 1) {
      throw new ValidationException("batch_size", "must be 1 or more", batchSize);
    }
    int size = Math.min(batchSize, ActivityLog.DEFAULT_MAX_PAGE_SIZE);
    Iterator<Activity> it =
        new Iterator<>() {
          private List<Activity> batch = List.of();
          private int next;
          private int page;
          private boolean exhausted;

          @Override
          public boolean hasNext() {
            if (next < batch.size()) {
              return true;
            }
            if (exhausted) {
              return false;
            }
            page++;
            batch = list(query, PageRequest.of(page, size), sort).items();
            next = 0;
            exhausted = batch.size() < size;
            return !batch.isEmpty();
          }

          @Override
          public Activity next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return batch.get(next++);
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, ScanPagesByOffset::new);
    }
  }
}
