package org.activitylog.testkit.broken;

import java.time.Clock;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingActivityStore;

/** An in-memory store whose activities or follow graph are seen through a broken decorator. */
final class BrokenStore extends ForwardingActivityStore {
  private final UnaryOperator<FollowGraph> brokenFollows;
  private final BiFunction<ActivityRepository, FollowGraph, ActivityRepository> brokenActivities;
  private final ActivityRepository activities;
  private final FollowGraph follows;

  private BrokenStore(
      ActivityStore delegate,
      UnaryOperator<FollowGraph> brokenFollows,
      BiFunction<ActivityRepository, FollowGraph, ActivityRepository> brokenActivities) {
    super(delegate);
    this.brokenFollows = brokenFollows;
    this.brokenActivities = brokenActivities;
    this.follows = brokenFollows.apply(delegate.follows());
    this.activities = brokenActivities.apply(delegate.activities(), follows);
  }

  /**
   * A second store on this one's storage with the same bug, as a second application node running
   * the same broken code on one database: each has its own decorators (and any state they keep).
   *
   * @param clock the second store's clock
   */
  ActivityStore sibling(Clock clock) {
    return new BrokenStore(
        InMemoryActivityStore.sharingStorageWith((InMemoryActivityStore) delegate, clock),
        brokenFollows,
        brokenActivities);
  }

  /**
   * A new in-memory store with a bug added to its activities.
   *
   * @param clock the store's clock
   * @param breakage wraps the working repository in a broken one
   */
  static ActivityStore create(Clock clock, UnaryOperator<ActivityRepository> breakage) {
    return create(
        clock, UnaryOperator.identity(), (activities, follows) -> breakage.apply(activities));
  }

  /**
   * A new in-memory store with a bug added to its follow graph.
   *
   * @param clock the store's clock
   * @param breakage wraps the working follow graph in a broken one
   */
  static ActivityStore withBrokenFollows(Clock clock, UnaryOperator<FollowGraph> breakage) {
    return create(clock, breakage, (activities, follows) -> activities);
  }

  /**
   * A new in-memory store whose follow graph and activities are both decorated, for a bug that lies
   * between the two (a feed that reads the follow graph itself) or that both share (a helper both
   * use).
   *
   * @param clock the store's clock
   * @param follows wraps the working follow graph
   * @param activities wraps the working repository; also receives the store's follow graph, as
   *     decorated
   */
  static ActivityStore create(
      Clock clock,
      UnaryOperator<FollowGraph> follows,
      BiFunction<ActivityRepository, FollowGraph, ActivityRepository> activities) {
    return new BrokenStore(InMemoryActivityStore.create(clock), follows, activities);
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
