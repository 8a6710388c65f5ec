package org.activitylog.testkit.broken;

import java.time.Clock;
import java.util.function.UnaryOperator;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;

/** An in-memory store whose activities are seen through a broken decorator. */
final class BrokenStore implements ActivityStore {
  private final ActivityStore delegate;
  private final ActivityRepository activities;

  private BrokenStore(ActivityStore delegate, ActivityRepository activities) {
    this.delegate = delegate;
    this.activities = activities;
  }

  /**
   * A new in-memory store with a bug added to its activities.
   *
   * @param clock the store's clock
   * @param breakage wraps the working repository in a broken one
   */
  static ActivityStore create(Clock clock, UnaryOperator<ActivityRepository> breakage) {
    ActivityStore working = InMemoryActivityStore.create(clock);
    return new BrokenStore(working, breakage.apply(working.activities()));
  }

  @Override
  public ActivityRepository activities() {
    return activities;
  }

  @Override
  public FollowGraph follows() {
    return delegate.follows();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
