package org.activitylog.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.core.ActivityLog;
import org.activitylog.recorder.RecorderMetrics;
import org.activitylog.spi.ActivityStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestReporter;

/**
 * What every contract shares: a fresh store per test built by the backend's factory, the
 * controllable clock, fresh random test data, an optional second store on the same storage, a
 * clean-up hook, and the helpers the tests use (documented, so a backend author can write tests of
 * the backend's own features in the same style).
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
   * Opens a second store on the same storage as the first, as a second application node on one
   * database would. Overriding this is all it takes to run the shared-storage tests; without it
   * they are skipped with a message that says so.
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
   * Opens a second store on the same storage, closed after the test; skips the calling test when
   * the backend offers none.
   *
   * @return the second store
   */
  protected final ActivityStore secondStore() {
    Optional<ActivityStore> second = createSecondStore(store, clock);
    assumeTrue(
        second.isPresent(),
        "skipped: the backend offers no second store on the same storage; override"
            + " createSecondStore(ActivityStore, MutableClock) to run the shared-storage tests");
    opened.add(second.get());
    return second.get();
  }

  /**
   * Opens a second store on the same storage, closed after the test, when the backend offers one;
   * for tests that check what they can on one store and more with two.
   *
   * @return the second store, or empty when the backend offers none
   */
  protected final Optional<ActivityStore> secondStoreIfAny() {
    Optional<ActivityStore> second = createSecondStore(store, clock);
    second.ifPresent(opened::add);
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
        cleanUp(store, data.workspaceGroupIds());
      }
    } finally {
      for (ActivityStore s : opened) {
        s.close();
      }
      opened.clear();
    }
  }

  /** Sorts activities by id, oldest first: the insertion order. */
  protected static final Sort ID_ASC = new Sort(Sort.Field.ID, Sort.Direction.ASC);

  /**
   * Inserts a {@code RESOURCE_VIEWED} activity of this test's user, created at an instant.
   *
   * @param workspaceGroupId the owning workspace group
   * @param createdAt the creation time
   * @return the stored activity
   */
  protected final Activity insertAt(long workspaceGroupId, Instant createdAt) {
    return store
        .activities()
        .insert(
            data.activity(ActivityType.RESOURCE_VIEWED, data.user())
                .workspaceGroupId(workspaceGroupId)
                .createdAt(createdAt)
                .build());
  }

  /**
   * Lists every activity a query matches in one page, failing when there are more than a page of
   * {@value ActivityLog#DEFAULT_MAX_PAGE_SIZE} holds (test data sets stay smaller).
   *
   * @param query the filters
   * @param sort the order
   * @return the matching activities, sorted
   */
  protected final List<Activity> listAll(ActivityQuery query, Sort sort) {
    Page<Activity> page =
        store.activities().list(query, PageRequest.of(1, ActivityLog.DEFAULT_MAX_PAGE_SIZE), sort);
    assertThat(page.total())
        .as("total of a test listing (items %s)", describe(page.items()))
        .isLessThanOrEqualTo(ActivityLog.DEFAULT_MAX_PAGE_SIZE);
    return page.items();
  }

  /**
   * Asserts that a query lists exactly these activities, in any order, comparing ids.
   *
   * @param query the filters
   * @param expected the activities it must list
   */
  protected final void assertListed(ActivityQuery query, Collection<Activity> expected) {
    List<Activity> found = listAll(query, ID_ASC);
    assertThat(ids(found))
        .as("list(%s) should give %s but gave%n%s", query, ids(expected), describe(found))
        .containsExactlyInAnyOrderElementsOf(ids(expected));
  }

  /**
   * Scans every matching activity, stopping a few past the matching count so that a scan which
   * loops fails instead of hanging.
   *
   * @param query the filters
   * @param sort the order
   * @param batchSize the scan's batch size
   * @return what the scan returned, in its order
   */
  protected final List<Activity> scan(ActivityQuery query, Sort sort, int batchSize) {
    long bound = store.activities().count(query) + 5;
    return store.activities().scan(query, sort, batchSize).limit(bound).toList();
  }

  /**
   * {@return the uids stored in this test's workspace groups, one per row, soft-deleted ones
   * excluded}
   */
  protected final List<UUID> storedUids() {
    try (Stream<Activity> rows =
        store
            .activities()
            .scan(data.query().build(), Sort.DEFAULT, ActivityLog.DEFAULT_MAX_PAGE_SIZE)) {
      return rows.map(Activity::uid).toList();
    }
  }

  /**
   * Checks and reports what a recorder did with what it accepted: every accepted activity is
   * stored, dropped or failed; the test's rows are exactly the kept uids, each once. The figures go
   * to the JUnit report and to standard output.
   *
   * @param m the recorder's metrics after it finished
   * @param kept the uids of the activities the recorder kept (not dropped or failed)
   * @param reporter the test's reporter
   */
  protected final void assertAccountedFor(
      RecorderMetrics m, Collection<UUID> kept, TestReporter reporter) {
    List<UUID> rows = storedUids();
    int duplicates = rows.size() - new HashSet<>(rows).size();
    String report =
        String.format(
            "accepted=%d stored=%d dropped=%d failed=%d retried=%d rows=%d duplicates=%d",
            m.accepted(),
            m.stored(),
            m.droppedTotal(),
            m.failed(),
            m.retried(),
            rows.size(),
            duplicates);
    reporter.publishEntry("recorder", report);
    // Also on standard output, which build tools keep with the test's report.
    System.out.println("[recorder] " + getClass().getSimpleName() + ": " + report);
    assertThat(m.accepted())
        .as("accepted = stored + dropped + failed, in %s", m)
        .isEqualTo(m.stored() + m.droppedTotal() + m.failed());
    assertThat(duplicates).as("uids stored more than once among %s rows", rows.size()).isZero();
    assertThat((long) rows.size())
        .as("rows in the store vs stored, in %s", m)
        .isEqualTo(m.stored());
    assertThat(rows).as("the stored uids are the accepted, kept ones").hasSameElementsAs(kept);
  }

  /**
   * {@return the ids of activities, in their order}
   *
   * @param activities the activities
   */
  protected static List<Long> ids(Collection<Activity> activities) {
    return activities.stream().map(Activity::id).toList();
  }

  /**
   * {@return one line per activity with what the tests look at, for failure messages}
   *
   * @param activities the activities
   */
  protected static String describe(Collection<Activity> activities) {
    if (activities.isEmpty()) {
      return "[]";
    }
    return activities.stream()
        .map(a -> "  " + describe(a))
        .collect(Collectors.joining("\n", "\n", ""));
  }

  /**
   * {@return an activity's id, type, actor, group, creation time, version and deletion, in one
   * line}
   *
   * @param a the activity
   */
  protected static String describe(Activity a) {
    return "#"
        + a.id()
        + " "
        + a.type()
        + " by "
        + a.actor().ref()
        + " in "
        + a.workspaceGroupId()
        + " at "
        + a.createdAt()
        + " v"
        + a.version()
        + (a.isDeleted() ? " deleted at " + a.deletedAt() : "");
  }
}
