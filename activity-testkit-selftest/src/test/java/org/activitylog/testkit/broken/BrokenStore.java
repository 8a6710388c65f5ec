package org.activitylog.testkit.broken;

import java.time.Clock;
import java.util.function.UnaryOperator;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingActivityStore;

/** An in-memory store whose activities or follow graph are seen through a broken decorator. */
final class BrokenStore extends ForwardingActivityStore {
  private final ActivityRepository activities;
  private final FollowGraph follows;

  private BrokenStore(
      ActivityStore delegate,
      UnaryOperator<ActivityRepository> brokenActivities,
      UnaryOperator<FollowGraph> brokenFollows) {
    super(delegate);
    this.activities = brokenActivities.apply(delegate.activities());
    this.follows = brokenFollows.apply(delegate.follows());
  }

  /**
   * A new in-memory store with a bug added to its activities.
   *
   * @param clock the store's clock
   * @param breakage wraps the working repository in a broken one
   */
  static ActivityStore create(Clock clock, UnaryOperator<ActivityRepository> breakage) {
    return new BrokenStore(InMemoryActivityStore.create(clock), breakage, UnaryOperator.identity());
  }

  /**
   * A new in-memory store with a bug added to its follow graph.
   *
   * @param clock the store's clock
   * @param breakage wraps the working follow graph in a broken one
   */
  static ActivityStore withBrokenFollows(Clock clock, UnaryOperator<FollowGraph> breakage) {
    return new BrokenStore(InMemoryActivityStore.create(clock), UnaryOperator.identity(), breakage);
  }

  @Override
  public ActivityRepository activities() {
    return activities;
  }

  @Override
  public FollowGraph follows() {
    return follows;
  }
}
