package org.activitylog.testkit.broken;

import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Stores a second activity when a uid is inserted again, as a table without a unique uid index
 * would.
 */
final class DuplicateUidAccepted extends StoresSecondCopies {
  DuplicateUidAccepted(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    UUID uid = activity.uid();
    if (uid != null && delegate.findByUid(activity.content().workspaceGroupId(), uid).isPresent()) {
      return storeSecondCopy(activity, uid);
    }
    return super.insert(activity);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, DuplicateUidAccepted::new);
    }
  }
}
