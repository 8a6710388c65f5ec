package org.activitylog.testkit.broken;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Cursor;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.QueryMatching;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Keyset paging that includes the cursor's own activity ({@code >=} instead of {@code >}): every
 * batch after the first repeats the last activity of the one before.
 */
final class CursorRepeatsLastItem extends BrokenRepository {

  CursorRepeatsLastItem(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    if (after == null) {
      return super.listAfter(query, sort, null, limit);
    }
    List<Activity> batch = new ArrayList<>();
    findById(after.id())
        .filter(a -> QueryMatching.matches(query, a, Set.of()))
        .ifPresent(batch::add);
    if (limit > batch.size()) {
      batch.addAll(super.listAfter(query, sort, after, limit - batch.size()));
    }
    return batch;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, CursorRepeatsLastItem::new);
    }
  }
}
