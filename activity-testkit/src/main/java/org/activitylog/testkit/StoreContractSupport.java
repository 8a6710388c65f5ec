package org.activitylog.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract shares: a fresh store per test built by the backend's factory, the
 * controllable clock, fresh random test data, declared capabilities and clean-up hooks.
 *
 * <p>Tests stay isolated on a shared database: each one writes into workspace groups, actors and
 * uids of its own (see {@link TestActivities}), and reads only those.
 */
public abstract class StoreContractSupport {

  /** The clock the store under test was built with; tests move it. */
  protected MutableClock clock;

  /** The store under test, new for every test. */
  protected ActivityStore store;

  /** Random, test-private data: workspace groups, actors, activities. */
  protected TestActivities data;

  private final List<ActivityStore> opened = new ArrayList<>();

  /**
   * Builds the store under test. Called before every test.
   *
   * @param clock the clock the store must read for {@code updated_at} and {@code deleted_at}
   * @return a store; it may share storage with earlier ones, as long as it behaves as the contract
   *     says
   */
  protected abstract ActivityStore createStore(MutableClock clock);

  /**
   * {@return a second store on the same storage as the first, for {@link
   * Capability#SHARED_STORAGE}}
   *
   * @param clock the same clock as the first store's
   * @throws UnsupportedOperationException unless overridden
   */
  protected ActivityStore createSecondStore(MutableClock clock) {
    throw new UnsupportedOperationException(
        "override createSecondStore(MutableClock) to declare Capability.SHARED_STORAGE");
  }

  /** {@return the optional capabilities the backend has} None by default. */
  protected Set<Capability> capabilities() {
    return Set.of();
  }

  /**
   * Runs after every test, before the store is closed: delete test rows here if the storage is
   * shared across runs. Does nothing by default, since tests never read each other's data.
   *
   * @param store the store the test used
   */
  protected void cleanUp(ActivityStore store) {}

  /**
   * Skips the calling test unless the backend declares a capability.
   *
   * @param capability the capability the test needs
   */
  protected final void requireCapability(Capability capability) {
    assumeTrue(
        capabilities().contains(capability),
        () ->
            "skipped: the backend does not declare "
                + capability
                + "; override capabilities() to include it (and createSecondStore for"
                + " SHARED_STORAGE) to run this test");
  }

  /**
   * Opens a second store on the same storage, closed after the test.
   *
   * @return the second store
   */
  protected final ActivityStore secondStore() {
    requireCapability(Capability.SHARED_STORAGE);
    ActivityStore second = createSecondStore(clock);
    opened.add(second);
    return second;
  }

  /**
   * The uid of an activity from {@link #data}, which always sets one; for the calls that need a
   * uid, such as {@code findByUid}.
   *
   * @param activity an activity built by {@link TestActivities}
   * @return its uid
   * @throws IllegalArgumentException if the activity has no uid
   */
  protected static UUID uidOf(NewActivity activity) {
    UUID uid = activity.uid();
    if (uid == null) {
      throw new IllegalArgumentException(
          "the activity has no uid; build it with TestActivities, which sets one");
    }
    return uid;
  }

  @BeforeEach
  final void openStore() {
    clock = new MutableClock();
    data = new TestActivities(clock);
    store = createStore(clock);
    opened.add(store);
  }

  @AfterEach
  final void closeStores() {
    try {
      // The store is missing when createStore threw or a @BeforeEach skipped the test (for
      // example a database that is not configured): nothing was written, so nothing to clean.
      if (opened.contains(store)) {
        cleanUp(store);
      }
    } finally {
      for (ActivityStore s : opened) {
        s.close();
      }
      opened.clear();
    }
  }
}
