package org.activitylog.testkit.broken;

import java.util.Optional;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.core.ActivityLog;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Looks a uid up with {@code COALESCE(workspace_group, workspace_group_id) = ?}, mixing up the
 * derived group with the owning one: an activity is found in the group it derives, and not in the
 * group that owns it when it derives another.
 */
final class UidLookupOnDerivedGroup extends BrokenRepository {

  UidLookupOnDerivedGroup(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    return delegate
        .list(
            ActivityQuery.builder().uid(uid).deleted(ActivityQuery.DeletedFilter.INCLUDE).build(),
            PageRequest.of(1, ActivityLog.DEFAULT_MAX_PAGE_SIZE),
            new Sort(Sort.Field.ID, Sort.Direction.ASC))
        .items()
        .stream()
        .filter(a -> Rows.derivedOrOwner(a) == workspaceGroupId)
        .findFirst()
        .map(this::view);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UidLookupOnDerivedGroup::new);
    }
  }
}
