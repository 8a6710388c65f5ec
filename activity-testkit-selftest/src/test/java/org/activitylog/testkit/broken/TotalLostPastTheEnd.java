package org.activitylog.testkit.broken;

import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Reads a listing's total from a {@code COUNT(*) OVER ()} column of the page query itself, to save
 * a second query: a page past the end has no row to carry it, so it reports a total of 0, and a
 * client paging by the total thinks the listing emptied.
 */
final class TotalLostPastTheEnd extends BrokenRepository {

  TotalLostPastTheEnd(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    Page<Activity> found = super.list(query, page, sort);
    return found.items().isEmpty() ? Page.of(List.of(), 0, page) : found;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, TotalLostPastTheEnd::new);
    }
  }
}
