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

/** Starts every page after the first one item early, so consecutive pages share an item. */
final class PageOffsetOffByOne extends BrokenRepository {

  PageOffsetOffByOne(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    List<Activity> all = matches(query, sort);
    long offset = Math.max(0, page.offset() - 1);
    int from = (int) Math.min(offset, all.size());
    int to = Math.min(from + page.size(), all.size());
    return Page.of(all.subList(from, to), all.size(), page);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PageOffsetOffByOne::new);
    }
  }
}
