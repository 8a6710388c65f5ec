package org.activitylog.testkit.broken;

import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Cursor;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Passes keyset paging's limit to the database unchecked, where the facade has always checked it
 * first: {@code LIMIT 0} returns nothing and a negative limit means no limit, so a bad limit gives
 * a wrong answer instead of an error.
 */
final class ListAfterLimitUnchecked extends BrokenRepository {

  ListAfterLimitUnchecked(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    if (limit == 0) {
      return List.of();
    }
    return super.listAfter(query, sort, after, limit < 0 ? Integer.MAX_VALUE : limit);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, ListAfterLimitUnchecked::new);
    }
  }
}
