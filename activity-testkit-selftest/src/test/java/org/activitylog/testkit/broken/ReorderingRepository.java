package org.activitylog.testkit.broken;

import java.util.Comparator;
import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Cursor;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.jspecify.annotations.Nullable;

/**
 * Lists and pages correctly, but in an order of its own: the base of the backends whose bug is the
 * order.
 */
abstract class ReorderingRepository extends BrokenRepository {

  ReorderingRepository(ActivityRepository delegate) {
    super(delegate);
  }

  /**
   * The order this backend lists in when asked for a sort.
   *
   * @param sort the order asked for
   */
  abstract Comparator<Activity> order(Sort sort);

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    List<Activity> all = ordered(query, sort);
    int from = (int) Math.min(page.offset(), all.size());
    int to = Math.min(from + page.size(), all.size());
    return Page.of(all.subList(from, to), all.size(), page);
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    if (limit < 1) {
      return super.listAfter(query, sort, after, limit); // the working store rejects it
    }
    List<Activity> all = ordered(query, sort);
    int from = 0;
    if (after != null) {
      from = all.size();
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).id() == after.id()) {
          from = i + 1;
          break;
        }
      }
    }
    return all.subList(from, Math.min(from + limit, all.size()));
  }

  private List<Activity> ordered(ActivityQuery query, Sort sort) {
    return matches(query, sort).stream().sorted(order(sort)).toList();
  }
}
