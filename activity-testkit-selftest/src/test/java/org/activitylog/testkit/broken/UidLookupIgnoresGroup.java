package org.activitylog.testkit.broken;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Finds a uid in any workspace group, as a {@code SELECT … WHERE uid = ?} without the group would:
 * asked for one group, it answers with another group's activity of that uid.
 */
final class UidLookupIgnoresGroup extends BrokenRepository {
  private final Map<UUID, Long> idOfUid = new ConcurrentHashMap<>();

  UidLookupIgnoresGroup(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    return remembered(super.insert(activity));
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    return super.insertAll(activities).stream().map(this::remembered).toList();
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    Optional<Activity> own = super.findByUid(workspaceGroupId, uid);
    if (own.isPresent()) {
      return own;
    }
    Long any = idOfUid.get(uid);
    return any == null ? Optional.empty() : findById(any);
  }

  private Activity remembered(Activity stored) {
    idOfUid.putIfAbsent(stored.uid(), stored.id());
    return stored;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UidLookupIgnoresGroup::new);
    }
  }
}
