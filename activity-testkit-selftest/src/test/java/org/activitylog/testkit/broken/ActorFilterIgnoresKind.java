package org.activitylog.testkit.broken;

import java.util.HashSet;
import java.util.Set;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Keeps every actor id in one UUID column, a user's number {@code n} as {@code
 * 00000000-0000-0000-<n in hex>}, and filters {@code actor_id IN (…)} without {@code actor_kind}:
 * asked for a user, it also lists the member whose UUID holds the same number.
 */
final class ActorFilterIgnoresKind extends QueryRewritingRepository {

  ActorFilterIgnoresKind(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  ActivityQuery rewrite(ActivityQuery q) {
    Set<ActorRef> actors = new HashSet<>(q.actors());
    for (ActorRef actor : q.actors()) {
      ActorRef twin = SameNumber.twin(actor);
      if (twin != null) {
        actors.add(twin);
      }
    }
    return new ActivityQuery(
        q.ids(),
        q.uids(),
        q.types(),
        actors,
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
      return BrokenStore.create(clock, ActorFilterIgnoresKind::new);
    }
  }
}
