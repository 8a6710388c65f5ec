package org.activitylog.testkit;

import java.util.List;
import java.util.Optional;
import org.activitylog.spi.ActivityStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * Every rule a storage backend must keep, in one class: the repository, the follow graph, the
 * {@link org.activitylog.core.ActivityLog} facade over the store, the recorder writing into it and
 * retention (batched purges, job leases, the retention job). A backend author writes one subclass:
 *
 * <pre>{@code
 * class MyActivityStoreContractTest extends ActivityStoreContract {
 *   @Override
 *   protected ActivityStore createStore(MutableClock clock) {
 *     return MyActivityStore.open(DATABASE, clock);
 *   }
 *
 *   // Optional: a second store on the same storage runs the shared-storage tests.
 *   @Override
 *   protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
 *     return Optional.of(MyActivityStore.open(DATABASE, clock));
 *   }
 * }
 * }</pre>
 *
 * <p>Each group is one of the separate contracts ({@link ActivityRepositoryContract}, {@link
 * FollowGraphContract}, {@link ActivityLogContract}, {@link ActivityRecorderContract}, {@link
 * RetentionContract}, {@link ModelBasedContract}), run with this class's factories; authors who
 * want only some of them may subclass those instead.
 */
public abstract class ActivityStoreContract {

  /** For subclasses. */
  protected ActivityStoreContract() {}

  /**
   * Builds the store under test. Called before every test of every group.
   *
   * @param clock the clock the store must read for {@code updated_at} and {@code deleted_at}
   * @return a store; it may share storage with earlier ones, as long as it behaves as the contract
   *     says
   */
  protected abstract ActivityStore createStore(MutableClock clock);

  /**
   * Opens a second store on the same storage as the first, as a second application node on one
   * database would. Overriding this is all it takes to run the shared-storage tests.
   *
   * @param first the store under test, already open
   * @param clock the same clock as the first store's
   * @return the second store, or empty (the default) when the backend cannot share storage
   */
  protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
    return Optional.empty();
  }

  /**
   * Runs after every test, before the store is closed: delete test rows here if the storage is
   * shared across runs. Does nothing by default, since tests never read each other's data.
   *
   * @param store the store the test used
   * @param workspaceGroupIds every workspace group the test wrote into
   */
  protected void cleanUp(ActivityStore store, List<Long> workspaceGroupIds) {}

  /**
   * {@return how many random sequences the model-based group replays} 200 by default; lower it for
   * a slow backend, raise it for a soak run.
   */
  protected int modelRuns() {
    return ModelBasedContract.DEFAULT_RUNS;
  }

  /** The repository rules, with this class's factories. */
  @Nested
  @DisplayName("ActivityRepository")
  class Repository extends ActivityRepositoryContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return ActivityStoreContract.this.createStore(clock);
    }

    @Override
    protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
      return ActivityStoreContract.this.createSecondStore(first, clock);
    }

    @Override
    protected void cleanUp(ActivityStore store, List<Long> workspaceGroupIds) {
      ActivityStoreContract.this.cleanUp(store, workspaceGroupIds);
    }
  }

  /** The follow graph rules, with this class's factories. */
  @Nested
  @DisplayName("FollowGraph")
  class Follows extends FollowGraphContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return ActivityStoreContract.this.createStore(clock);
    }

    @Override
    protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
      return ActivityStoreContract.this.createSecondStore(first, clock);
    }

    @Override
    protected void cleanUp(ActivityStore store, List<Long> workspaceGroupIds) {
      ActivityStoreContract.this.cleanUp(store, workspaceGroupIds);
    }
  }

  /** The facade's rules over the store, with this class's factories. */
  @Nested
  @DisplayName("ActivityLog over the store")
  class Facade extends ActivityLogContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return ActivityStoreContract.this.createStore(clock);
    }

    @Override
    protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
      return ActivityStoreContract.this.createSecondStore(first, clock);
    }

    @Override
    protected void cleanUp(ActivityStore store, List<Long> workspaceGroupIds) {
      ActivityStoreContract.this.cleanUp(store, workspaceGroupIds);
    }
  }

  /** The recorder's rules writing into the store, with this class's factories. */
  @Nested
  @DisplayName("ActivityRecorder into the store")
  class Recorder extends ActivityRecorderContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return ActivityStoreContract.this.createStore(clock);
    }

    @Override
    protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
      return ActivityStoreContract.this.createSecondStore(first, clock);
    }

    @Override
    protected void cleanUp(ActivityStore store, List<Long> workspaceGroupIds) {
      ActivityStoreContract.this.cleanUp(store, workspaceGroupIds);
    }
  }

  /**
   * The retention rules (batched purges, job leases, the retention job), with this class's
   * factories.
   */
  @Nested
  @DisplayName("Retention")
  class Retention extends RetentionContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return ActivityStoreContract.this.createStore(clock);
    }

    @Override
    protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
      return ActivityStoreContract.this.createSecondStore(first, clock);
    }

    @Override
    protected void cleanUp(ActivityStore store, List<Long> workspaceGroupIds) {
      ActivityStoreContract.this.cleanUp(store, workspaceGroupIds);
    }
  }

  /** Random sequences against a reference model, with this class's factories. */
  @Nested
  @DisplayName("Model")
  class Model extends ModelBasedContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return ActivityStoreContract.this.createStore(clock);
    }

    @Override
    protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
      return ActivityStoreContract.this.createSecondStore(first, clock);
    }

    @Override
    protected void cleanUp(ActivityStore store, List<Long> workspaceGroupIds) {
      ActivityStoreContract.this.cleanUp(store, workspaceGroupIds);
    }

    @Override
    protected int modelRuns() {
      return ActivityStoreContract.this.modelRuns();
    }
  }
}
