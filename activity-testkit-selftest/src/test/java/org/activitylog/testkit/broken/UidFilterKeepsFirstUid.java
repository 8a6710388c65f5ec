package org.activitylog.testkit.broken;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.activitylog.api.ActivityQuery;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Writes the uid filter as {@code uid = ?} and binds the first uid only: its one caller when it was
 * written, the facade's getByUid, passes a single uid. A query for several uids lists one of them.
 */
final class UidFilterKeepsFirstUid extends QueryRewritingRepository {

  UidFilterKeepsFirstUid(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  ActivityQuery rewrite(ActivityQuery q) {
    Set<UUID> first = q.uids().stream().limit(1).collect(Collectors.toSet());
    return new ActivityQuery(
        q.ids(),
        first,
        q.types(),
        q.actors(),
        q.workspaceGroupIds(),
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
      return BrokenStore.create(clock, UidFilterKeepsFirstUid::new);
    }
  }
}
