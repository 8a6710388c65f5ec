package org.activitylog.testkit.broken;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Never stamps {@code updated_at} on update: an updated activity keeps, in what update returns and
 * in every later read, the {@code updated_at} it had before its first update.
 */
final class UpdatedAtNotStamped extends BrokenRepository {
  private final Map<Long, Instant> unstamped = new ConcurrentHashMap<>();

  UpdatedAtNotStamped(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    delegate.findById(id).ifPresent(before -> unstamped.putIfAbsent(id, before.updatedAt()));
    return super.update(id, guard, update, updatedBy);
  }

  @Override
  protected Activity view(Activity stored) {
    Instant kept = unstamped.get(stored.id());
    if (kept == null) {
      return stored;
    }
    return stored.toBuilder().updatedAt(kept).build();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UpdatedAtNotStamped::new);
    }
  }
}
