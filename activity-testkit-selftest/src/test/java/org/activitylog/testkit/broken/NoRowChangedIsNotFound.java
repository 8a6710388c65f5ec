package org.activitylog.testkit.broken;

import org.activitylog.api.ActorRef;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.NotFoundException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Reports an erasure that changed no row as a missing row. The store's write helper was written for
 * update and delete by id, where no row changed means an unknown id, and throws NotFoundException
 * then; eraseActor and removeActor reuse it, so erasing an actor without activities, or without
 * follow edges, fails instead of answering 0.
 */
final class NoRowChangedIsNotFound extends BrokenRepository {

  NoRowChangedIsNotFound(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    return changed(super.eraseActor(actor, mode));
  }

  /** The helper both halves share: the rows a statement changed, none being an unknown id. */
  static long changed(long rows) {
    if (rows == 0) {
      throw new NotFoundException();
    }
    return rows;
  }

  /** The follow graph's half: removeActor goes through the same helper. */
  static final class Follows extends ForwardingFollowGraph {
    Follows(FollowGraph delegate) {
      super(delegate);
    }

    @Override
    public long removeActor(ActorRef actor) {
      return changed(super.removeActor(actor));
    }
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(
          clock, Follows::new, (activities, follows) -> new NoRowChangedIsNotFound(activities));
    }
  }
}
