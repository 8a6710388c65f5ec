package org.activitylog.testkit.broken;

import java.util.List;
import java.util.Set;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Cursor;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.QueryMatching;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Filters workspace groups on {@code COALESCE(workspace_group, workspace_group_id)}, mixing up the
 * derived group with the owning one: an activity is listed under the group its resource's context
 * names rather than under the tenant that owns it.
 */
final class WorkspaceFilterOnDerivedGroup extends BrokenRepository {
  private static final Sort BY_ID = new Sort(Sort.Field.ID, Sort.Direction.ASC);

  WorkspaceFilterOnDerivedGroup(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    List<Activity> all = selected(query, sort);
    int from = (int) Math.min(page.offset(), all.size());
    int to = Math.min(from + page.size(), all.size());
    return Page.of(all.subList(from, to), all.size(), page);
  }

  @Override
  public long count(ActivityQuery query) {
    return selected(query, BY_ID).size();
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    if (limit < 1) {
      return super.listAfter(query, sort, after, limit); // the working store rejects it
    }
    return selected(query, sort).stream()
        .filter(a -> QueryMatching.isAfter(a, after, sort))
        .limit(limit)
        .toList();
  }

  private List<Activity> selected(ActivityQuery q, Sort sort) {
    if (q.workspaceGroupIds().isEmpty()) {
      return matches(q, sort);
    }
    ActivityQuery anyGroup =
        new ActivityQuery(
            q.ids(),
            q.uids(),
            q.types(),
            q.actors(),
            Set.of(),
            q.campaignIds(),
            q.createdFrom(),
            q.createdBefore(),
            q.followedBy(),
            q.deleted());
    return matches(anyGroup, sort).stream()
        .filter(a -> q.workspaceGroupIds().contains(Rows.derivedOrOwner(a)))
        .toList();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, WorkspaceFilterOnDerivedGroup::new);
    }
  }
}
