package org.activitylog.testkit.broken;

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
 * The conditional update ({@code … WHERE id = ? AND version = ?}) sets every column but forgets
 * {@code version = version + 1}, which the unconditional one has: a write that expected a version
 * leaves it where it was, so the next writer holding the old version wins too, and the first write
 * is lost. The working store underneath always adds one, so this one reports and compares versions
 * less the increments the conditional updates should not have made.
 */
final class ConditionalUpdateKeepsVersion extends BrokenRepository {
  private final Map<Long, Long> notAdded = new ConcurrentHashMap<>();

  ConditionalUpdateKeepsVersion(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public synchronized Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    Long expected = guard.expectedVersion();
    if (expected == null) {
      return super.update(id, guard, update, updatedBy);
    }
    long lag = notAdded.getOrDefault(id, 0L);
    Activity updated = delegate.update(id, WriteGuard.trusted(expected + lag), update, updatedBy);
    if (updated.version() > expected + lag) {
      notAdded.merge(id, 1L, Long::sum);
    }
    return view(updated);
  }

  @Override
  protected Activity view(Activity stored) {
    long lag = notAdded.getOrDefault(stored.id(), 0L);
    if (lag == 0) {
      return stored;
    }
    return stored.toBuilder().version(stored.version() - lag).build();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, ConditionalUpdateKeepsVersion::new);
    }
  }
}
