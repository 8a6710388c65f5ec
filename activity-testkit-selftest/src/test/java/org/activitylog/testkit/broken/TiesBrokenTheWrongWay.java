package org.activitylog.testkit.broken;

import java.util.Comparator;
import org.activitylog.api.Activity;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.QueryMatching;
import org.activitylog.testkit.MutableClock;

/**
 * Breaks ties on created_at by id in the opposite direction: {@code ORDER BY created_at DESC, id
 * ASC}.
 */
final class TiesBrokenTheWrongWay extends ReorderingRepository {

  TiesBrokenTheWrongWay(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  Comparator<Activity> order(Sort sort) {
    if (sort.field() == Sort.Field.ID) {
      return QueryMatching.comparator(sort);
    }
    Comparator<Activity> byTime = Comparator.comparing(Activity::createdAt);
    Comparator<Activity> byId = Comparator.comparingLong(Activity::id);
    return sort.direction() == Sort.Direction.ASC
        ? byTime.thenComparing(byId.reversed())
        : byTime.reversed().thenComparing(byId);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, TiesBrokenTheWrongWay::new);
    }
  }
}
