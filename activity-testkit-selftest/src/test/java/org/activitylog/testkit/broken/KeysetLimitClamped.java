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
 * Never checks listAfter's limit and binds {@code Math.max(limit, 0)} to the LIMIT clause so that
 * the database does not reject a negative one: a limit below 1 quietly returns no activities
 * instead of failing.
 */
final class KeysetLimitClamped extends BrokenRepository {

  KeysetLimitClamped(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    if (limit < 1) {
      return List.of();
    }
    return super.listAfter(query, sort, after, limit);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, KeysetLimitClamped::new);
    }
  }
}
