package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Reads the nullable {@code workspace_group} column with JDBC's {@code getLong} and no {@code
 * wasNull()} check: an activity without a derived workspace group comes back with group 0.
 */
final class DerivedGroupNullReadAsZero extends BrokenRepository {

  DerivedGroupNullReadAsZero(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    Long derived = stored.content().derivedWorkspaceGroupId();
    return derived != null
        ? stored
        : Rows.withContent(stored, Rows.withDerivedGroup(stored.content(), 0L));
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, DerivedGroupNullReadAsZero::new);
    }
  }
}
