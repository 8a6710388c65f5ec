package org.activitylog.testkit.broken;

import java.util.Optional;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Makes insert idempotent by looking the uid up first and inserting when it is missing, on a table
 * without a unique index on (workspace group, uid): one caller at a time gets the stored activity
 * back, but callers that look up at the same moment all find nothing and all insert, so a uid raced
 * for is stored twice.
 */
final class UidCheckThenInsert extends StoresSecondCopies {
  UidCheckThenInsert(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    UUID uid = activity.uid();
    if (uid == null) {
      return super.insert(activity); // lets the working store reject it
    }
    Optional<Activity> found = delegate.findByUid(activity.content().workspaceGroupId(), uid);
    if (found.isPresent()) {
      return view(found.get());
    }
    RaceWindow.between();
    Activity stored = delegate.insert(activity);
    if (stored.content().equals(activity.content())) {
      return view(stored);
    }
    // Another caller inserted the uid since the look-up: without a unique index, this row is a
    // second one.
    return storeSecondCopy(activity, uid);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UidCheckThenInsert::new);
    }
  }
}
