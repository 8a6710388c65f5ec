package org.activitylog.testkit.broken;

import java.util.Optional;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/** Does not find a soft-deleted activity by its uid. */
final class FindByUidSkipsDeleted extends BrokenRepository {

  FindByUidSkipsDeleted(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    return super.findByUid(workspaceGroupId, uid).filter(a -> !a.isDeleted());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, FindByUidSkipsDeleted::new);
    }
  }
}
