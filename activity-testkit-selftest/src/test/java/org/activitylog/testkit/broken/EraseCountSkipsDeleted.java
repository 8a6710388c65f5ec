package org.activitylog.testkit.broken;

import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ErasureMode;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/** Erases every activity of the actor but reports only the ones that were not soft-deleted. */
final class EraseCountSkipsDeleted extends BrokenRepository {

  EraseCountSkipsDeleted(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    long deleted =
        delegate.count(
            ActivityQuery.builder().actor(actor).deleted(ActivityQuery.DeletedFilter.ONLY).build());
    return super.eraseActor(actor, mode) - deleted;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, EraseCountSkipsDeleted::new);
    }
  }
}
