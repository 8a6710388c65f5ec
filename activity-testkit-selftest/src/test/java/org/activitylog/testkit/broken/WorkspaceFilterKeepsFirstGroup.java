package org.activitylog.testkit.broken;

import java.util.Set;
import java.util.stream.Collectors;
import org.activitylog.api.ActivityQuery;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Takes the single-workspace form of the query ({@code workspace_group_id = ?}, which lets the
 * database read the feed index in order) whenever the query names a workspace group, not only when
 * it names exactly one: a query of several groups, such as the host's or a requester's with several
 * groups, sees one of them.
 */
final class WorkspaceFilterKeepsFirstGroup extends QueryRewritingRepository {

  WorkspaceFilterKeepsFirstGroup(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  ActivityQuery rewrite(ActivityQuery q) {
    Set<Long> first = q.workspaceGroupIds().stream().limit(1).collect(Collectors.toSet());
    return new ActivityQuery(
        q.ids(),
        q.uids(),
        q.types(),
        q.actors(),
        first,
        q.campaignIds(),
        q.createdFrom(),
        q.createdBefore(),
        q.followedBy(),
        q.deleted());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, WorkspaceFilterKeepsFirstGroup::new);
    }
  }
}
