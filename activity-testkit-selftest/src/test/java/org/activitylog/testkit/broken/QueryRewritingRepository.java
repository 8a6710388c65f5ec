package org.activitylog.testkit.broken;

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
 * Translates every query the same wrong way before list, count and keyset paging run it, as a
 * backend with one bug in its WHERE-clause builder would: the base of the filter bugs.
 */
abstract class QueryRewritingRepository extends BrokenRepository {

  QueryRewritingRepository(ActivityRepository delegate) {
    super(delegate);
  }

  /**
   * The query this backend actually runs.
   *
   * @param query the query asked for
   */
  abstract ActivityQuery rewrite(ActivityQuery query);

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    return super.list(rewrite(query), page, sort);
  }

  @Override
  public long count(ActivityQuery query) {
    return super.count(rewrite(query));
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    return super.listAfter(rewrite(query), sort, after, limit);
  }
}
