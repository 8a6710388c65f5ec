package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/** Lists soft-deleted activities when they should be hidden (count and keyset paging are right). */
final class SoftDeletedRowsListed extends BrokenRepository {

  SoftDeletedRowsListed(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    ActivityQuery leaky =
        query.deleted() == ActivityQuery.DeletedFilter.EXCLUDE
            ? query.toBuilder().deleted(ActivityQuery.DeletedFilter.INCLUDE).build()
            : query;
    return super.list(leaky, page, sort);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, SoftDeletedRowsListed::new);
    }
  }
}
