package org.activitylog.testkit.broken;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingActivityStore;
import org.activitylog.spi.JobLease;
import org.jspecify.annotations.Nullable;

/** An in-memory store whose activities or follow graph are seen through a broken decorator. */
final class BrokenStore extends ForwardingActivityStore {
  private final UnaryOperator<FollowGraph> brokenFollows;
  private final BiFunction<ActivityRepository, FollowGraph, ActivityRepository> brokenActivities;
  private final ActivityRepository activities;
  private final FollowGraph follows;
  private final Clock clock;
  private final @Nullable LeaseTable leases;

  private BrokenStore(
      ActivityStore delegate,
      Clock clock,
      UnaryOperator<FollowGraph> brokenFollows,
      BiFunction<ActivityRepository, FollowGraph, ActivityRepository> brokenActivities,
      @Nullable LeaseTable leases) {
    super(delegate);
    this.clock = clock;
    this.brokenFollows = brokenFollows;
    this.brokenActivities = brokenActivities;
    this.leases = leases;
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
        clock,
        brokenFollows,
        brokenActivities,
        leases);
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
    return new BrokenStore(InMemoryActivityStore.create(clock), clock, follows, activities, null);
  }

  /**
   * A new in-memory store whose job leases are rows of a lease table, as a JDBC backend keeps them,
   * taken and released by statements with one bug; its siblings share the table.
   *
   * @param clock the store's clock
   * @param leases the broken lease table
   */
  static ActivityStore withLeaseTable(Clock clock, LeaseTable leases) {
    return new BrokenStore(
        InMemoryActivityStore.create(clock),
        clock,
        UnaryOperator.identity(),
        (activities, follows) -> activities,
        leases);
  }

  @Override
  public ActivityRepository activities() {
    return activities;
  }

  @Override
  public FollowGraph follows() {
    return follows;
  }

  @Override
  public Optional<JobLease> tryLease(String name, Duration ttl) {
    return leases == null ? delegate.tryLease(name, ttl) : leases.tryLease(name, ttl, clock);
  }
}
