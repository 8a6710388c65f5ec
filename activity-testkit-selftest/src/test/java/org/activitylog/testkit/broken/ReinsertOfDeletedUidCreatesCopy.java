package org.activitylog.testkit.broken;

import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Looks the idempotency key up among live activities only ({@code WHERE uid = ? AND deleted_at IS
 * NULL}), so inserting a uid again after its activity was soft-deleted stores a second activity
 * instead of returning the deleted one. Retried inserts and soft deletes each keep their rules;
 * only a retry after a delete shows the bug.
 */
final class ReinsertOfDeletedUidCreatesCopy extends StoresSecondCopies {
  ReinsertOfDeletedUidCreatesCopy(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    UUID uid = activity.uid();
    if (uid != null
        && delegate
            .findByUid(activity.content().workspaceGroupId(), uid)
            .map(Activity::isDeleted)
            .orElse(false)) {
      return storeSecondCopy(activity, uid);
    }
    return super.insert(activity);
  }

  /** The whole kit run against this backend; only the selftest's runs use it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, ReinsertOfDeletedUidCreatesCopy::new);
    }
  }

  /** The model-based contract run against this backend; only ModelBasedCatchesTest runs it. */
  static final class ModelContract extends ModelBasedCatchesTest.BrokenModelContract {
    ModelContract() {
      super(ReinsertOfDeletedUidCreatesCopy::new);
    }
  }
}
