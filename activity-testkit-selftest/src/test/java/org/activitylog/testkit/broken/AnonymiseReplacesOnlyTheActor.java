package org.activitylog.testkit.broken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Anonymises with an UPDATE written before the audit columns existed: it replaces the actor and
 * nothing else, so created_by, updated_by and deleted_by, which may name the person, survive the
 * erasure, and the change bumps neither updated_at nor the version that caches and clients rely on.
 */
final class AnonymiseReplacesOnlyTheActor extends BrokenRepository {
  private final Map<Long, Activity> beforeErasure = new ConcurrentHashMap<>();

  AnonymiseReplacesOnlyTheActor(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    if (mode == ErasureMode.ANONYMISE) {
      ActivityQuery ofActor =
          ActivityQuery.builder().actor(actor).deleted(ActivityQuery.DeletedFilter.INCLUDE).build();
      try (Stream<Activity> found =
          delegate.scan(ofActor, new Sort(Sort.Field.ID, Sort.Direction.ASC), 100)) {
        found.forEach(a -> beforeErasure.put(a.id(), a));
      }
    }
    return super.eraseActor(actor, mode);
  }

  @Override
  protected Activity view(Activity stored) {
    Activity before = beforeErasure.get(stored.id());
    if (before == null || stored.version() != before.version() + 1) {
      return stored; // not anonymised here, or changed since
    }
    return stored.toBuilder()
        .createdBy(before.createdBy())
        .updatedAt(before.updatedAt())
        .updatedBy(before.updatedBy())
        .deletedBy(before.deletedBy())
        .version(before.version())
        .build();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, AnonymiseReplacesOnlyTheActor::new);
    }
  }
}
