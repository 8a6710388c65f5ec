package org.activitylog.testkit.broken;

import java.util.List;
import java.util.Optional;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Cursor;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Continues keyset paging after the sort key it reads from the cursor's activity ({@code (SELECT
 * created_at, id FROM activity WHERE id = ?)}) instead of the cursor's own values: when that
 * activity was erased or purged, or the cursor names no activity, the subquery finds no row and
 * paging ends early.
 */
final class CursorResolvedByRowLookup extends BrokenRepository {

  CursorResolvedByRowLookup(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    if (after == null) {
      return super.listAfter(query, sort, null, limit);
    }
    Optional<Activity> row = delegate.findById(after.id());
    return row.isEmpty() ? List.of() : super.listAfter(query, sort, Cursor.after(row.get()), limit);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, CursorResolvedByRowLookup::new);
    }
  }
}
