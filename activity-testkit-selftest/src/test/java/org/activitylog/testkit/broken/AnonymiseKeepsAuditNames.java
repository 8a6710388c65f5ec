package org.activitylog.testkit.broken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Anonymises by replacing the actor and stamping the change, but leaves {@code created_by}, {@code
 * updated_by} and {@code deleted_by}, which may name the person: the erased person stays in the
 * audit trail.
 */
final class AnonymiseKeepsAuditNames extends BrokenRepository {
  /** The names an erasure left in place, until the next change of the activity. */
  private final Map<Long, Activity> beforeErasure = new ConcurrentHashMap<>();

  AnonymiseKeepsAuditNames(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    if (mode == ErasureMode.ANONYMISE) {
      delegate
          .scan(
              ActivityQuery.builder()
                  .actor(actor)
                  .deleted(ActivityQuery.DeletedFilter.INCLUDE)
                  .build(),
              new Sort(Sort.Field.ID, Sort.Direction.ASC),
              100)
          .forEach(a -> beforeErasure.put(a.id(), a));
    }
    return super.eraseActor(actor, mode);
  }

  @Override
  protected Activity view(Activity stored) {
    Activity before = beforeErasure.get(stored.id());
    return before == null || before.version() + 1 != stored.version()
        ? stored
        : Rows.withAuditNames(stored, before.createdBy(), before.updatedBy(), before.deletedBy());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, AnonymiseKeepsAuditNames::new);
    }
  }
}
