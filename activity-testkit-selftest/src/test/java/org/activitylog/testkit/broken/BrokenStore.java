package org.activitylog.testkit.broken;

import java.time.Clock;
import java.util.function.UnaryOperator;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.ForwardingActivityStore;

/** An in-memory store whose activities are seen through a broken decorator. */
final class BrokenStore extends ForwardingActivityStore {
  private final ActivityRepository activities;

  private BrokenStore(ActivityStore delegate, UnaryOperator<ActivityRepository> breakage) {
    super(delegate);
    this.activities = breakage.apply(delegate.activities());
  }

  /**
   * A new in-memory store with a bug added to its activities.
   *
   * @param clock the store's clock
   * @param breakage wraps the working repository in a broken one
   */
  static ActivityStore create(Clock clock, UnaryOperator<ActivityRepository> breakage) {
    return new BrokenStore(InMemoryActivityStore.create(clock), breakage);
  }

  @Override
  public ActivityRepository activities() {
    return activities;
  }
}
