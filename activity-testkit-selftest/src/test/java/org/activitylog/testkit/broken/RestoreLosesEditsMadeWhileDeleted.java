package org.activitylog.testkit.broken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Restores an activity from the copy taken when it was soft-deleted, as a backend that moves
 * deleted rows to an archive table and copies them back would: an update made while the activity
 * was deleted is lost when it is restored. Each step alone keeps its rule; only an update between a
 * delete and a restore shows the bug.
 */
final class RestoreLosesEditsMadeWhileDeleted extends BrokenRepository {
  private final Map<Long, ActivityContent> archived = new ConcurrentHashMap<>();

  RestoreLosesEditsMadeWhileDeleted(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    Activity deleted = super.softDelete(id, guard, deletedBy);
    archived.putIfAbsent(id, deleted.content());
    return deleted;
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    ActivityContent copy = archived.remove(id);
    Activity restored = super.restore(id, guard, restoredBy);
    if (copy == null || copy.equals(restored.content())) {
      return restored;
    }
    ActivityUpdate back =
        new ActivityUpdate(
            copy.type(),
            copy.actor(),
            copy.text(),
            copy.resource(),
            copy.campaign(),
            copy.extensions());
    return super.update(id, withVersion(guard, null), back, restoredBy);
  }

  /** The whole kit run against this backend; only the selftest's runs use it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, RestoreLosesEditsMadeWhileDeleted::new);
    }
  }

  /** The model-based contract run against this backend; only ModelBasedCatchesTest runs it. */
  static final class ModelContract extends ModelBasedCatchesTest.BrokenModelContract {
    ModelContract() {
      super(RestoreLosesEditsMadeWhileDeleted::new);
    }
  }
}
