package org.activitylog.testkit.broken;

import org.activitylog.api.ActorRef;
import org.activitylog.api.ErasureMode;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Keeps every actor id in one UUID column, a user's number {@code n} as {@code
 * 00000000-0000-0000-<n in hex>}, and erases {@code WHERE actor_id = ?} without {@code actor_kind}:
 * erasing a user also erases the member whose UUID holds the same number, and the other way round.
 */
final class EraseIgnoresActorKind extends BrokenRepository {

  EraseIgnoresActorKind(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    long erased = super.eraseActor(actor, mode);
    ActorRef twin = SameNumber.twin(actor);
    return twin == null ? erased : erased + super.eraseActor(twin, mode);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, EraseIgnoresActorKind::new);
    }
  }
}
