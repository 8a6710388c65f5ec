package org.activitylog.testkit;

import static org.activitylog.testkit.ConcurrentRounds.valuesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.activitylog.api.AccessDeniedException;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityQuery.DeletedFilter;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Campaign;
import org.activitylog.api.ConflictException;
import org.activitylog.api.Cursor;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.JsonValue;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.UnknownActivityType;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.core.ActivityLog;
import org.activitylog.formats.Attachment;
import org.activitylog.formats.BrightideaDetails;
import org.activitylog.formats.Comment;
import org.activitylog.formats.HiFive;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.QueryMatching;
import org.activitylog.spi.StoredActivities;
import org.activitylog.spi.WriteGuard;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link ActivityRepository} must keep. A backend author runs them with one
 * subclass:
 *
 * <pre>{@code
 * class MyActivityRepositoryContractTest extends ActivityRepositoryContract {
 *   @Override
 *   protected ActivityStore createStore(MutableClock clock) {
 *     return MyActivityStore.create(dataSource, clock);
 *   }
 * }
 * }</pre>
 *
 * <p>The tests are grouped by operation; each group's and each test's display name states the rule,
 * and each test's javadoc says where to look when it fails.
 *
 * <p><b>Shared databases.</b> Every test writes into workspace groups, actors and uids of its own
 * and reads only through them, so the store may keep rows of earlier tests. Purging is the one
 * global operation: the purge tests create activities only in random one-hour windows between 2001
 * and 2010 and never purge with a later cutoff, so rows of every other test (created from 2013 on)
 * are never touched. The one other test that creates older activities, the fidelity test of times
 * (back to year 1), does so for actors of its own and erases them before it ends, so that no purge
 * counts them. A backend's own tests must not create activities before 2011 on the same database,
 * and the tests of this class must not run in parallel on one database (JUnit's default is one at a
 * time).
 */
public abstract class ActivityRepositoryContract extends StoreContractSupport {

  /** How many threads the concurrency tests run at once. */
  private static final int THREADS = ConcurrentRounds.THREADS;

  private static final Sort ID_DESC = new Sort(Sort.Field.ID, Sort.Direction.DESC);
  private static final Sort DATE_ASC = new Sort(Sort.Field.DATE_CREATED, Sort.Direction.ASC);
  private static final Sort DATE_DESC = new Sort(Sort.Field.DATE_CREATED, Sort.Direction.DESC);
  private static final List<Sort> EVERY_SORT = List.of(ID_ASC, ID_DESC, DATE_ASC, DATE_DESC);

  /** The first instant of the purge tests' windows; every window ends before 2011. */
  private static final Instant PURGE_ERA = Instant.parse("2001-01-01T00:00:00Z");

  private static final long PURGE_ERA_HOURS = 9L * 365 * 24;

  /** {@return the repository of the store under test} */
  protected final ActivityRepository repository() {
    return store.activities();
  }

  @Nested
  @DisplayName("Inserting")
  class Inserting {

    /**
     * If this fails, check that insert assigns a new id to every activity and stores the activity
     * as {@link StoredActivities#created(long, NewActivity)} describes it, updated_at copied from
     * created_at rather than stamped with the time of the insert.
     */
    @Test
    @DisplayName(
        "An inserted activity gets a unique id, version 1, active, not deleted, updated_at equal to"
            + " created_at")
    void insertedActivityHasFreshState() {
      List<NewActivity> drafts = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        drafts.add(data.any());
      }
      // Stored a while after they happened, as a recorder's queue stores them.
      clock.advance(Duration.ofMinutes(5));
      List<Activity> stored = new ArrayList<>();
      for (NewActivity draft : drafts) {
        stored.add(repository().insert(draft));
      }

      assertThat(ids(stored))
          .as("ids of five inserts: %s", describe(stored))
          .doesNotHaveDuplicates();
      for (Activity a : stored) {
        assertThat(a.version()).as("version of new activity %s", describe(a)).isEqualTo(1);
        assertThat(a.active()).as("active flag of new activity %s", describe(a)).isTrue();
        assertThat(a.deletedAt()).as("deleted_at of new activity %s", describe(a)).isNull();
        assertThat(a.deletedBy()).as("deleted_by of new activity %s", describe(a)).isNull();
        assertThat(a.updatedAt())
            .as("updated_at of new activity %s", describe(a))
            .isEqualTo(a.createdAt());
      }
    }

    /**
     * If this fails, check the mapping of every field (actor profiles, resource JSON, campaign,
     * Brightidea details with hi-fives, comments and attachment, audit fields) and that times keep
     * microseconds.
     */
    @Test
    @DisplayName("Both seeds' example activities survive storage with every field intact")
    void seedActivitiesRoundTrip() {
      List<NewActivity> drafts = new ArrayList<>(SeedActivities.all(data.workspaceGroupId()));
      drafts.add(
          data.activity(ActivityType.RESOURCE_COMMENTED, data.user())
              .createdAt(clock.instant().plusNanos(123_456_789))
              .derivedWorkspaceGroupId(data.newWorkspaceGroupId())
              .campaign(new Campaign(UUID.randomUUID(), "Campaign with ünïcode ✓"))
              .resource(
                  Map.of(
                      "nested",
                      List.of(1, 2.5, "three", Map.of("deep", true)),
                      "empty",
                      List.of(),
                      "quote",
                      "say \"hi\"\n"))
              .build());

      for (NewActivity draft : drafts) {
        Activity stored = repository().insert(draft);
        Activity expected = StoredActivities.created(stored.id(), draft);

        assertThat(stored).as("insert returned").isEqualTo(expected);
        assertThat(repository().findById(stored.id()))
            .as("findById(%d)", stored.id())
            .contains(expected);
        assertThat(repository().findByUid(draft.content().workspaceGroupId(), uidOf(draft)))
            .as("findByUid(%s)", draft.uid())
            .contains(expected);
      }
      List<Activity> listed = listAll(data.query().build(), ID_ASC);
      assertThat(listed)
          .as("listing of the seed activities")
          .containsExactlyInAnyOrderElementsOf(
              listed.stream()
                  .map(a -> StoredActivities.created(a.id(), draftOf(drafts, a)))
                  .toList());
    }

    /**
     * If this fails, check that insert looks the uid up (or relies on a unique index) and returns
     * the stored activity, not the one given, when the uid exists.
     */
    @Test
    @DisplayName(
        "Inserting an existing uid returns the stored activity unchanged and creates nothing")
    void insertIsIdempotentOnUid() {
      NewActivity first = data.any();
      Activity stored = repository().insert(first);
      clock.advance(Duration.ofMinutes(5));
      NewActivity retry =
          data.activity(ActivityType.USER_LOGOUT, data.user()).uid(first.uid()).text("x").build();

      Activity again = repository().insert(retry);

      assertThat(again).as("second insert of uid %s", first.uid()).isEqualTo(stored);
      assertThat(repository().findByUid(first.content().workspaceGroupId(), uidOf(first)))
          .as("stored activity of uid %s", first.uid())
          .contains(stored);
      assertThat(repository().count(data.query().deleted(DeletedFilter.INCLUDE).build()))
          .as("activities stored after inserting one uid twice")
          .isEqualTo(1);
    }

    /**
     * If this fails, check every table or index a write touches: a retried insert must add no row
     * anywhere, including a feed or search table that list, keyset paging and scans read.
     */
    @Test
    @DisplayName(
        "After retried inserts and batches of one uid, every read shows one activity: findById,"
            + " findByUid, list, count, keyset paging and scan")
    void retriesShowOneActivityEverywhere() {
      NewActivity first = data.any();
      Activity stored = repository().insert(first);
      NewActivity retry = data.login(data.user()).withUid(uidOf(first));

      repository().insert(retry);
      repository().insertAll(List.of(retry, first));
      repository().insertAll(List.of(first));

      assertReadsBack(List.of(stored), List.of("an activity inserted four times"));
      assertFound(data.query().deleted(DeletedFilter.INCLUDE).build(), List.of(stored));
      assertThat(ids(scan(data.query().build(), DATE_DESC, 1)))
          .as("scan of an activity inserted four times")
          .containsExactly(stored.id());
    }

    /**
     * If this fails, check that the insert's key is the workspace group and the uid together (a
     * unique index on both, and an insert-if-absent that matches both), not the uid alone.
     */
    @Test
    @DisplayName(
        "The same uid in another workspace group is another activity: each insert stores and"
            + " returns its own")
    void uidIsUniquePerWorkspaceGroup() {
      long otherGroup = data.newWorkspaceGroupId();
      NewActivity here = data.any();
      NewActivity there =
          data.activity(ActivityType.USER_LOGOUT, data.user())
              .uid(uidOf(here))
              .workspaceGroupId(otherGroup)
              .text("another tenant's")
              .build();

      Activity first = repository().insert(here);
      Activity second = repository().insert(there);
      List<Activity> batch = repository().insertAll(List.of(here, there));

      assertThat(second.id())
          .as("id of the uid's activity in the other group")
          .isNotEqualTo(first.id());
      assertThat(second)
          .as("insert into the other group")
          .isEqualTo(StoredActivities.created(second.id(), there));
      assertThat(batch).as("a batch repeating both keys").containsExactly(first, second);
      assertThat(repository().findByUid(otherGroup, uidOf(here)))
          .as("the uid in the other group")
          .contains(second);
      assertThat(repository().findByUid(data.workspaceGroupId(), uidOf(here)))
          .as("the uid in the first group")
          .contains(first);
    }

    /**
     * If this fails, check that a batch deduplicates on the workspace group and the uid together:
     * one uid in two groups of one batch is two activities.
     */
    @Test
    @DisplayName("One uid in two workspace groups of one batch stores two activities")
    void insertAllKeysOnGroupAndUid() {
      long otherGroup = data.newWorkspaceGroupId();
      NewActivity here = data.any();
      NewActivity there =
          data.activity(ActivityType.USER_LOGIN, data.user())
              .uid(uidOf(here))
              .workspaceGroupId(otherGroup)
              .build();

      List<Activity> result = repository().insertAll(List.of(here, there, here));

      assertThat(result)
          .extracting(Activity::workspaceGroupId)
          .as("groups of the results")
          .containsExactly(data.workspaceGroupId(), otherGroup, data.workspaceGroupId());
      assertThat(result.get(1).id())
          .as("the other group's activity")
          .isNotEqualTo(result.get(0).id());
      assertThat(result.get(2)).as("the repeated key").isEqualTo(result.get(0));
      assertThat(repository().findByUid(otherGroup, uidOf(here)))
          .as("the uid in the other group")
          .contains(result.get(1));
    }

    /**
     * If this fails, check that a batch insert deduplicates uids within the batch, not only against
     * what was stored before it.
     */
    @Test
    @DisplayName("A uid given twice in one batch is stored once, and both positions return it")
    void insertAllDeduplicatesWithinBatch() {
      NewActivity a = data.any();
      NewActivity sameUid = data.login(data.user()).withUid(uidOf(a));
      NewActivity b = data.any();

      List<Activity> result = repository().insertAll(List.of(a, sameUid, b));

      assertThat(result).as("insertAll result").hasSize(3);
      assertThat(result.get(1))
          .as("the repeated uid's result (first was %s)", describe(result.get(0)))
          .isEqualTo(result.get(0));
      assertThat(result.get(0).content()).as("content kept for the uid").isEqualTo(a.content());
      assertThat(result.get(2).uid()).as("third result's uid").isEqualTo(b.uid());
      assertThat(repository().count(data.query().deleted(DeletedFilter.INCLUDE).build()))
          .as("activities stored from a batch of three with one uid repeated")
          .isEqualTo(2);
    }

    /**
     * If this fails, check that a batch insert returns the stored activity for a uid that an
     * earlier batch stored.
     */
    @Test
    @DisplayName("A batch repeating a uid of an earlier batch returns the stored activity")
    void insertAllDeduplicatesAcrossBatches() {
      NewActivity a = data.any();
      NewActivity b = data.any();
      List<Activity> first = repository().insertAll(List.of(a, b));
      clock.advance(Duration.ofSeconds(1));

      List<Activity> second =
          repository().insertAll(List.of(data.login(data.user()).withUid(uidOf(b)), data.any()));

      assertThat(second.get(0)).as("result for the repeated uid").isEqualTo(first.get(1));
      assertThat(second.get(1).id())
          .as("id of the new activity in the second batch")
          .isNotIn(ids(first));
      assertThat(repository().count(data.query().deleted(DeletedFilter.INCLUDE).build()))
          .as("activities stored by two batches of two sharing one uid")
          .isEqualTo(3);
    }

    /**
     * If this fails, check that batch results are put back in input order (databases may return
     * generated keys in another order).
     */
    @Test
    @DisplayName("A batch insert returns the stored activities in the order given, with unique ids")
    void insertAllKeepsOrder() {
      List<NewActivity> drafts = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        drafts.add(
            data.activity(ActivityType.XP_GAINED, data.user())
                .createdAt(clock.instant().plusSeconds((i * 7L) % 12))
                .build());
      }

      List<Activity> result = repository().insertAll(drafts);

      assertThat(result.stream().map(Activity::uid).toList())
          .as("uids of insertAll result, in order: %s", describe(result))
          .isEqualTo(drafts.stream().map(NewActivity::uid).toList());
      assertThat(ids(result)).as("ids of insertAll result").doesNotHaveDuplicates();
      for (int i = 0; i < result.size(); i++) {
        assertThat(result.get(i))
            .as("result %d of insertAll", i)
            .isEqualTo(StoredActivities.created(result.get(i).id(), drafts.get(i)));
      }
    }

    /** If this fails, check that insertAll accepts an empty list and returns an empty one. */
    @Test
    @DisplayName("A batch insert of no activities returns an empty list")
    void insertAllOfNothing() {
      assertThat(repository().insertAll(List.of())).as("insertAll(empty)").isEmpty();
    }

    /**
     * If this fails, check that insert rejects a missing uid with a ValidationException naming
     * {@code uid} before writing anything.
     */
    @Test
    @DisplayName("An activity without a uid is rejected naming uid, and nothing is stored")
    void missingUidIsRejected() {
      NewActivity noUid = data.activity(ActivityType.USER_LOGIN, data.user()).uid(null).build();

      assertThatThrownBy(() -> repository().insert(noUid))
          .as("insert without uid")
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("uid"));
      assertNothingStored();
    }

    /**
     * If this fails, check that insert rejects a missing creation time with a ValidationException
     * naming {@code created_at} before writing anything.
     */
    @Test
    @DisplayName(
        "An activity without created_at is rejected naming created_at, and nothing is stored")
    void missingCreatedAtIsRejected() {
      NewActivity noTime =
          data.activity(ActivityType.USER_LOGIN, data.user()).createdAt(null).build();

      assertThatThrownBy(() -> repository().insert(noTime))
          .as("insert without created_at")
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("created_at"));
      assertNothingStored();
    }

    /**
     * If this fails, check that insertAll validates every activity before writing any, or writes
     * the batch in one transaction.
     */
    @Test
    @DisplayName("A batch with one invalid activity is rejected whole, and nothing is stored")
    void invalidBatchStoresNothing() {
      List<NewActivity> batch =
          List.of(
              data.any(),
              data.any(),
              data.activity(ActivityType.USER_LOGIN, data.user()).uid(null).build(),
              data.any());

      assertThatThrownBy(() -> repository().insertAll(batch))
          .as("insertAll with a uid missing in the third activity")
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("uid"));
      assertNothingStored();
    }

    /**
     * If this fails, check that insertAll checks every activity's creation time before writing any,
     * not only its uid, or writes the batch in one transaction.
     */
    @Test
    @DisplayName(
        "A batch with one activity missing created_at is rejected whole, and nothing is stored")
    void batchMissingCreatedAtStoresNothing() {
      List<NewActivity> batch =
          List.of(
              data.any(),
              data.any(),
              data.activity(ActivityType.USER_LOGIN, data.user()).createdAt(null).build(),
              data.any());

      assertThatThrownBy(() -> repository().insertAll(batch))
          .as("insertAll with created_at missing in the third activity")
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("created_at"));
      assertNothingStored();
    }

    /**
     * If this fails, check that insertAll validates the whole batch before it writes any of it, or
     * writes it in one transaction, however many statements or chunks the batch takes.
     */
    @Test
    @DisplayName(
        "A batch of a thousand with one invalid activity in the middle or at the end is rejected"
            + " whole, and nothing is stored")
    void largeInvalidBatchStoresNothing() {
      int size = 1_000;
      List<NewActivity> noTime = validBatch(size);
      noTime.set(
          size / 2 + 1, data.activity(ActivityType.XP_GAINED, data.user()).createdAt(null).build());
      List<NewActivity> noUid = validBatch(size);
      noUid.set(size - 1, data.activity(ActivityType.XP_GAINED, data.user()).uid(null).build());

      assertThatThrownBy(() -> repository().insertAll(noTime))
          .as("insertAll of %d with created_at missing at position %d", size, size / 2 + 1)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("created_at"));
      assertThat(repository().count(data.query().deleted(DeletedFilter.INCLUDE).build()))
          .as("activities stored after a rejected batch of %d", size)
          .isZero();
      assertThatThrownBy(() -> repository().insertAll(noUid))
          .as("insertAll of %d with the uid missing in the last activity", size)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("uid"));
      assertThat(repository().count(data.query().deleted(DeletedFilter.INCLUDE).build()))
          .as("activities stored after a rejected batch of %d", size)
          .isZero();
    }

    /**
     * If this fails, check that insert-if-absent looks at every row of the key, soft-deleted ones
     * included: no {@code deleted_at IS NULL} in the look-up and no partial unique index.
     */
    @Test
    @DisplayName(
        "Inserting the uid of a soft-deleted activity returns it, still deleted, and stores"
            + " nothing")
    void deletedActivityKeepsItsUid() {
      NewActivity first = data.any();
      Activity stored = repository().insert(first);
      clock.advance(Duration.ofMinutes(1));
      Activity deleted = repository().softDelete(stored.id(), WriteGuard.TRUSTED, "remover");
      clock.advance(Duration.ofMinutes(1));
      NewActivity retry =
          data.activity(ActivityType.USER_LOGOUT, data.user()).uid(uidOf(first)).build();

      Activity again = repository().insert(retry);
      List<Activity> batch = repository().insertAll(List.of(retry, data.any()));

      assertThat(again).as("insert of the deleted activity's uid").isEqualTo(deleted);
      assertThat(batch.get(0)).as("insertAll of the deleted activity's uid").isEqualTo(deleted);
      assertThat(repository().findByUid(data.workspaceGroupId(), uidOf(first)))
          .as("findByUid of the deleted activity's uid")
          .contains(deleted);
      assertListed(
          data.query().deleted(DeletedFilter.INCLUDE).build(), List.of(deleted, batch.get(1)));
      assertThat(repository().count(data.query().deleted(DeletedFilter.ONLY).build()))
          .as("soft-deleted activities after inserting the deleted one's uid twice")
          .isEqualTo(1);
      assertListed(data.query().build(), List.of(batch.get(1)));
    }

    /**
     * If this fails, check that purge and erasure remove the uid with the row: an idempotency cache
     * or key table in front of the activities must forget it too.
     */
    @Test
    @DisplayName(
        "A uid whose activity was purged or erased can be recorded again, as a new activity")
    void uidIsFreeAfterPurgeOrErasure() {
      Instant window = clearedPurgeWindow();
      NewActivity old =
          data.activity(ActivityType.USER_LOGIN, data.user())
              .createdAt(window.plusSeconds(1))
              .build();
      Activity purged = repository().insert(old);
      repository().purgeCreatedBefore(window.plusSeconds(2));
      UserSimple erased = data.user();
      NewActivity byErased = data.login(erased);
      Activity removed = repository().insert(byErased);
      repository().eraseActor(erased.ref(), ErasureMode.REMOVE);

      NewActivity oldAgain = old.withCreatedAt(clock.instant());
      NewActivity erasedAgain = data.login(data.user()).withUid(uidOf(byErased));
      Activity first = repository().insert(oldAgain);
      Activity second = repository().insertAll(List.of(erasedAgain)).get(0);

      assertThat(first)
          .as("insert of a purged uid")
          .isEqualTo(StoredActivities.created(first.id(), oldAgain));
      assertThat(second)
          .as("insertAll of an erased uid")
          .isEqualTo(StoredActivities.created(second.id(), erasedAgain));
      assertThat(List.of(first.id(), second.id()))
          .as("ids of the uids recorded again")
          .doesNotContain(purged.id(), removed.id());
      assertThat(repository().findByUid(data.workspaceGroupId(), uidOf(old)))
          .as("findByUid of the purged uid")
          .contains(first);
      assertListed(data.query().deleted(DeletedFilter.INCLUDE).build(), List.of(first, second));
    }

    /**
     * If this fails, check that the insert's key is the owning group, {@code workspace_group_id},
     * and not the derived {@code workspace_group}, which is only a copy of the resource's context.
     */
    @Test
    @DisplayName(
        "The derived workspace_group is not part of the key: a uid another group derives into this"
            + " one is still free here")
    void derivedGroupIsNotTheKey() {
      long derived = data.newWorkspaceGroupId();
      NewActivity elsewhere =
          data.activity(ActivityType.POST_IDEA, data.member())
              .derivedWorkspaceGroupId(derived)
              .build();
      NewActivity here =
          data.activity(ActivityType.POST_IDEA, data.member())
              .uid(uidOf(elsewhere))
              .workspaceGroupId(derived)
              .build();

      Activity first = repository().insert(elsewhere);
      Activity second = repository().insert(here);
      List<Activity> batch = repository().insertAll(List.of(here, elsewhere));

      assertThat(second)
          .as(
              "insert into %d of a uid group %d owns and derives into %d",
              derived, data.workspaceGroupId(), derived)
          .isEqualTo(StoredActivities.created(second.id(), here));
      assertThat(second.id()).as("id of the second activity").isNotEqualTo(first.id());
      assertThat(batch).as("a batch repeating both keys").containsExactly(second, first);
    }

    private List<NewActivity> validBatch(int size) {
      List<NewActivity> batch = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        batch.add(
            data.activity(ActivityType.XP_GAINED, data.user())
                .createdAt(clock.instant().plusMillis(i))
                .build());
      }
      return batch;
    }

    private void assertNothingStored() {
      List<Activity> found = listAll(data.query().deleted(DeletedFilter.INCLUDE).build(), ID_ASC);
      assertThat(found).as("activities stored after a rejected insert").isEmpty();
    }
  }

  @Nested
  @DisplayName("Finding by id and uid")
  class Finding {

    /** If this fails, check findById and findByUid and the mapping of the row they read. */
    @Test
    @DisplayName("An activity is found by its id and by its uid")
    void foundByIdAndUid() {
      Activity stored = repository().insert(data.any());
      repository().insert(data.any());

      assertThat(repository().findById(stored.id()))
          .as("findById(%d)", stored.id())
          .contains(stored);
      assertThat(repository().findByUid(stored.workspaceGroupId(), stored.uid()))
          .as("findByUid(%s)", stored.uid())
          .contains(stored);
    }

    /** If this fails, check that a missing row gives Optional.empty(), not an exception. */
    @Test
    @DisplayName("An unknown id or uid gives an empty result")
    void unknownIsEmpty() {
      repository().insert(data.any());
      long unknown = absentId();

      assertThat(repository().findById(unknown)).as("findById(%d)", unknown).isEmpty();
      UUID unknownUid = UUID.randomUUID();
      assertThat(repository().findByUid(data.workspaceGroupId(), unknownUid))
          .as("findByUid(%s)", unknownUid)
          .isEmpty();
    }

    /**
     * If this fails, check that findByUid matches the workspace group as well as the uid, so that a
     * uid another group holds is not found.
     */
    @Test
    @DisplayName("A uid is found only in the workspace group that holds it")
    void uidFoundOnlyInItsGroup() {
      Activity stored = repository().insert(data.any());
      long otherGroup = data.newWorkspaceGroupId();

      assertThat(repository().findByUid(otherGroup, stored.uid()))
          .as("findByUid in a group that does not hold uid %s", stored.uid())
          .isEmpty();
      assertThat(repository().findByUid(stored.workspaceGroupId(), stored.uid()))
          .as("findByUid in the group that holds it")
          .contains(stored);
    }

    /** If this fails, check that findById and findByUid do not filter out soft-deleted rows. */
    @Test
    @DisplayName("A soft-deleted activity is still found by its id and by its uid")
    void softDeletedIsFound() {
      Activity stored = repository().insert(data.any());
      Activity deleted = repository().softDelete(stored.id(), WriteGuard.TRUSTED, "remover");

      assertThat(repository().findById(stored.id()))
          .as("findById(%d)", stored.id())
          .contains(deleted);
      assertThat(repository().findByUid(stored.workspaceGroupId(), stored.uid()))
          .as("findByUid(%s)", stored.uid())
          .contains(deleted);
    }

    /**
     * If this fails, check that findByUid matches the owning group, {@code workspace_group_id},
     * never the derived {@code workspace_group} (nor the one or the other).
     */
    @Test
    @DisplayName(
        "A uid is found in the group that owns its activity, never in the group it derives")
    void uidNotFoundInDerivedGroup() {
      long derived = data.newWorkspaceGroupId();
      Activity stored =
          repository()
              .insert(
                  data.activity(ActivityType.POST_IDEA, data.member())
                      .derivedWorkspaceGroupId(derived)
                      .build());

      assertThat(repository().findByUid(derived, stored.uid()))
          .as(
              "findByUid in the derived group %d of an activity group %d owns",
              derived, stored.workspaceGroupId())
          .isEmpty();
      assertThat(repository().findByUid(stored.workspaceGroupId(), stored.uid()))
          .as("findByUid in the owning group")
          .contains(stored);
    }
  }

  @Nested
  @DisplayName("Updating")
  class Updating {

    /**
     * If this fails, check that update merges the given fields into the stored content, stamps
     * updated_at from the store's clock (not the database's) and updated_by, and increments the
     * version.
     */
    @Test
    @DisplayName(
        "An update replaces the given fields, keeps the others and the identity, stamps updated_at"
            + " and updated_by, and adds one to the version")
    void updateReplacesGivenFields() {
      NewActivity draft =
          data.activity(ActivityType.POST_IDEA, data.member())
              .derivedWorkspaceGroupId(data.newWorkspaceGroupId())
              .campaign(new Campaign(UUID.randomUUID(), "Campaign"))
              .build();
      Activity original = repository().insert(draft);
      Instant updateTime = clock.advance(Duration.ofMinutes(90).plusNanos(250_000));
      UserSimple newActor = data.user();

      Activity updated =
          repository()
              .update(
                  original.id(),
                  WriteGuard.TRUSTED,
                  ActivityUpdate.text("edited text").withActor(newActor),
                  "editor");

      Activity expected =
          original.toBuilder()
              .content(original.content().toBuilder().actor(newActor).text("edited text").build())
              .updatedAt(updateTime)
              .updatedBy("editor")
              .version(2)
              .build();
      assertThat(updated).as("update result").isEqualTo(expected);
      assertThat(repository().findById(original.id()))
          .as("stored activity after update")
          .contains(expected);
    }

    /** If this fails, check that every content field but the workspace groups is written. */
    @Test
    @DisplayName(
        "An update giving every field replaces the whole content but the workspace groups, which"
            + " own the activity")
    void updateReplacesEveryField() {
      Activity original = repository().insert(data.any());
      clock.advance(Duration.ofSeconds(1));
      Campaign campaign = new Campaign(UUID.randomUUID(), "New campaign");
      BrightideaDetails details =
          BrightideaDetails.builder()
              .ideaId("idea-1")
              .ideaTitle("Title")
              .categoryName("Category")
              .anonymous(true)
              .teamSubmission(false)
              .build();
      Member actor = data.member();
      ActivityUpdate update =
          new ActivityUpdate(
              ActivityType.POST_IDEA,
              actor,
              "new text",
              JsonValue.of(Map.of("replaced", true)),
              campaign,
              details.toExtensions());

      Activity updated = repository().update(original.id(), WriteGuard.TRUSTED, update, "editor");

      ActivityContent expected =
          ActivityContent.builder(ActivityType.POST_IDEA, actor, original.workspaceGroupId())
              .text("new text")
              .resource(JsonValue.of(Map.of("replaced", true)))
              .derivedWorkspaceGroupId(original.content().derivedWorkspaceGroupId())
              .campaign(campaign)
              .extensions(details.toExtensions())
              .build();
      assertThat(updated.content()).as("content after a full update").isEqualTo(expected);
      assertThat(repository().findById(original.id()).map(Activity::content))
          .as("stored content after a full update")
          .contains(expected);
    }

    /** If this fails, check that update compares and increments the version atomically. */
    @Test
    @DisplayName("An update with the current version succeeds and each one adds one to the version")
    void expectedVersionMatches() {
      Activity original = repository().insert(data.any());

      Activity v2 =
          repository()
              .update(original.id(), WriteGuard.trusted(1L), ActivityUpdate.text("two"), "a");
      Activity v3 =
          repository()
              .update(original.id(), WriteGuard.trusted(2L), ActivityUpdate.text("three"), "b");

      assertThat(v2.version()).as("version after the first update").isEqualTo(2);
      assertThat(v3.version()).as("version after the second update").isEqualTo(3);
      assertThat(repository().findById(original.id())).as("stored activity").contains(v3);
    }

    /**
     * If this fails, check that update compares the stored version with the expected one and throws
     * ConflictException without writing when they differ.
     */
    @Test
    @DisplayName("An update with a stale version fails with a conflict and changes nothing")
    void expectedVersionMismatchConflicts() {
      Activity original = repository().insert(data.any());
      Activity current =
          repository().update(original.id(), WriteGuard.TRUSTED, ActivityUpdate.text("v2"), "a");
      clock.advance(Duration.ofSeconds(3));

      for (long stale : List.of(1L, 3L, 42L)) {
        assertThatThrownBy(
                () ->
                    repository()
                        .update(
                            original.id(),
                            WriteGuard.trusted(stale),
                            ActivityUpdate.text("lost"),
                            "late"))
            .as("update expecting version %d when the stored version is 2", stale)
            .isInstanceOf(ConflictException.class);
      }
      assertThat(repository().findById(original.id()))
          .as("stored activity after rejected updates")
          .contains(current);
    }

    /** If this fails, check that update reports a missing row as NotFoundException. */
    @Test
    @DisplayName("Updating an unknown id fails with not found")
    void unknownIdIsNotFound() {
      long unknown = absentId();

      assertThatThrownBy(
              () -> repository().update(unknown, WriteGuard.TRUSTED, ActivityUpdate.text("x"), "a"))
          .as("update(%d)", unknown)
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(
              () ->
                  repository()
                      .update(unknown, WriteGuard.trusted(1L), ActivityUpdate.text("x"), "a"))
          .as("update(%d) with an expected version", unknown)
          .isInstanceOf(NotFoundException.class);
    }

    /**
     * If this fails, check that update compares the merged content with the stored one and writes
     * nothing, audit fields and version included, when they are equal.
     */
    @Test
    @DisplayName(
        "An update that leaves every field as stored changes nothing: same version, updated_at and"
            + " updated_by")
    void noOpUpdateChangesNothing() {
      Activity original = repository().insert(data.any());
      Activity edited =
          repository().update(original.id(), WriteGuard.TRUSTED, ActivityUpdate.text("v2"), "a");
      clock.advance(Duration.ofHours(2));
      ActivityContent c = edited.content();
      ActivityUpdate sameValues =
          new ActivityUpdate(
              c.type(), c.actor(), c.text(), c.resource(), c.campaign(), c.extensions());

      Activity none =
          repository().update(original.id(), WriteGuard.TRUSTED, ActivityUpdate.NONE, "auditor");
      Activity same =
          repository()
              .update(original.id(), WriteGuard.trusted(edited.version()), sameValues, "auditor");

      assertThat(none).as("result of an update giving no field").isEqualTo(edited);
      assertThat(same).as("result of an update giving the stored values").isEqualTo(edited);
      assertThat(repository().findById(original.id()))
          .as("stored activity after the no-op updates")
          .contains(edited);
    }

    /**
     * If this fails, check that update compares the expected version before it decides that the
     * update changes nothing.
     */
    @Test
    @DisplayName("An update that changes nothing still fails with a conflict on a stale version")
    void noOpUpdateWithStaleVersionConflicts() {
      Activity original = repository().insert(data.any());
      Activity current =
          repository().update(original.id(), WriteGuard.TRUSTED, ActivityUpdate.text("v2"), "a");

      assertThatThrownBy(
              () ->
                  repository()
                      .update(original.id(), WriteGuard.trusted(1L), ActivityUpdate.NONE, "late"))
          .as("a no-op update expecting version 1 when the stored version is 2")
          .isInstanceOf(ConflictException.class);
      assertThat(repository().findById(original.id())).as("stored activity").contains(current);
    }

    /**
     * If this fails, check that update, softDelete and restore refuse an updated_by or deleted_by
     * longer than {@link Activity#MAX_AUDIT_NAME} characters with a ValidationException naming the
     * field before writing anything, and store a name of exactly that length whole: the column is
     * that wide, and nothing truncates it.
     */
    @Test
    @DisplayName(
        "Audit names of up to 255 characters are stored whole; a longer one is refused naming its"
            + " field, and nothing changes")
    void auditNameLimit() {
      String longest = "n".repeat(Activity.MAX_AUDIT_NAME);
      String tooLong = longest + "x";
      Activity live = repository().insert(data.any());
      Activity gone =
          repository()
              .softDelete(repository().insert(data.any()).id(), WriteGuard.TRUSTED, "remover");
      clock.advance(Duration.ofSeconds(1));

      Activity updated =
          repository().update(live.id(), WriteGuard.TRUSTED, ActivityUpdate.text("v2"), longest);
      Activity deleted = repository().softDelete(live.id(), WriteGuard.TRUSTED, longest);
      Activity restored = repository().restore(live.id(), WriteGuard.TRUSTED, longest);

      assertThat(updated.updatedBy()).as("updated_by of %s", describe(updated)).isEqualTo(longest);
      assertThat(deleted.deletedBy()).as("deleted_by of %s", describe(deleted)).isEqualTo(longest);
      assertThat(restored.updatedBy())
          .as("updated_by of %s", describe(restored))
          .isEqualTo(longest);
      assertRefused(
          () ->
              repository()
                  .update(live.id(), WriteGuard.TRUSTED, ActivityUpdate.text("v3"), tooLong),
          "update",
          "updated_by");
      assertRefused(
          () -> repository().softDelete(live.id(), WriteGuard.TRUSTED, tooLong),
          "softDelete",
          "deleted_by");
      assertRefused(
          () -> repository().restore(gone.id(), WriteGuard.TRUSTED, tooLong),
          "restore",
          "updated_by");
      assertThat(repository().findById(live.id()))
          .as("stored activity after refused writes")
          .contains(restored);
      assertThat(repository().findById(gone.id()))
          .as("stored deleted activity after a refused restore")
          .contains(gone);
    }

    /**
     * If this fails, check that a null updated_by or deleted_by is written as NULL: an audit name
     * is optional, and a missing one is neither an empty string nor an error.
     */
    @Test
    @DisplayName("Update, soft delete and restore without an audit name store none")
    void auditNameIsOptional() {
      Activity original = repository().insert(data.any());
      clock.advance(Duration.ofSeconds(1));

      Activity updated =
          repository().update(original.id(), WriteGuard.TRUSTED, ActivityUpdate.text("v2"), null);
      Activity deleted = repository().softDelete(original.id(), WriteGuard.TRUSTED, null);
      Activity restored = repository().restore(original.id(), WriteGuard.TRUSTED, null);

      assertThat(updated.updatedBy()).as("updated_by of %s", describe(updated)).isNull();
      assertThat(deleted.deletedBy()).as("deleted_by of %s", describe(deleted)).isNull();
      assertThat(deleted.updatedBy()).as("updated_by of %s", describe(deleted)).isNull();
      assertThat(restored.updatedBy()).as("updated_by of %s", describe(restored)).isNull();
      assertThat(repository().findById(original.id())).as("stored activity").contains(restored);
    }

    private void assertRefused(Runnable write, String operation, String field) {
      assertThatThrownBy(write::run)
          .as("%s with an audit name of %d characters", operation, Activity.MAX_AUDIT_NAME + 1)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    /**
     * If this fails, check that update writes only the content and the update stamps: never
     * deleted_at, deleted_by or is_active (an update that writes back a whole row built afresh
     * brings a deleted activity back).
     */
    @Test
    @DisplayName(
        "An update of a soft-deleted activity keeps it deleted: deleted_at, deleted_by and"
            + " active=false stay, and it stays out of default listings")
    void updateKeepsDeletion() {
      Activity original = repository().insert(data.any());
      clock.advance(Duration.ofMinutes(1));
      Activity deleted = repository().softDelete(original.id(), WriteGuard.TRUSTED, "remover");
      Instant at = clock.advance(Duration.ofMinutes(1).plusNanos(1_500));
      ActivityUpdate edit = ActivityUpdate.text("edited while deleted");

      Activity updated =
          repository().update(original.id(), WriteGuard.trusted(deleted.version()), edit, "editor");

      Activity expected = StoredActivities.updated(deleted, edit, at, "editor");
      assertWrote("update of a soft-deleted activity", updated, expected);
      assertReadsBack(List.of(expected), List.of("a soft-deleted activity after an update"));
      assertListed(data.query().build(), List.of());
      assertListed(data.query().deleted(DeletedFilter.ONLY).build(), List.of(expected));
    }

    /**
     * If this fails, check that update checks updated_by's length against {@link
     * Activity#MAX_AUDIT_NAME} itself, in characters, before it writes: a column that cuts a longer
     * name, or a database error, is no answer.
     */
    @Test
    @DisplayName(
        "An update by a name of 255 characters stores it whole; a longer name is rejected naming"
            + " updated_by, and nothing changes")
    void updatedByLength() {
      String longest = EdgeValues.filled("\u00fc", Activity.MAX_AUDIT_NAME);
      Activity original = repository().insert(data.any());
      clock.advance(Duration.ofSeconds(1));

      Activity updated =
          repository()
              .update(original.id(), WriteGuard.TRUSTED, ActivityUpdate.text("v2"), longest);
      clock.advance(Duration.ofSeconds(1));
      Throwable tooLong =
          catchThrowable(
              () ->
                  repository()
                      .update(
                          original.id(),
                          WriteGuard.TRUSTED,
                          ActivityUpdate.text("v3"),
                          longest + "x"));

      assertThat(updated.updatedBy()).as("updated_by of 255 characters").isEqualTo(longest);
      assertThat(tooLong)
          .as("update by a name of 256 characters")
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("updated_by"));
      assertThat(repository().findById(original.id()))
          .as("stored activity after the rejected update")
          .contains(updated);
    }
  }

  @Nested
  @DisplayName("Soft delete and restore")
  class SoftDeleting {

    /**
     * If this fails, check that softDelete stamps deleted_at from the store's clock, deleted_by,
     * clears the active flag and adds one to the version, in both what it returns and what it
     * stores.
     */
    @Test
    @DisplayName(
        "Soft delete sets deleted_at from the clock, deleted_by and active=false, and keeps the"
            + " content")
    void softDeleteStamps() {
      Activity original = repository().insert(data.any());
      Instant at = clock.advance(Duration.ofMinutes(10));

      Activity deleted = repository().softDelete(original.id(), WriteGuard.TRUSTED, "remover");

      assertThat(deleted.deletedAt()).as("deleted_at of %s", describe(deleted)).isEqualTo(at);
      assertThat(deleted.deletedBy())
          .as("deleted_by of %s", describe(deleted))
          .isEqualTo("remover");
      assertThat(deleted.active()).as("active flag of %s", describe(deleted)).isFalse();
      assertThat(deleted.version()).as("version of %s", describe(deleted)).isEqualTo(2);
      assertThat(deleted.content())
          .as("content of the deleted activity")
          .isEqualTo(original.content());
      assertThat(deleted.createdAt()).as("created_at").isEqualTo(original.createdAt());
      assertThat(repository().findById(original.id())).as("stored activity").contains(deleted);
    }

    /**
     * If this fails, check that list, count and listAfter add "not deleted" to the query by default
     * and honour DeletedFilter.INCLUDE and ONLY.
     */
    @Test
    @DisplayName(
        "A soft-deleted activity is hidden from list, count and keyset paging unless deleted ones"
            + " are asked for")
    void deletedHiddenByDefault() {
      Activity kept = repository().insert(data.any());
      Activity gone = repository().insert(data.any());
      clock.advance(Duration.ofSeconds(1));
      gone = repository().softDelete(gone.id(), WriteGuard.TRUSTED, "remover");

      ActivityQuery byDefault = data.query().build();
      ActivityQuery including = data.query().deleted(DeletedFilter.INCLUDE).build();
      ActivityQuery only = data.query().deleted(DeletedFilter.ONLY).build();

      assertListed(byDefault, List.of(kept));
      assertListed(including, List.of(kept, gone));
      assertListed(only, List.of(gone));
      assertThat(repository().count(byDefault)).as("count by default").isEqualTo(1);
      assertThat(repository().count(including)).as("count including deleted").isEqualTo(2);
      assertThat(repository().count(only)).as("count of deleted only").isEqualTo(1);
      assertThat(ids(repository().listAfter(byDefault, DATE_DESC, null, 10)))
          .as("listAfter by default")
          .containsExactly(kept.id());
      assertThat(ids(repository().listAfter(only, DATE_DESC, null, 10)))
          .as("listAfter of deleted only")
          .containsExactly(gone.id());
    }

    /**
     * If this fails, check that restore clears deleted_at and deleted_by, sets active=true and adds
     * one to the version.
     */
    @Test
    @DisplayName("Restore clears deleted_at and deleted_by, sets active=true and lists it again")
    void restoreUndoesDelete() {
      Activity original = repository().insert(data.any());
      clock.advance(Duration.ofSeconds(5));
      repository().softDelete(original.id(), WriteGuard.TRUSTED, "remover");
      clock.advance(Duration.ofSeconds(5));

      Activity restored = repository().restore(original.id(), WriteGuard.TRUSTED, "restorer");

      assertThat(restored.deletedAt()).as("deleted_at after restore").isNull();
      assertThat(restored.deletedBy()).as("deleted_by after restore").isNull();
      assertThat(restored.active()).as("active flag after restore").isTrue();
      assertThat(restored.version()).as("version after delete and restore").isEqualTo(3);
      assertThat(restored.content()).as("content after restore").isEqualTo(original.content());
      assertThat(repository().findById(original.id())).as("stored activity").contains(restored);
      assertListed(data.query().build(), List.of(restored));
    }

    /**
     * If this fails, check that softDelete of an already deleted activity returns it without
     * re-stamping deleted_at, deleted_by or the version.
     */
    @Test
    @DisplayName("Deleting a deleted activity changes nothing and returns it")
    void softDeleteIsIdempotent() {
      Activity original = repository().insert(data.any());
      clock.advance(Duration.ofSeconds(5));
      Activity deleted = repository().softDelete(original.id(), WriteGuard.TRUSTED, "first");
      clock.advance(Duration.ofSeconds(5));

      Activity again = repository().softDelete(original.id(), WriteGuard.TRUSTED, "second");

      assertThat(again).as("second soft delete").isEqualTo(deleted);
      assertThat(repository().findById(original.id())).as("stored activity").contains(deleted);
    }

    /**
     * If this fails, check every table or index a soft delete or restore writes: a second call must
     * change no row anywhere, including a feed or search table that list, keyset paging and scans
     * read.
     */
    @Test
    @DisplayName(
        "Deleting twice, then restoring twice, changes nothing after the first call, as every read"
            + " shows: findById, findByUid, list, keyset paging and scan")
    void repeatsChangeNothingAnyReadShows() {
      Activity original = repository().insert(data.any());
      clock.advance(Duration.ofSeconds(5));
      Activity deleted = repository().softDelete(original.id(), WriteGuard.TRUSTED, "first");
      clock.advance(Duration.ofSeconds(5));
      repository().softDelete(original.id(), WriteGuard.TRUSTED, "second");

      assertReadsBack(List.of(deleted), List.of("an activity deleted twice"));
      assertThat(repository().count(data.query().deleted(DeletedFilter.ONLY).build()))
          .as("soft-deleted activities after deleting one twice")
          .isEqualTo(1);

      clock.advance(Duration.ofSeconds(5));
      Activity restored = repository().restore(original.id(), WriteGuard.TRUSTED, "first");
      clock.advance(Duration.ofSeconds(5));
      repository().restore(original.id(), WriteGuard.TRUSTED, "second");

      assertReadsBack(List.of(restored), List.of("an activity restored twice"));
      assertFound(data.query().build(), List.of(restored));
    }

    /**
     * If this fails, check that restore of an activity that is not deleted returns it without
     * touching it.
     */
    @Test
    @DisplayName("Restoring an activity that is not deleted changes nothing and returns it")
    void restoreIsIdempotent() {
      Activity original = repository().insert(data.any());
      clock.advance(Duration.ofSeconds(5));

      Activity restored = repository().restore(original.id(), WriteGuard.TRUSTED, "restorer");

      assertThat(restored).as("restore of a live activity").isEqualTo(original);
      assertThat(repository().findById(original.id())).as("stored activity").contains(original);
    }

    /**
     * If this fails, check that softDelete and restore report a missing row as NotFoundException.
     */
    @Test
    @DisplayName("Deleting or restoring an unknown id fails with not found")
    void unknownIdIsNotFound() {
      long unknown = absentId();

      assertThatThrownBy(() -> repository().softDelete(unknown, WriteGuard.TRUSTED, "x"))
          .as("softDelete(%d)", unknown)
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> repository().restore(unknown, WriteGuard.TRUSTED, "x"))
          .as("restore(%d)", unknown)
          .isInstanceOf(NotFoundException.class);
    }

    /**
     * If this fails, check that softDelete stamps updated_at and updated_by along with deleted_at
     * and deleted_by, from the store's clock to the microsecond, as {@link
     * StoredActivities#deleted} describes, and that every read shows it.
     */
    @Test
    @DisplayName(
        "A soft delete stores exactly StoredActivities.deleted: updated_at and updated_by are stamped with"
            + " deleted_at and deleted_by, to the microsecond")
    void softDeleteStoresActivityDeleted() {
      Activity original = repository().insert(data.any());
      clock.advance(Duration.ofSeconds(30));
      Activity edited =
          repository()
              .update(original.id(), WriteGuard.TRUSTED, ActivityUpdate.text("v2"), "editor");
      Instant at = clock.advance(Duration.ofMinutes(7).plusNanos(123_456_789));

      Activity deleted = repository().softDelete(original.id(), WriteGuard.TRUSTED, "remover");

      Activity expected = StoredActivities.deleted(edited, at, "remover");
      assertWrote("soft delete", deleted, expected);
      assertReadsBack(List.of(expected), List.of("a soft-deleted activity"));
      assertListed(data.query().deleted(DeletedFilter.ONLY).build(), List.of(expected));
    }

    /**
     * If this fails, check that restore stamps updated_at and updated_by from the store's clock to
     * the microsecond, as {@link StoredActivities#restored} describes, and that every read shows
     * it.
     */
    @Test
    @DisplayName(
        "A restore stores exactly StoredActivities.restored: updated_at and updated_by are stamped, to the"
            + " microsecond")
    void restoreStoresActivityRestored() {
      Activity original = repository().insert(data.any());
      clock.advance(Duration.ofSeconds(30));
      Activity deleted = repository().softDelete(original.id(), WriteGuard.TRUSTED, "remover");
      Instant at = clock.advance(Duration.ofMinutes(3).plusNanos(987_654_321));

      Activity restored = repository().restore(original.id(), WriteGuard.TRUSTED, "restorer");

      Activity expected = StoredActivities.restored(deleted, at, "restorer");
      assertWrote("restore", restored, expected);
      assertReadsBack(List.of(expected), List.of("a restored activity"));
      assertListed(data.query().build(), List.of(expected));
    }

    /**
     * If this fails, check that softDelete and restore check the name's length against {@link
     * Activity#MAX_AUDIT_NAME} themselves, in characters, before they write.
     */
    @Test
    @DisplayName(
        "Deleting or restoring by a name of 255 characters stores it whole; a longer name is"
            + " rejected naming deleted_by or updated_by, and nothing changes")
    void auditNameLength() {
      String longest = EdgeValues.filled("\u00fc", Activity.MAX_AUDIT_NAME);
      Activity original = repository().insert(data.any());
      clock.advance(Duration.ofSeconds(1));

      Throwable deleteTooLong =
          catchThrowable(
              () -> repository().softDelete(original.id(), WriteGuard.TRUSTED, longest + "x"));
      Activity unchanged = repository().findById(original.id()).orElseThrow();
      Activity deleted = repository().softDelete(original.id(), WriteGuard.TRUSTED, longest);
      Throwable restoreTooLong =
          catchThrowable(
              () -> repository().restore(original.id(), WriteGuard.TRUSTED, longest + "x"));
      Activity stillDeleted = repository().findById(original.id()).orElseThrow();
      Activity restored = repository().restore(original.id(), WriteGuard.TRUSTED, longest);

      assertThat(deleteTooLong)
          .as("soft delete by a name of 256 characters")
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("deleted_by"));
      assertThat(unchanged).as("activity after the rejected delete").isEqualTo(original);
      assertThat(deleted.deletedBy()).as("deleted_by of 255 characters").isEqualTo(longest);
      assertThat(restoreTooLong)
          .as("restore by a name of 256 characters")
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("updated_by"));
      assertThat(stillDeleted).as("activity after the rejected restore").isEqualTo(deleted);
      assertThat(restored.updatedBy()).as("updated_by of 255 characters").isEqualTo(longest);
    }
  }

  @Nested
  @DisplayName("Writing under a requester's guard")
  class Guarding {

    private WriteGuard readerOf(long group) {
      return WriteGuard.requester(Set.of(group), Set.of(), null);
    }

    private WriteGuard writerOf(long group, @Nullable Long expectedVersion) {
      return WriteGuard.requester(Set.of(group), Set.of(group), expectedVersion);
    }

    /**
     * If this fails, check that update, softDelete and restore check the guard's readable groups on
     * the stored row, and answer a row in another group with the NotFoundException of a missing id,
     * changing nothing.
     */
    @Test
    @DisplayName(
        "A write of another group's activity fails with the message of a missing id and changes"
            + " nothing")
    void foreignGroupIsNotFound() {
      Activity foreign =
          repository()
              .insert(
                  data.activity(ActivityType.USER_LOGIN, data.user())
                      .workspaceGroupId(data.newWorkspaceGroupId())
                      .build());
      WriteGuard guard = writerOf(data.workspaceGroupId(), null);
      String missing =
          catchThrowableOfType(
                  () -> repository().update(absentId(), guard, ActivityUpdate.text("x"), "a"),
                  NotFoundException.class)
              .getMessage();

      for (ThrowingCallable write :
          List.<ThrowingCallable>of(
              () -> repository().update(foreign.id(), guard, ActivityUpdate.text("x"), "a"),
              () -> repository().softDelete(foreign.id(), guard, "a"),
              () -> repository().restore(foreign.id(), guard, "a"))) {
        assertThat(catchThrowable(write))
            .as("a write of %s under %s", describe(foreign), guard)
            .isInstanceOf(NotFoundException.class)
            .hasMessage(missing);
      }
      assertThat(repository().findById(foreign.id())).as("the foreign activity").contains(foreign);
    }

    /**
     * If this fails, check that update and softDelete check the guard's writable groups on the
     * stored row: a row the writer may only read is AccessDeniedException, and stays unchanged.
     */
    @Test
    @DisplayName("Updating or deleting an activity the guard may only read is denied")
    void readableOnlyIsDenied() {
      Activity stored = repository().insert(data.any());
      WriteGuard guard = readerOf(data.workspaceGroupId());

      assertThat(
              catchThrowable(
                  () -> repository().update(stored.id(), guard, ActivityUpdate.text("x"), "a")))
          .as("update of %s under %s", describe(stored), guard)
          .isInstanceOf(AccessDeniedException.class);
      assertThat(catchThrowable(() -> repository().softDelete(stored.id(), guard, "a")))
          .as("softDelete of %s under %s", describe(stored), guard)
          .isInstanceOf(AccessDeniedException.class);
      assertThat(repository().findById(stored.id())).as("the activity").contains(stored);
    }

    /**
     * If this fails, check that the guard's expected version is compared with the locked row's
     * version before anything is written.
     */
    @Test
    @DisplayName("A guard's stale expected version is a conflict and changes nothing")
    void staleVersionConflicts() {
      Activity stored = repository().insert(data.any());
      Activity current =
          repository().update(stored.id(), WriteGuard.TRUSTED, ActivityUpdate.text("v2"), "a");

      assertThat(
              catchThrowable(
                  () ->
                      repository()
                          .update(
                              stored.id(),
                              writerOf(data.workspaceGroupId(), stored.version()),
                              ActivityUpdate.text("lost"),
                              "late")))
          .as("an update expecting version %d of %s", stored.version(), describe(current))
          .isInstanceOf(ConflictException.class);
      assertThat(repository().findById(stored.id())).as("the activity").contains(current);
    }

    /**
     * If this fails, check the guard's rules for soft-deleted rows: a requester may neither update
     * nor delete a deleted activity, nor restore a live one or one it may only read; each is the
     * NotFoundException of a missing id.
     */
    @Test
    @DisplayName(
        "Under a requester's guard a deleted activity cannot be updated or deleted, and only a"
            + " deleted one of a writable group can be restored")
    void deletedRowRules() {
      long group = data.workspaceGroupId();
      Activity live = repository().insert(data.any());
      Activity deleted =
          repository()
              .softDelete(repository().insert(data.any()).id(), WriteGuard.TRUSTED, "remover");
      WriteGuard writer = writerOf(group, null);

      assertThat(
              catchThrowable(
                  () -> repository().update(deleted.id(), writer, ActivityUpdate.text("x"), "a")))
          .as("update of %s", describe(deleted))
          .isInstanceOf(NotFoundException.class);
      assertThat(catchThrowable(() -> repository().softDelete(deleted.id(), writer, "a")))
          .as("softDelete of %s", describe(deleted))
          .isInstanceOf(NotFoundException.class);
      assertThat(catchThrowable(() -> repository().restore(live.id(), writer, "a")))
          .as("restore of %s", describe(live))
          .isInstanceOf(NotFoundException.class);
      assertThat(catchThrowable(() -> repository().restore(deleted.id(), readerOf(group), "a")))
          .as("restore of %s by a reader", describe(deleted))
          .isInstanceOf(NotFoundException.class);
      assertThat(repository().findById(deleted.id())).as("the deleted activity").contains(deleted);
      assertThat(repository().findById(live.id())).as("the live activity").contains(live);
      assertThat(repository().restore(deleted.id(), writer, "restorer").isDeleted())
          .as("restored by a writer")
          .isFalse();
    }
  }

  @Nested
  @DisplayName("Purging old activities")
  class Purging {

    /**
     * If this fails, check that purge compares {@code created_at < cutoff} (strictly) and counts
     * the rows it deleted.
     */
    @Test
    @DisplayName(
        "Purge deletes every activity created strictly before the cutoff, keeps the one created at"
            + " it, and returns the count")
    void purgeDeletesStrictlyBefore() {
      Instant window = clearedPurgeWindow();
      Instant cutoff = window.plus(Duration.ofMinutes(30));
      Activity recent = repository().insert(data.any());
      Activity early = insertAt(data.workspaceGroupId(), window.plusSeconds(1));
      Activity earlier = insertAt(data.workspaceGroupId(), window);
      Activity justBefore = insertAt(data.workspaceGroupId(), cutoff.minus(1, ChronoUnit.MICROS));
      Activity atCutoff = insertAt(data.workspaceGroupId(), cutoff);
      Activity after = insertAt(data.workspaceGroupId(), cutoff.plusSeconds(60));

      long purged = repository().purgeCreatedBefore(cutoff);

      assertThat(purged).as("purge count for 3 activities before %s", cutoff).isEqualTo(3);
      for (Activity a : List.of(early, earlier, justBefore)) {
        assertThat(repository().findById(a.id())).as("purged %s", describe(a)).isEmpty();
      }
      for (Activity a : List.of(recent, atCutoff, after)) {
        assertThat(repository().findById(a.id())).as("kept %s", describe(a)).contains(a);
      }
    }

    /** If this fails, check that purge does not skip soft-deleted rows. */
    @Test
    @DisplayName("Purge deletes soft-deleted activities too")
    void purgeIncludesSoftDeleted() {
      Instant window = clearedPurgeWindow();
      Activity live = insertAt(data.workspaceGroupId(), window.plusSeconds(10));
      Activity deleted = insertAt(data.workspaceGroupId(), window.plusSeconds(20));
      repository().softDelete(deleted.id(), WriteGuard.TRUSTED, "remover");

      long purged = repository().purgeCreatedBefore(window.plusSeconds(30));

      assertThat(purged).as("purge count of one live and one soft-deleted activity").isEqualTo(2);
      assertThat(repository().findById(live.id())).as("purged live activity").isEmpty();
      assertThat(repository().findById(deleted.id())).as("purged deleted activity").isEmpty();
    }

    /** If this fails, check that purge returns 0, not an error, when nothing is old enough. */
    @Test
    @DisplayName("Purge with nothing older than the cutoff deletes nothing and returns 0")
    void purgeOfNothing() {
      Instant window = clearedPurgeWindow();
      Activity atStart = insertAt(data.workspaceGroupId(), window);

      assertThat(repository().purgeCreatedBefore(window)).as("purge count").isZero();
      assertThat(repository().findById(atStart.id()))
          .as("activity at the cutoff")
          .contains(atStart);
    }
  }

  @Nested
  @DisplayName("Erasing an actor")
  class Erasing {

    /**
     * If this fails, check that ANONYMISE stores every activity of that actor, soft-deleted ones
     * included, as {@link StoredActivities#anonymised(Activity, Instant)} describes it: the actor
     * replaced with {@link StoredActivities#anonymousActor the anonymous actor} of its kind, the
     * audit names (which may name the person) cleared, updated_at stamped from the store's clock
     * and the version increased; and that it leaves everything else alone.
     */
    @Test
    @DisplayName(
        "Anonymising an actor replaces it, clears the audit names and stamps an update in all its"
            + " activities, deleted ones too, and leaves other actors untouched")
    void anonymiseReplacesActor() {
      UserSimple erased = data.user();
      UserSimple other = data.user();
      Activity a1 = repository().insert(data.login(erased));
      Activity a2 =
          repository()
              .insert(
                  data.activity(ActivityType.RESOURCE_VIEWED, erased)
                      .workspaceGroupId(data.newWorkspaceGroupId())
                      .build());
      Activity a3 = repository().insert(data.login(erased));
      a3 = repository().softDelete(a3.id(), WriteGuard.TRUSTED, "remover");
      Activity o1 = repository().insert(data.login(other));
      Activity o2 = repository().insert(data.activity(ActivityType.GAME_WON, other).build());

      Instant at = clock.advance(Duration.ofMinutes(10));

      long changed = repository().eraseActor(erased.ref(), ErasureMode.ANONYMISE);

      assertThat(changed).as("activities anonymised for %s", erased.ref()).isEqualTo(3);
      for (Activity before : List.of(a1, a2, a3)) {
        Activity after =
            repository()
                .findById(before.id())
                .orElseThrow(
                    () ->
                        new AssertionError("anonymised activity " + describe(before) + " is gone"));
        ActivityContent c = before.content();
        assertThat(after.content())
            .as("content of %s", describe(after))
            .isEqualTo(
                c.toBuilder().actor(StoredActivities.anonymousActor(erased.ref().kind())).build());
        assertThat(after.deletedAt())
            .as("deleted_at of %s", describe(after))
            .isEqualTo(before.deletedAt());
        assertThat(
                List.of(
                    Optional.ofNullable(after.createdBy()),
                    Optional.ofNullable(after.updatedBy()),
                    Optional.ofNullable(after.deletedBy())))
            .as("created_by, updated_by and deleted_by of %s", describe(after))
            .containsOnly(Optional.empty());
        assertThat(after.updatedAt()).as("updated_at of %s", describe(after)).isEqualTo(at);
        assertThat(after.version())
            .as("version of %s", describe(after))
            .isEqualTo(before.version() + 1);
      }
      assertThat(
              repository()
                  .count(data.query().actor(erased.ref()).deleted(DeletedFilter.INCLUDE).build()))
          .as("activities still matching the erased actor")
          .isZero();
      assertThat(repository().findById(o1.id())).as("other actor's activity").contains(o1);
      assertThat(repository().findById(o2.id())).as("other actor's activity").contains(o2);
    }

    /**
     * If this fails, check that REMOVE deletes every activity of that actor for good, soft-deleted
     * ones included, and only those.
     */
    @Test
    @DisplayName(
        "Removing an actor deletes all its activities, deleted ones too, and leaves other actors"
            + " untouched")
    void removeDeletesActivities() {
      Member erased = data.member();
      Member other = data.member();
      UserSimple user = data.user();
      Activity a1 = repository().insert(data.activity(ActivityType.POST_IDEA, erased).build());
      Activity a2 = repository().insert(data.activity(ActivityType.POST_COMMENT, erased).build());
      Activity a3 = repository().insert(data.activity(ActivityType.POST_BLOG, erased).build());
      repository().softDelete(a3.id(), WriteGuard.TRUSTED, "remover");
      Activity o1 = repository().insert(data.activity(ActivityType.POST_IDEA, other).build());
      Activity o2 = repository().insert(data.login(user));

      long removed = repository().eraseActor(erased.ref(), ErasureMode.REMOVE);

      assertThat(removed).as("activities removed for %s", erased.ref()).isEqualTo(3);
      for (Activity a : List.of(a1, a2, a3)) {
        assertThat(repository().findById(a.id())).as("removed %s", describe(a)).isEmpty();
      }
      assertThat(repository().findById(o1.id())).as("other member's activity").contains(o1);
      assertThat(repository().findById(o2.id())).as("user's activity").contains(o2);
      assertListed(data.query().deleted(DeletedFilter.INCLUDE).build(), List.of(o1, o2));
    }

    /** If this fails, check that erasing an actor without activities returns 0, not an error. */
    @Test
    @DisplayName("Erasing an actor without activities changes nothing and returns 0")
    void eraseUnknownActor() {
      Activity kept = repository().insert(data.any());

      assertThat(repository().eraseActor(data.user().ref(), ErasureMode.REMOVE))
          .as("REMOVE of an actor without activities")
          .isZero();
      assertThat(repository().eraseActor(data.member().ref(), ErasureMode.ANONYMISE))
          .as("ANONYMISE of an actor without activities")
          .isZero();
      assertThat(repository().findById(kept.id())).as("unrelated activity").contains(kept);
    }

    /**
     * If this fails, check that ANONYMISE clears created_by, updated_by and deleted_by, adds one to
     * the version and stamps updated_at from the store's clock, as {@link
     * StoredActivities#anonymised} describes, and leaves a soft-deleted activity deleted.
     */
    @Test
    @DisplayName(
        "Anonymising stores exactly StoredActivities.anonymised: audit names cleared, version plus one,"
            + " updated_at stamped, soft-deleted ones still deleted")
    void anonymiseStoresActivityAnonymised() {
      UserSimple erased = data.user();
      Activity live = repository().insert(data.login(erased));
      Activity edited = repository().insert(data.activity(ActivityType.GAME_WON, erased).build());
      clock.advance(Duration.ofMinutes(1));
      edited =
          repository()
              .update(edited.id(), WriteGuard.TRUSTED, ActivityUpdate.text("edited"), "editor");
      Activity deleted = repository().insert(data.activity(ActivityType.GAME_LEFT, erased).build());
      deleted = repository().softDelete(deleted.id(), WriteGuard.TRUSTED, "remover");
      Instant at = clock.advance(Duration.ofHours(1).plusNanos(42_000_500));

      long changed = repository().eraseActor(erased.ref(), ErasureMode.ANONYMISE);

      assertThat(changed).as("activities anonymised").isEqualTo(3);
      List<Activity> expected =
          List.of(
              StoredActivities.anonymised(live, at),
              StoredActivities.anonymised(edited, at),
              StoredActivities.anonymised(deleted, at));
      assertReadsBack(expected, List.of("a live activity", "an edited one", "a deleted one"));
      assertListed(data.query().build(), expected.subList(0, 2));
      assertListed(data.query().deleted(DeletedFilter.ONLY).build(), expected.subList(2, 3));
    }

    /**
     * If this fails, check that erasure matches the actor's kind as well as its id: a user's number
     * and a member's UUID may hold the same value.
     */
    @Test
    @DisplayName(
        "Erasing a member leaves alone a user whose id holds the same number, and erasing the user"
            + " leaves the member alone")
    void eraseMatchesTheKind() {
      UserSimple user = data.user();
      Member twin = twinOf(user);
      Activity byUser = repository().insert(data.login(user));
      Activity byTwin = repository().insert(data.activity(ActivityType.POST_IDEA, twin).build());
      UserSimple other = data.user();
      Member otherTwin = twinOf(other);
      Activity byOther = repository().insert(data.login(other));
      Activity byOtherTwin =
          repository().insert(data.activity(ActivityType.POST_IDEA, otherTwin).build());

      long removed = repository().eraseActor(twin.ref(), ErasureMode.REMOVE);
      long anonymised = repository().eraseActor(other.ref(), ErasureMode.ANONYMISE);

      assertThat(removed).as("activities removed for %s", twin.ref()).isEqualTo(1);
      assertThat(anonymised).as("activities anonymised for %s", other.ref()).isEqualTo(1);
      assertThat(repository().findById(byTwin.id())).as("the member's activity").isEmpty();
      assertThat(repository().findById(byUser.id()))
          .as("the activity of %s, after %s was removed", user.ref(), twin.ref())
          .contains(byUser);
      assertThat(repository().findById(byOther.id()).map(Activity::actor))
          .as("the anonymised user's actor")
          .contains(StoredActivities.anonymousActor(other.ref().kind()));
      assertThat(repository().findById(byOtherTwin.id()))
          .as("the activity of %s, after %s was anonymised", otherTwin.ref(), other.ref())
          .contains(byOtherTwin);
    }
  }

  /** Activities of every kind the filters tell apart, recorded by {@link #recordMixed()}. */
  private record Mixed(
      long home,
      long other,
      UserSimple alice,
      UserSimple bob,
      Member carol,
      UUID campaignA,
      UUID campaignB,
      Instant t0,
      Activity login,
      Activity idea,
      Activity comment,
      Activity logout,
      Activity deletedLogin,
      Activity secondIdea) {

    List<Activity> live() {
      return List.of(login, idea, comment, logout, secondIdea);
    }

    List<Activity> all() {
      return List.of(login, idea, comment, logout, deletedLogin, secondIdea);
    }
  }

  /**
   * Six activities in two workspace groups, by two users and a member, in two campaigns, an hour
   * apart, one of them soft-deleted.
   */
  private Mixed recordMixed() {
    long home = data.workspaceGroupId();
    long other = data.newWorkspaceGroupId();
    UserSimple alice = data.user();
    UserSimple bob = data.user();
    Member carol = data.member();
    UUID campaignA = UUID.randomUUID();
    UUID campaignB = UUID.randomUUID();
    Instant t0 = clock.instant();
    Activity login =
        repository().insert(data.activity(ActivityType.USER_LOGIN, alice).createdAt(t0).build());
    Activity idea =
        repository()
            .insert(
                data.activity(ActivityType.POST_IDEA, carol)
                    .campaign(new Campaign(campaignA, "A"))
                    .createdAt(t0.plus(Duration.ofHours(1)))
                    .build());
    Activity comment =
        repository()
            .insert(
                data.activity(ActivityType.POST_COMMENT, carol)
                    .workspaceGroupId(other)
                    .campaign(new Campaign(campaignB, "B"))
                    .createdAt(t0.plus(Duration.ofHours(2)))
                    .build());
    Activity logout =
        repository()
            .insert(
                data.activity(ActivityType.USER_LOGOUT, bob)
                    .workspaceGroupId(other)
                    .createdAt(t0.plus(Duration.ofHours(3)))
                    .build());
    Activity deletedLogin =
        repository()
            .insert(
                data.activity(ActivityType.USER_LOGIN, bob)
                    .createdAt(t0.plus(Duration.ofHours(4)))
                    .build());
    deletedLogin = repository().softDelete(deletedLogin.id(), WriteGuard.TRUSTED, "remover");
    Activity secondIdea =
        repository()
            .insert(
                data.activity(ActivityType.POST_IDEA, alice)
                    .workspaceGroupId(other)
                    .campaign(new Campaign(campaignA, "A"))
                    .createdAt(t0.plus(Duration.ofHours(5)))
                    .build());
    return new Mixed(
        home,
        other,
        alice,
        bob,
        carol,
        campaignA,
        campaignB,
        t0,
        login,
        idea,
        comment,
        logout,
        deletedLogin,
        secondIdea);
  }

  @Nested
  @DisplayName("Filtering listings")
  class Filtering {
    private Mixed m;

    @BeforeEach
    void record() {
      m = recordMixed();
    }

    /** If this fails, check that a query without filters lists every live activity. */
    @Test
    @DisplayName("A query of the test's workspace groups lists every activity that is not deleted")
    void workspacesOnly() {
      assertListed(data.query().build(), m.live());
    }

    /** If this fails, check the id filter (an IN list of ids). */
    @Test
    @DisplayName("The id filter lists only the activities with those ids")
    void byIds() {
      assertListed(
          data.query().id(m.login().id()).id(m.comment().id()).build(),
          List.of(m.login(), m.comment()));
      assertListed(data.query().id(absentId()).build(), List.of());
    }

    /** If this fails, check the uid filter. */
    @Test
    @DisplayName("The uid filter lists only the activities with those uids")
    void byUids() {
      assertListed(
          data.query().uid(m.idea().uid()).uid(m.logout().uid()).build(),
          List.of(m.idea(), m.logout()));
    }

    /** If this fails, check the type filter and how types are stored (by code). */
    @Test
    @DisplayName("The type filter lists only the activities of those types")
    void byTypes() {
      assertListed(
          data.query().type(ActivityType.POST_IDEA).build(), List.of(m.idea(), m.secondIdea()));
      assertListed(
          data.query().type(ActivityType.USER_LOGIN).type(ActivityType.USER_LOGOUT).build(),
          List.of(m.login(), m.logout()));
      assertListed(data.query().type(ActivityType.GAME_WON).build(), List.of());
    }

    /**
     * If this fails, check the actor filter for both kinds: users by numeric id, members by UUID.
     */
    @Test
    @DisplayName("The actor filter lists only the activities of those users and members")
    void byActors() {
      assertListed(data.query().actor(m.alice().ref()).build(), List.of(m.login(), m.secondIdea()));
      assertListed(data.query().actor(m.carol().ref()).build(), List.of(m.idea(), m.comment()));
      assertListed(
          data.query().actor(m.bob().ref()).actor(m.carol().ref()).build(),
          List.of(m.idea(), m.comment(), m.logout()));
    }

    /** If this fails, check the workspace group (tenant) filter: it must never be dropped. */
    @Test
    @DisplayName("The workspace group filter lists only the activities those groups own")
    void byWorkspaceGroups() {
      assertListed(
          ActivityQuery.builder().workspaceGroupId(m.home()).build(), List.of(m.login(), m.idea()));
      assertListed(
          ActivityQuery.builder().workspaceGroupId(m.other()).build(),
          List.of(m.comment(), m.logout(), m.secondIdea()));
      assertListed(
          ActivityQuery.builder().workspaceGroupId(data.newWorkspaceGroupId()).build(), List.of());
    }

    /**
     * If this fails, check the campaign filter and that activities without a campaign never match.
     */
    @Test
    @DisplayName("The campaign filter lists only the activities of those campaigns")
    void byCampaign() {
      assertListed(data.query().campaign(m.campaignA()).build(), List.of(m.idea(), m.secondIdea()));
      assertListed(data.query().campaign(m.campaignB()).build(), List.of(m.comment()));
      assertListed(data.query().campaign(UUID.randomUUID()).build(), List.of());
    }

    /** If this fails, check the creation-time filter: {@code >= from} and {@code < before}. */
    @Test
    @DisplayName("The creation-time filter includes its lower bound and excludes its upper bound")
    void byCreatedRange() {
      Instant t0 = m.t0();
      assertListed(
          data.query()
              .createdBetween(t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(3)))
              .build(),
          List.of(m.idea(), m.comment()));
      assertListed(
          data.query().createdBetween(t0.plus(Duration.ofHours(3)), null).build(),
          List.of(m.logout(), m.secondIdea()));
      assertListed(
          data.query().createdBetween(null, t0.plus(Duration.ofHours(1))).build(),
          List.of(m.login()));
    }

    /**
     * If this fails, check that times are compared at microsecond precision on both bounds, with no
     * rounding to milliseconds or seconds.
     */
    @Test
    @DisplayName("The creation-time bounds are exact to the microsecond")
    void createdRangeBoundaryMicrosecond() {
      long ws = data.newWorkspaceGroupId();
      Instant t = clock.instant().plus(Duration.ofDays(3)).plusNanos(123_456_000);
      Instant micro = t.minus(1, ChronoUnit.MICROS);
      Activity before = insertAt(ws, micro);
      Activity at = insertAt(ws, t);
      Activity after = insertAt(ws, t.plus(1, ChronoUnit.MICROS));

      assertListed(
          ActivityQuery.builder().workspaceGroupId(ws).createdBetween(t, null).build(),
          List.of(at, after));
      assertListed(
          ActivityQuery.builder().workspaceGroupId(ws).createdBetween(null, t).build(),
          List.of(before));
      assertListed(
          ActivityQuery.builder()
              .workspaceGroupId(ws)
              .createdBetween(t, t.plus(1, ChronoUnit.MICROS))
              .build(),
          List.of(at));
      assertListed(
          ActivityQuery.builder()
              .workspaceGroupId(ws)
              .createdBetween(micro, t.plus(1, ChronoUnit.MICROS))
              .build(),
          List.of(before, at));
    }

    /**
     * If this fails, check that the day filter is applied as the half-open instant range the query
     * carries, with no conversion to the database's or the JVM's time zone.
     */
    @Test
    @DisplayName(
        "The date_created filter lists the activities of that day in the given zone, from its"
            + " midnight included to the next midnight excluded")
    void byDateInZone() {
      long ws = data.newWorkspaceGroupId();
      ZoneId kolkata = ZoneId.of("Asia/Kolkata");
      LocalDate day = LocalDate.of(2026, 3, 15);
      Instant midnight = day.atStartOfDay(kolkata).toInstant();
      Instant nextMidnight = day.plusDays(1).atStartOfDay(kolkata).toInstant();
      Activity dayBefore = insertAt(ws, midnight.minus(1, ChronoUnit.MICROS));
      Activity first = insertAt(ws, midnight);
      Activity noon = insertAt(ws, midnight.plus(Duration.ofHours(12)));
      Activity last = insertAt(ws, nextMidnight.minus(1, ChronoUnit.MICROS));
      Activity dayAfter = insertAt(ws, nextMidnight);

      assertListed(
          ActivityQuery.builder().workspaceGroupId(ws).createdOn(day, kolkata).build(),
          List.of(first, noon, last));
      assertListed(
          ActivityQuery.builder().workspaceGroupId(ws).createdOn(day, ZoneOffset.UTC).build(),
          List.of(noon, last, dayAfter));
      assertListed(
          ActivityQuery.builder().workspaceGroupId(ws).createdOn(day.minusDays(1), kolkata).build(),
          List.of(dayBefore));
    }

    /** If this fails, check how the deleted filter maps to the deleted_at column. */
    @Test
    @DisplayName("The deleted filter excludes, includes or selects only soft-deleted activities")
    void byDeleted() {
      assertListed(data.query().deleted(DeletedFilter.EXCLUDE).build(), m.live());
      assertListed(data.query().deleted(DeletedFilter.INCLUDE).build(), m.all());
      assertListed(data.query().deleted(DeletedFilter.ONLY).build(), List.of(m.deletedLogin()));
    }

    /** If this fails, check that filters are joined with AND and values within one with OR. */
    @Test
    @DisplayName("Filters combine with AND")
    void combined() {
      assertListed(
          ActivityQuery.builder()
              .workspaceGroupId(m.home())
              .type(ActivityType.USER_LOGIN)
              .deleted(DeletedFilter.INCLUDE)
              .build(),
          List.of(m.login(), m.deletedLogin()));
      assertListed(
          data.query().actor(m.carol().ref()).campaign(m.campaignA()).build(), List.of(m.idea()));
      assertListed(
          data.query()
              .type(ActivityType.POST_IDEA)
              .createdBetween(m.t0().plus(Duration.ofHours(2)), null)
              .build(),
          List.of(m.secondIdea()));
      assertListed(
          ActivityQuery.builder()
              .workspaceGroupId(m.other())
              .actor(m.alice().ref())
              .type(ActivityType.USER_LOGIN)
              .build(),
          List.of());
      assertListed(
          data.query()
              .id(m.login().id())
              .id(m.logout().id())
              .actor(m.bob().ref())
              .deleted(DeletedFilter.INCLUDE)
              .build(),
          List.of(m.logout()));
    }

    /**
     * If this fails, check that every filter given several values binds all of them (an IN list, or
     * ORs), not only the first, and that filters still combine with AND.
     */
    @Test
    @DisplayName(
        "Each filter given several values matches any of them, alone and combined with the others")
    void severalValuesOfEachFilter() {
      assertFound(
          data.query().campaign(m.campaignA()).campaign(m.campaignB()).build(),
          List.of(m.idea(), m.comment(), m.secondIdea()));
      assertFound(
          data.query().id(m.login().id()).id(m.comment().id()).id(m.secondIdea().id()).build(),
          List.of(m.login(), m.comment(), m.secondIdea()));
      assertFound(
          data.query().uid(m.login().uid()).uid(m.idea().uid()).uid(m.logout().uid()).build(),
          List.of(m.login(), m.idea(), m.logout()));
      assertFound(
          data.query()
              .type(ActivityType.USER_LOGIN)
              .type(ActivityType.POST_COMMENT)
              .type(ActivityType.USER_LOGOUT)
              .build(),
          List.of(m.login(), m.comment(), m.logout()));
      assertFound(
          data.query().actor(m.alice().ref()).actor(m.bob().ref()).actor(m.carol().ref()).build(),
          m.live());
      assertFound(
          ActivityQuery.builder()
              .workspaceGroupId(m.home())
              .workspaceGroupId(data.newWorkspaceGroupId())
              .workspaceGroupId(m.other())
              .build(),
          m.live());
      assertFound(
          data.query()
              .type(ActivityType.POST_IDEA)
              .type(ActivityType.POST_COMMENT)
              .type(ActivityType.USER_LOGIN)
              .actor(m.carol().ref())
              .actor(m.alice().ref())
              .campaign(m.campaignB())
              .campaign(m.campaignA())
              .deleted(DeletedFilter.INCLUDE)
              .build(),
          List.of(m.idea(), m.comment(), m.secondIdea()));
    }

    /**
     * If this fails, check that the workspace group filter reads {@code workspace_group_id}, the
     * owning group, and never the derived {@code workspace_group} (nor a COALESCE of the two).
     */
    @Test
    @DisplayName(
        "The workspace group filter matches the owning group only, never the derived"
            + " workspace_group")
    void groupFilterIsTheOwner() {
      long x = data.newWorkspaceGroupId();
      long y = data.newWorkspaceGroupId();
      Activity ownedByX =
          repository()
              .insert(
                  data.activity(ActivityType.POST_IDEA, data.member())
                      .workspaceGroupId(x)
                      .derivedWorkspaceGroupId(y)
                      .build());
      Activity ownedByY =
          repository()
              .insert(
                  data.activity(ActivityType.POST_IDEA, data.member()).workspaceGroupId(y).build());
      Activity ownedByYFromX =
          repository()
              .insert(
                  data.activity(ActivityType.POST_IDEA, data.member())
                      .workspaceGroupId(y)
                      .derivedWorkspaceGroupId(x)
                      .build());

      assertFound(ActivityQuery.builder().workspaceGroupId(x).build(), List.of(ownedByX));
      assertFound(
          ActivityQuery.builder().workspaceGroupId(y).build(), List.of(ownedByY, ownedByYFromX));
      assertFound(
          ActivityQuery.builder().workspaceGroupId(x).type(ActivityType.POST_IDEA).build(),
          List.of(ownedByX));
    }

    /**
     * If this fails, check that the actor filter compares the kind as well as the id: a user's
     * number and a member's UUID may hold the same value, and erasure leaves user 0 and member
     * 00000000-0000-0000-0000-000000000000 side by side.
     */
    @Test
    @DisplayName(
        "The actor filter tells a user from a member whose id holds the same number, the two"
            + " anonymous actors included")
    void actorFilterKeepsKindsApart() {
      UserSimple user = data.user();
      Member twin = twinOf(user);
      Activity byUser = repository().insert(data.login(user));
      Activity byTwin = repository().insert(data.activity(ActivityType.POST_IDEA, twin).build());
      UserSimple erasedUser = data.user();
      Member erasedMember = data.member();
      Activity byErasedUser = repository().insert(data.login(erasedUser));
      Activity byErasedMember =
          repository().insert(data.activity(ActivityType.POST_IDEA, erasedMember).build());
      repository().eraseActor(erasedUser.ref(), ErasureMode.ANONYMISE);
      repository().eraseActor(erasedMember.ref(), ErasureMode.ANONYMISE);

      assertFound(data.query().actor(user.ref()).build(), List.of(byUser));
      assertFound(data.query().actor(twin.ref()).build(), List.of(byTwin));
      assertFound(
          data.query().actor(user.ref()).actor(twin.ref()).build(), List.of(byUser, byTwin));
      assertFound(
          data.query()
              .actor(StoredActivities.anonymousActor(erasedUser.ref().kind()).ref())
              .build(),
          List.of(repository().findById(byErasedUser.id()).orElseThrow()));
      assertFound(
          data.query()
              .actor(StoredActivities.anonymousActor(erasedMember.ref().kind()).ref())
              .build(),
          List.of(repository().findById(byErasedMember.id()).orElseThrow()));
    }

    /**
     * If this fails, check that each UUID filter reads its own column: uid, campaign_id and the
     * member's actor id can hold the same UUID.
     */
    @Test
    @DisplayName(
        "The uid, campaign and member filters each read their own column, even when they hold the"
            + " same UUID")
    void uuidFiltersReadTheirOwnColumns() {
      UUID k = UUID.randomUUID();
      Activity withUid =
          repository().insert(data.activity(ActivityType.USER_LOGIN, data.user()).uid(k).build());
      Activity inCampaign =
          repository()
              .insert(
                  data.activity(ActivityType.POST_IDEA, data.member())
                      .campaign(new Campaign(k, "K"))
                      .build());
      Activity byMember =
          repository().insert(data.activity(ActivityType.POST_IDEA, Member.of(k, "K")).build());

      assertFound(data.query().uid(k).build(), List.of(withUid));
      assertFound(data.query().campaign(k).build(), List.of(inCampaign));
      assertFound(data.query().actor(ActorRef.member(k)).build(), List.of(byMember));
    }
  }

  @Nested
  @DisplayName("Counting")
  class Counting {
    private Mixed m;

    @BeforeEach
    void record() {
      m = recordMixed();
    }

    /**
     * If this fails, check that count builds its WHERE clause the same way list does, for every
     * filter.
     */
    @Test
    @DisplayName("count gives the same number as the listing's total for every filter")
    void countMatchesListTotal() {
      Instant t0 = m.t0();
      assertCount("workspace groups", data.query().build(), 5);
      assertCount("ids", data.query().id(m.login().id()).id(m.deletedLogin().id()).build(), 1);
      assertCount("uids", data.query().uid(m.idea().uid()).build(), 1);
      assertCount("types", data.query().type(ActivityType.POST_IDEA).build(), 2);
      assertCount("user actor", data.query().actor(m.alice().ref()).build(), 2);
      assertCount("member actor", data.query().actor(m.carol().ref()).build(), 2);
      assertCount("workspace", ActivityQuery.builder().workspaceGroupId(m.other()).build(), 3);
      assertCount("campaign", data.query().campaign(m.campaignA()).build(), 2);
      assertCount(
          "time range",
          data.query()
              .createdBetween(t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(4)))
              .build(),
          3);
      assertCount("including deleted", data.query().deleted(DeletedFilter.INCLUDE).build(), 6);
      assertCount("only deleted", data.query().deleted(DeletedFilter.ONLY).build(), 1);
      assertCount(
          "combined",
          data.query()
              .type(ActivityType.USER_LOGIN)
              .actor(m.bob().ref())
              .deleted(DeletedFilter.INCLUDE)
              .build(),
          1);
      assertCount("no match", data.query().type(ActivityType.GAME_LEFT).build(), 0);
    }

    private void assertCount(String filter, ActivityQuery query, long expected) {
      long count = repository().count(query);
      Page<Activity> page = repository().list(query, PageRequest.of(1, 100), ID_ASC);
      assertThat(count)
          .as("count for the %s filter (the listing gave%s)", filter, describe(page.items()))
          .isEqualTo(expected);
      assertThat(page.total()).as("list total for the %s filter", filter).isEqualTo(count);
    }

    /** If this fails, check that count of an empty query returns 0 rather than failing. */
    @Test
    @DisplayName("count of a query matching nothing is 0")
    void countOfNothing() {
      assertThat(
              repository()
                  .count(
                      ActivityQuery.builder().workspaceGroupId(data.newWorkspaceGroupId()).build()))
          .as("count of an empty workspace group")
          .isZero();
      assertThat(repository().count(data.query().createdBetween(m.t0(), m.t0()).build()))
          .as("count of an empty time range")
          .isZero();
    }
  }

  @Nested
  @DisplayName("Sorting")
  class Sorting {
    private List<Activity> stored;

    /**
     * Seven activities whose insertion order differs from their creation order, three of them
     * created at the same microsecond and two more at another.
     */
    @BeforeEach
    void record() {
      Instant t = clock.instant();
      long[] offsets = {3, 1, 3, 2, 1, 3, 0};
      stored = new ArrayList<>();
      for (long offset : offsets) {
        stored.add(insertAt(data.workspaceGroupId(), t.plusSeconds(offset)));
      }
    }

    /** If this fails, check the ORDER BY for sorting by id. */
    @Test
    @DisplayName("Sorting by id lists in id order, ascending or descending")
    void byId() {
      assertOrder(ID_ASC);
      assertOrder(ID_DESC);
    }

    /**
     * If this fails, check the ORDER BY for date_created: creation time, then id in the same
     * direction.
     */
    @Test
    @DisplayName("Sorting by date_created lists in creation order, ascending or descending")
    void byDateCreated() {
      assertOrder(DATE_ASC);
      assertOrder(DATE_DESC);
    }

    /**
     * If this fails, check that the id tie-break follows the sort direction: {@code ORDER BY
     * created_at DESC, id DESC}, never {@code created_at DESC, id ASC}.
     */
    @Test
    @DisplayName("Activities created at the same instant are ordered by id in the sort's direction")
    void tiesBrokenById() {
      Instant tie = clock.instant().plusSeconds(3);
      List<Long> tied =
          stored.stream()
              .filter(a -> a.createdAt().equals(tie))
              .map(Activity::id)
              .sorted()
              .toList();
      ActivityQuery q = data.query().createdBetween(tie, tie.plus(1, ChronoUnit.MICROS)).build();

      assertThat(ids(listAll(q, DATE_ASC))).as("ties in date_created ASC").isEqualTo(tied);
      List<Long> descending = new ArrayList<>(tied);
      Collections.reverse(descending);
      assertThat(ids(listAll(q, DATE_DESC))).as("ties in date_created DESC").isEqualTo(descending);
    }

    /**
     * If this fails, check how ids are handed out: they must grow with insertion, also within a
     * batch, whose new activities are stored in the order given (not sorted by uid or time first).
     */
    @Test
    @DisplayName(
        "Ids grow with insertion order, within a batch too, so sorting by id lists activities in"
            + " the order they were stored")
    void idsGrowWithInsertion() {
      long ws = data.newWorkspaceGroupId();
      List<Activity> inOrder = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        inOrder.add(insertAt(ws, clock.instant().minusSeconds(i * 37L % 5)));
      }
      List<NewActivity> batch = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        batch.add(
            data.activity(ActivityType.XP_GAINED, data.user())
                .workspaceGroupId(ws)
                .createdAt(clock.instant().plusSeconds(i * 7L % 30))
                .build());
      }
      NewActivity existing =
          data.activity(ActivityType.USER_LOGIN, data.user()).workspaceGroupId(ws).build();
      Activity stored = repository().insert(existing);
      inOrder.add(stored);
      batch.add(15, existing);

      List<Activity> result = repository().insertAll(batch);
      for (int i = 0; i < result.size(); i++) {
        if (i != 15) {
          inOrder.add(result.get(i));
        }
      }

      assertThat(ids(inOrder))
          .as("ids in the order the activities were inserted, the batch's in the order given")
          .isSorted()
          .doesNotHaveDuplicates();
      assertThat(result.get(15)).as("the batch's already stored activity").isEqualTo(stored);
      assertThat(ids(listAll(ActivityQuery.builder().workspaceGroupId(ws).build(), ID_ASC)))
          .as("sorted by id")
          .isEqualTo(ids(inOrder));
    }

    private void assertOrder(Sort sort) {
      List<Activity> expected = stored.stream().sorted(QueryMatching.comparator(sort)).toList();
      List<Activity> found = listAll(data.query().build(), sort);
      assertThat(ids(found))
          .as("order of %s: expected %s but found%n%s", sort, describe(expected), describe(found))
          .isEqualTo(ids(expected));
    }
  }

  @Nested
  @DisplayName("Paging")
  class Paging {
    private List<Activity> stored;

    /** Twelve activities, created in groups of three at the same instant. */
    @BeforeEach
    void record() {
      Instant t = clock.instant();
      List<NewActivity> drafts = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        drafts.add(
            data.activity(ActivityType.RESOURCE_VIEWED, data.user())
                .createdAt(t.plusSeconds(i / 3))
                .build());
      }
      stored = repository().insertAll(drafts);
    }

    /** If this fails, check that an empty listing has total 0 and is not an error. */
    @Test
    @DisplayName("An empty listing has no items, total 0 and page_count 0")
    void emptyResult() {
      ActivityQuery nothing =
          ActivityQuery.builder().workspaceGroupId(data.newWorkspaceGroupId()).build();

      Page<Activity> first = repository().list(nothing, PageRequest.of(1, 20), DATE_DESC);
      Page<Activity> third = repository().list(nothing, PageRequest.of(3, 20), DATE_DESC);

      assertPage(first, List.of(), 0, 1, 20);
      assertThat(first.pageCount()).as("page_count of an empty listing").isZero();
      assertPage(third, List.of(), 0, 3, 20);
    }

    /** If this fails, check the OFFSET arithmetic: page n starts at (n - 1) * size. */
    @Test
    @DisplayName("When the total is a multiple of the page size, the last page is full")
    void exactMultiple() {
      List<Activity> all = expected(DATE_DESC);

      assertPage(
          repository().list(data.query().build(), PageRequest.of(1, 4), DATE_DESC),
          all.subList(0, 4),
          12,
          1,
          4);
      assertPage(
          repository().list(data.query().build(), PageRequest.of(2, 4), DATE_DESC),
          all.subList(4, 8),
          12,
          2,
          4);
      Page<Activity> last =
          repository().list(data.query().build(), PageRequest.of(3, 4), DATE_DESC);
      assertPage(last, all.subList(8, 12), 12, 3, 4);
      assertThat(last.pageCount()).as("page_count of 12 items by 4").isEqualTo(3);
      assertPage(
          repository().list(data.query().build(), PageRequest.of(4, 4), DATE_DESC),
          List.of(),
          12,
          4,
          4);
    }

    /** If this fails, check the LIMIT and OFFSET of the last page. */
    @Test
    @DisplayName("The last page holds the remainder")
    void lastPartialPage() {
      List<Activity> all = expected(DATE_ASC);

      Page<Activity> last = repository().list(data.query().build(), PageRequest.of(3, 5), DATE_ASC);

      assertPage(last, all.subList(10, 12), 12, 3, 5);
      assertThat(last.pageCount()).as("page_count of 12 items by 5").isEqualTo(3);
    }

    /** If this fails, check that a page past the end still reports the listing's total. */
    @Test
    @DisplayName(
        "A page past the end is empty and still reports the total, page_count and its number")
    void pastTheEnd() {
      Page<Activity> page = repository().list(data.query().build(), PageRequest.of(9, 5), ID_DESC);

      assertPage(page, List.of(), 12, 9, 5);
      assertThat(page.pageCount()).as("page_count of 12 items by 5").isEqualTo(3);
    }

    /** If this fails, check paging with the smallest page size. */
    @Test
    @DisplayName("With page_size 1 each page holds the next activity")
    void pageSizeOne() {
      List<Activity> all = expected(DATE_DESC);
      for (int page = 1; page <= 12; page++) {
        assertPage(
            repository().list(data.query().build(), PageRequest.of(page, 1), DATE_DESC),
            List.of(all.get(page - 1)),
            12,
            page,
            1);
      }
    }

    /** If this fails, check that the page size is not capped below the allowed maximum of 100. */
    @Test
    @DisplayName("With page_size 100 a page holds 100 activities")
    void pageSizeHundred() {
      long ws = data.newWorkspaceGroupId();
      Instant t = clock.instant();
      List<NewActivity> drafts = new ArrayList<>();
      for (int i = 0; i < 105; i++) {
        drafts.add(
            data.activity(ActivityType.XP_GAINED, data.user())
                .workspaceGroupId(ws)
                .createdAt(t.plusMillis(i % 10))
                .build());
      }
      List<Activity> all =
          repository().insertAll(drafts).stream().sorted(QueryMatching.comparator(ID_ASC)).toList();
      ActivityQuery q = ActivityQuery.builder().workspaceGroupId(ws).build();

      assertPage(
          repository().list(q, PageRequest.of(1, 100), ID_ASC), all.subList(0, 100), 105, 1, 100);
      assertPage(
          repository().list(q, PageRequest.of(2, 100), ID_ASC), all.subList(100, 105), 105, 2, 100);
    }

    /**
     * If this fails, check that the ORDER BY is total (ends with the id) so that every page query
     * sees the same order.
     */
    @Test
    @DisplayName("Pages never overlap and together hold the whole listing, in every sort order")
    void pagesCoverListing() {
      for (Sort sort : EVERY_SORT) {
        List<Activity> pages = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
          Page<Activity> p = repository().list(data.query().build(), PageRequest.of(page, 5), sort);
          assertThat(p.total()).as("total on page %d of %s", page, sort).isEqualTo(12);
          pages.addAll(p.items());
        }
        assertThat(ids(pages))
            .as("pages 1 to 3 of 5 in %s, found%n%s", sort, describe(pages))
            .isEqualTo(ids(expected(sort)));
      }
    }

    private List<Activity> expected(Sort sort) {
      return stored.stream().sorted(QueryMatching.comparator(sort)).toList();
    }

    private void assertPage(
        Page<Activity> page, List<Activity> items, long total, int number, int size) {
      assertThat(ids(page.items()))
          .as("items of page %d (size %d), found%n%s", number, size, describe(page.items()))
          .isEqualTo(ids(items));
      assertThat(page.total()).as("total of page %d", number).isEqualTo(total);
      assertThat(page.currentPage()).as("current_page of page %d", number).isEqualTo(number);
      assertThat(page.pageSize()).as("page_size of page %d", number).isEqualTo(size);
    }
  }

  @Nested
  @DisplayName("Keyset paging and scans")
  class KeysetPaging {
    private List<Activity> stored;

    /**
     * Twelve activities created in groups of three at the same instant, one more soft-deleted and
     * one in another workspace group that the query leaves out.
     */
    @BeforeEach
    void record() {
      Instant t = clock.instant();
      List<NewActivity> drafts = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        drafts.add(
            data.activity(ActivityType.GAME_JOINED, data.user())
                .createdAt(t.plusSeconds((i * 5L) % 12 / 3))
                .build());
      }
      stored = repository().insertAll(drafts);
      Activity deleted = insertAt(data.workspaceGroupId(), t.plusSeconds(1));
      repository().softDelete(deleted.id(), WriteGuard.TRUSTED, "remover");
      long elsewhere = data.newWorkspaceGroupId();
      insertAt(elsewhere, t.plusSeconds(2));
    }

    /**
     * If this fails, check the keyset condition: {@code (created_at, id) > (?, ?)} for ascending
     * and {@code <} for descending, with the same ORDER BY as list.
     */
    @Test
    @DisplayName(
        "Following cursors two at a time gives the same order as the listing, in every sort")
    void walkEqualsListing() {
      for (Sort sort : EVERY_SORT) {
        List<Activity> listed = listAll(query(), sort);
        List<Activity> walked = new ArrayList<>();
        @Nullable Cursor cursor = null;
        for (int round = 0; round <= listed.size(); round++) {
          List<Activity> batch = repository().listAfter(query(), sort, cursor, 2);
          assertThat(batch.size()).as("batch size with limit 2 in %s", sort).isLessThanOrEqualTo(2);
          if (batch.isEmpty()) {
            break;
          }
          walked.addAll(batch);
          cursor = Cursor.after(batch.get(batch.size() - 1));
        }
        assertThat(ids(walked))
            .as("keyset walk in %s, found%n%s", sort, describe(walked))
            .isEqualTo(ids(listed));
        assertThat(ids(listed)).as("listing in %s", sort).isEqualTo(ids(expected(sort)));
      }
    }

    /** If this fails, check that listAfter without a cursor starts at the first activity. */
    @Test
    @DisplayName(
        "Without a cursor keyset paging starts at the first activity and returns at most the limit")
    void startsAtBeginning() {
      for (Sort sort : EVERY_SORT) {
        assertThat(ids(repository().listAfter(query(), sort, null, 5)))
            .as("first 5 in %s", sort)
            .isEqualTo(ids(expected(sort).subList(0, 5)));
      }
    }

    /**
     * If this fails, check that the cursor compares both created_at and id, so that activities
     * created at the same instant as the cursor's are neither skipped nor repeated.
     */
    @Test
    @DisplayName(
        "A cursor inside a group of activities created at the same instant continues right after"
            + " it")
    void cursorWithinTies() {
      for (Sort sort : EVERY_SORT) {
        List<Activity> all = expected(sort);
        for (int i : new int[] {0, 1, 4, 10}) {
          List<Activity> rest =
              repository().listAfter(query(), sort, Cursor.after(all.get(i)), 100);
          assertThat(ids(rest))
              .as("after %s in %s, found%n%s", describe(all.get(i)), sort, describe(rest))
              .isEqualTo(ids(all.subList(i + 1, all.size())));
        }
      }
    }

    /** If this fails, check listAfter's cursor condition and batch limit, or an overridden scan. */
    @Test
    @DisplayName("A scan returns every match exactly once, in order, whatever the batch size")
    void scanReturnsEachOnce() {
      for (Sort sort : EVERY_SORT) {
        for (int batch : new int[] {1, 2, 5, 12, 13}) {
          List<Activity> scanned = scan(query(), sort, batch);
          assertThat(ids(scanned))
              .as("scan in %s by %d, found%n%s", sort, batch, describe(scanned))
              .isEqualTo(ids(expected(sort)));
        }
      }
    }

    /** If this fails, check that listAfter and scan of an empty result end cleanly. */
    @Test
    @DisplayName("Keyset paging and scans of a query matching nothing return nothing")
    void emptyResult() {
      ActivityQuery nothing =
          ActivityQuery.builder().workspaceGroupId(data.newWorkspaceGroupId()).build();

      assertThat(repository().listAfter(nothing, DATE_DESC, null, 10)).as("listAfter").isEmpty();
      assertThat(scan(nothing, DATE_DESC, 3)).as("scan").isEmpty();
      Cursor beyond = Cursor.after(expected(DATE_DESC).get(11));
      assertThat(repository().listAfter(query(), DATE_DESC, beyond, 10))
          .as("listAfter the last activity")
          .isEmpty();
    }

    /**
     * If this fails, check that listAfter rejects a limit below 1 itself, with a
     * ValidationException naming {@code limit}, rather than passing it to the database (where
     * {@code LIMIT 0} returns nothing and a negative limit may mean no limit).
     */
    @Test
    @DisplayName("Keyset paging with a limit below 1 is rejected naming limit")
    void limitBelowOneIsRejected() {
      for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
        assertThatThrownBy(() -> repository().listAfter(query(), DATE_DESC, null, limit))
            .as("listAfter with limit %d", limit)
            .isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
      }
    }

    /**
     * If this fails, check that an overridden scan rejects a batch size below 1 with a
     * ValidationException naming {@code batch_size}, as the interface's default does, instead of
     * picking a size of its own.
     */
    @Test
    @DisplayName("A scan with a batch size below 1 is rejected naming batch_size")
    void batchSizeBelowOneIsRejected() {
      for (int size : new int[] {0, -1, Integer.MIN_VALUE}) {
        assertThatThrownBy(() -> repository().scan(query(), DATE_DESC, size).toList())
            .as("scan with batch size %d", size)
            .isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("batch_size"));
      }
    }

    /**
     * If this fails, check that scan pages by the cursor's sort key, not by offset (an offset
     * counts what was inserted or deleted before the position, so the scan repeats or skips
     * activities), and that it holds no lock between batches: the test writes between them on the
     * scanning thread.
     */
    @Test
    @DisplayName(
        "A scan while the caller inserts and deletes returns every untouched activity once, in"
            + " order, and no activity twice")
    void scanWhileWriting() {
      for (Sort sort : EVERY_SORT) {
        List<Activity> before = listAll(query(), sort);
        Set<Long> touched = new HashSet<>();
        List<Activity> scanned = new ArrayList<>();
        Iterator<Activity> it = repository().scan(query(), sort, 2).iterator();
        while (it.hasNext() && scanned.size() < 3 * before.size()) {
          Activity a = it.next();
          scanned.add(a);
          if (scanned.size() <= before.size()) {
            // One that sorts before the scan's position (for id ASC it sorts after: new ids are
            // larger), and now and then the deletion of one already returned.
            Instant early = clock.instant().minus(Duration.ofDays(scanned.size()));
            Instant late = clock.instant().plus(Duration.ofDays(scanned.size()));
            touched.add(insertAt(data.workspaceGroupId(), sort == DATE_ASC ? early : late).id());
            if (scanned.size() % 3 == 0) {
              touched.add(repository().softDelete(a.id(), WriteGuard.TRUSTED, "scanner").id());
            }
          }
        }

        assertThat(ids(scanned))
            .as("scan in %s while writing, found%s", sort, describe(scanned))
            .doesNotHaveDuplicates();
        assertThat(ids(scanned).stream().filter(id -> !touched.contains(id)).toList())
            .as(
                "untouched activities of a scan in %s while writing, found%s",
                sort, describe(scanned))
            .isEqualTo(ids(before).stream().filter(id -> !touched.contains(id)).toList());
      }
    }

    /**
     * If this fails, check that listAfter compares the cursor's (created_at, id) with the rows
     * instead of looking the cursor's activity up: that activity may be deleted or erased by now,
     * and a cursor may name a position no activity holds.
     */
    @Test
    @DisplayName(
        "A cursor is a position, not a row: paging continues after it when its activity was"
            + " deleted or erased since, or when no activity ever held it")
    void cursorIsAPosition() {
      List<Activity> all = expected(DATE_DESC);
      Activity deleted = repository().softDelete(all.get(3).id(), WriteGuard.TRUSTED, "remover");
      Activity erased = all.get(7);
      repository().eraseActor(erased.actor().ref(), ErasureMode.REMOVE);
      Cursor between = new Cursor(all.get(5).createdAt(), absentId());
      List<Activity> live =
          stored.stream().filter(a -> a.id() != deleted.id() && a.id() != erased.id()).toList();

      for (Sort sort : EVERY_SORT) {
        for (Cursor cursor : List.of(Cursor.after(deleted), Cursor.after(erased), between)) {
          List<Activity> rest = repository().listAfter(query(), sort, cursor, 100);
          List<Activity> want =
              live.stream()
                  .filter(a -> QueryMatching.isAfter(a, cursor, sort))
                  .sorted(QueryMatching.comparator(sort))
                  .toList();
          assertThat(ids(rest))
              .as("listAfter %s in %s, found%s", cursor, sort, describe(rest))
              .isEqualTo(ids(want));
        }
      }
    }

    private ActivityQuery query() {
      return ActivityQuery.builder().workspaceGroupId(data.workspaceGroupId()).build();
    }

    private List<Activity> expected(Sort sort) {
      return stored.stream().sorted(QueryMatching.comparator(sort)).toList();
    }
  }

  @Nested
  @DisplayName("Host-defined types")
  class HostDefinedTypes {

    /**
     * Asserts that an activity read back has a host type's code, as the host's constant or as an
     * {@link UnknownActivityType}: what a store answers depends on the catalogue it was built with.
     */
    private void assertType(String read, Activity found, ActivityKind expected) {
      assertThat(found.type().code())
          .as("type code of %s: %s", read, describe(found))
          .isEqualTo(expected.code());
      assertThat(found.type())
          .as("type of %s: %s", read, describe(found))
          .isIn(expected, new UnknownActivityType(expected.code()));
    }

    /**
     * If this fails, check that the type column keeps any kind's {@link ActivityKind#code()}, and
     * that reading a code the store's catalogue does not know gives an {@link UnknownActivityType}
     * instead of an error (a mapper that still calls {@code ActivityType.fromCode} fails here).
     */
    @Test
    @DisplayName(
        "An activity of a host-defined type reads back with that type's code, by id, by uid and in"
            + " a listing")
    void hostTypeReadsBack() {
      NewActivity draft = data.activity(TestActivityTypes.ORDER_PLACED, data.user()).build();
      Activity stored = repository().insert(draft);

      assertType("the insert's answer", stored, TestActivityTypes.ORDER_PLACED);
      assertType(
          "findById",
          repository().findById(stored.id()).orElseThrow(),
          TestActivityTypes.ORDER_PLACED);
      assertType(
          "findByUid",
          repository().findByUid(data.workspaceGroupId(), uidOf(draft)).orElseThrow(),
          TestActivityTypes.ORDER_PLACED);
      List<Activity> listed = listAll(data.query().build(), ID_ASC);
      assertThat(ids(listed)).as("listing: %s", describe(listed)).containsExactly(stored.id());
      assertType("the listing", listed.get(0), TestActivityTypes.ORDER_PLACED);
    }

    /**
     * If this fails, check that the type filter binds every kind's code, not only the seeds' types:
     * a filter left empty when no type is a standard one lists every type.
     */
    @Test
    @DisplayName(
        "The type filter on a host-defined type lists and counts only that type's activities")
    void filterByHostType() {
      Activity placed =
          repository().insert(data.activity(TestActivityTypes.ORDER_PLACED, data.user()).build());
      Activity again =
          repository().insert(data.activity(TestActivityTypes.ORDER_PLACED, data.user()).build());
      Activity shipped =
          repository().insert(data.activity(TestActivityTypes.ORDER_SHIPPED, data.user()).build());
      Activity login = repository().insert(data.login(data.user()));

      ActivityQuery placedOnly = data.query().type(TestActivityTypes.ORDER_PLACED).build();
      assertListed(placedOnly, List.of(placed, again));
      assertThat(repository().count(placedOnly)).as("count(%s)", placedOnly).isEqualTo(2);
      assertListed(
          data.query().type(TestActivityTypes.ORDER_SHIPPED).type(ActivityType.USER_LOGIN).build(),
          List.of(shipped, login));
    }

    /**
     * If this fails, check that the type filter compares codes, not kind instances: a store that
     * does not know a host enum answers {@link UnknownActivityType}, and a caller may filter with
     * it.
     */
    @Test
    @DisplayName(
        "The type filter matches by code: an UnknownActivityType lists the activities of the host"
            + " type with its code")
    void filterByUnknownTypeOfSameCode() {
      Activity placed =
          repository().insert(data.activity(TestActivityTypes.ORDER_PLACED, data.user()).build());
      repository().insert(data.activity(TestActivityTypes.ORDER_SHIPPED, data.user()).build());

      assertListed(
          data.query().type(new UnknownActivityType(TestActivityTypes.ORDER_PLACED.code())).build(),
          List.of(placed));
    }

    /**
     * If this fails, check that an update writes the new kind's code and that the stored type is
     * read back through the catalogue after an update as after an insert.
     */
    @Test
    @DisplayName("Updating an activity to a host-defined type stores that type's code")
    void updateToHostType() {
      Activity login = repository().insert(data.login(data.user()));

      Activity updated =
          repository()
              .update(
                  login.id(),
                  WriteGuard.TRUSTED,
                  ActivityUpdate.NONE.withType(TestActivityTypes.ORDER_SHIPPED),
                  "editor");

      assertType("the update's answer", updated, TestActivityTypes.ORDER_SHIPPED);
      assertListed(data.query().type(TestActivityTypes.ORDER_SHIPPED).build(), List.of(login));
      assertListed(data.query().type(ActivityType.USER_LOGIN).build(), List.of());
    }

    /**
     * If this fails, check how the update decides that nothing changes: kinds must be compared by
     * code ({@link ActivityKind#sameCode}), since the stored type may be an {@link
     * UnknownActivityType} and the update's the host's constant, or the other way round.
     */
    @Test
    @DisplayName(
        "Updating a host-typed activity to its own type's code, as constant or as"
            + " UnknownActivityType, changes nothing: version and updated_at stay")
    void sameCodeUpdateChangesNothing() {
      Activity placed =
          repository().insert(data.activity(TestActivityTypes.ORDER_PLACED, data.user()).build());
      clock.advance(Duration.ofMinutes(1));

      for (ActivityKind same :
          List.of(TestActivityTypes.ORDER_PLACED, new UnknownActivityType(placed.type().code()))) {
        Activity after =
            repository()
                .update(
                    placed.id(), WriteGuard.TRUSTED, ActivityUpdate.NONE.withType(same), "editor");
        assertThat(after.version())
            .as("version after an update to %s: %s", same, describe(after))
            .isEqualTo(1);
        assertThat(after.updatedAt())
            .as("updated_at after an update to %s: %s", same, describe(after))
            .isEqualTo(placed.updatedAt());
      }
    }
  }

  @Nested
  @DisplayName("Fidelity of what is stored")
  class Fidelity {

    /**
     * If this fails, check the text columns' type and encoding (a three-byte UTF-8 or a Latin-1
     * column loses astral characters), that no layer trims, normalises or turns an empty text into
     * null, and that every write path (insert, insertAll, update) and every read path maps every
     * text field: text, created_by, campaign name, the actor's profile, the Brightidea details and
     * the resource's strings and keys.
     */
    @Test
    @DisplayName(
        "Every text field keeps every character the model accepts, and an empty text stays empty,"
            + " through every write and every read")
    void textsKeepEveryCharacter() {
      List<Case> cases = new ArrayList<>();
      for (int i = 0; i < EdgeValues.TEXTS.size(); i++) {
        String t = EdgeValues.TEXTS.get(i);
        cases.add(new Case("edge text " + i + " in every field of a member's", textsOfMember(t)));
        cases.add(new Case("edge text " + i + " in every field of a user's", textsOfUser(t)));
      }

      assertStoredExactly(cases);
    }

    /**
     * If this fails, check how the resource is written and read: numbers must stay exact decimals
     * (not doubles or longs), JSON null members must be kept (a serializer that leaves out nulls
     * drops them), and nesting, empty arrays and objects, and keys of any text must survive. The
     * order of an object's keys and a number's notation need not: JSON values compare without them.
     */
    @Test
    @DisplayName(
        "A resource keeps every JSON value the model accepts: each kind, numbers at the bounds,"
            + " null members, empty and deepest nesting, any key")
    void resourcesKeepEveryJsonValue() {
      List<JsonValue> values = EdgeValues.json();
      List<Case> cases = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        cases.add(
            new Case(
                "edge JSON value " + i + " " + abbreviated(values.get(i).toJson()),
                data.activity(ActivityType.RESOURCE_VIEWED, data.user())
                    .resource(values.get(i))
                    .build()));
      }
      // The deepest values are at the depth limit already: one more level is refused, however it
      // is built, so the array and the object hold every other value.
      List<JsonValue> nestable = new ArrayList<>();
      for (JsonValue v : values) {
        try {
          JsonValue.of(List.of(v));
          nestable.add(v);
        } catch (ValidationException deepest) {
          // stored on its own above
        }
      }
      Map<String, JsonValue> members = new LinkedHashMap<>();
      for (int i = 0; i < nestable.size(); i++) {
        members.put("v" + i, nestable.get(i));
      }
      cases.add(
          new Case(
              "every edge JSON value in one array",
              data.activity(ActivityType.RESOURCE_VIEWED, data.user())
                  .resource(new JsonValue.JsonArray(nestable))
                  .build()));
      cases.add(
          new Case(
              "every edge JSON value in one object",
              data.activity(ActivityType.RESOURCE_VIEWED, data.user())
                  .resource(new JsonValue.JsonObject(members))
                  .build()));

      assertStoredExactly(cases);
    }

    /**
     * If this fails, check that every time column and every time inside a JSON document (the
     * member's dates, the hi-fives' and comments' dates) keeps microseconds, converts without the
     * JVM's or the database's zone, and goes through no {@code java.util.Date} or {@code
     * java.sql.Timestamp} calendar, which shifts days before 1582. The activities are created at
     * the model's earliest instants too; the test erases them at the end so that no other test's
     * purge counts them.
     */
    @Test
    @DisplayName(
        "Times keep their microseconds in every time field, from the earliest instant the model"
            + " accepts to the latest, and the creation-time filter finds them")
    void timesKeepMicroseconds() {
      List<Member> actors = new ArrayList<>();
      List<Case> cases = new ArrayList<>();
      List<Instant> times = EdgeValues.times(clock.instant());
      for (Instant t : times) {
        Member m =
            Member.builder(UUID.randomUUID())
                .screenName("Member of " + t)
                .dateCreated(t)
                .dateModified(t)
                .active(true)
                .build();
        actors.add(m);
        cases.add(
            new Case(
                "created at " + t,
                data.activity(ActivityType.POST_UPDATE, m)
                    .createdAt(t)
                    .extensions(
                        BrightideaDetails.builder()
                            .updateId("update")
                            .hifives(List.of(new HiFive("hifive", t, "update", m)))
                            .comments(List.of(new Comment("comment", "at " + t, t, "update", m)))
                            .build()
                            .toExtensions())
                    .build()));
      }
      try {
        assertStoredExactly(cases);
        for (Instant t : times) {
          Instant micro = t.truncatedTo(ChronoUnit.MICROS);
          List<Activity> found =
              listAll(
                  data.query().createdBetween(micro, micro.plus(1, ChronoUnit.MICROS)).build(),
                  ID_ASC);
          assertThat(found)
              .as("activities created in [%s, +1 µs), found%s", micro, describe(found))
              .extracting(Activity::createdAt)
              .containsOnly(micro)
              .hasSize(3);
        }
      } finally {
        for (Member m : actors) {
          repository().eraseActor(m.ref(), ErasureMode.REMOVE);
        }
      }
    }

    /**
     * If this fails, check how the Brightidea details' lists are stored: every hi-five and comment
     * must come back, identical ones included, in the order given (not by date or id), each with
     * its member; and an attachment with no field set must stay apart from no attachment.
     */
    @Test
    @DisplayName(
        "The Brightidea details keep every hi-five and comment, duplicates included, in the order"
            + " given, with their members and attachment")
    void detailsKeepTheirLists() {
      Instant t = clock.instant();
      List<Member> members = List.of(data.member(), data.member(), data.member());
      List<HiFive> hifives = new ArrayList<>();
      List<Comment> comments = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        // Dates in no order, and some missing, so that neither date nor id order is the given one.
        Instant at = i % 5 == 4 ? null : t.minusSeconds((i * 7L) % 15).plusNanos(i * 1_000L);
        Member by = i % 4 == 3 ? null : members.get(i % 3);
        hifives.add(new HiFive("hifive-" + (15 - i), at, "update-" + i % 2, by));
        comments.add(
            new Comment("comment-" + (i * 11 % 15), EdgeValues.TEXTS.get(i % 13), at, "u", by));
      }
      hifives.add(hifives.get(0));
      comments.add(comments.get(1));
      hifives.add(new HiFive(null, null, null, null));
      comments.add(new Comment(null, null, null, null, null));
      Attachment full =
          new Attachment(
              "file-1",
              "update-1",
              "jpg",
              "photo.jpg",
              "Update Photo",
              "https://x/1",
              "image/jpeg");
      Attachment empty = new Attachment(null, null, null, null, null, null, null);

      List<Case> cases =
          List.of(
              details("every list and an attachment", "i", hifives, comments, full),
              details("hi-fives only", null, hifives, List.of(), null),
              details("comments only", null, List.of(), comments, empty),
              details(
                  "one empty hi-five and comment",
                  "i",
                  hifives.subList(16, 17),
                  comments.subList(16, 17),
                  null),
              details("an attachment with no field set", null, List.of(), List.of(), empty),
              details("idea fields only", "idea", List.of(), List.of(), null));

      assertStoredExactly(cases);
    }

    /**
     * If this fails, check how the extension slot is written and read: every member must come back
     * with its value as given, of every JSON kind; a member holding {@code null}, {@code []},
     * {@code {}} or {@code ""} must stay a member (not be left out as absent, not read as false or
     * as another kind), and an empty slot must stay empty.
     */
    @Test
    @DisplayName(
        "The extension slot keeps every member and every JSON kind exactly, empty values apart"
            + " from absent ones")
    void extensionsKeptExactly() {
      Map<String, JsonValue> every = new LinkedHashMap<>();
      every.put("null", JsonValue.nullValue());
      every.put("true", JsonValue.of(true));
      every.put("false", JsonValue.of(false));
      every.put("scaled", JsonValue.of(new java.math.BigDecimal("1.50")));
      every.put("negative", JsonValue.of(-12));
      every.put("huge", JsonValue.of(new java.math.BigDecimal("1e300")));
      every.put("text", JsonValue.of(EdgeValues.TEXTS.get(3)));
      every.put("empty_text", JsonValue.of(""));
      every.put("empty_list", JsonValue.of(List.of()));
      every.put("empty_object", JsonValue.of(Map.of()));
      every.put("list", JsonValue.of(java.util.Arrays.asList(3, null, "a", List.of(), Map.of())));
      every.put("object", JsonValue.of(Map.of("inner", Map.of("deep", List.of(1, 2)))));
      every.put("anonymous", JsonValue.nullValue());
      every.put("é ключ \uD83D\uDE00", JsonValue.of("unicode name"));
      List<Case> cases = new ArrayList<>();
      cases.add(extensions("a member of every JSON kind", every));
      for (Map.Entry<String, JsonValue> e : every.entrySet()) {
        cases.add(extensions("only " + e.getKey(), Map.of(e.getKey(), e.getValue())));
      }
      cases.add(extensions("an empty slot", Map.of()));

      assertStoredExactly(cases);
    }

    private Case extensions(String name, Map<String, JsonValue> fields) {
      return new Case(
          "extensions: " + name,
          data.activity(ActivityType.POST_IDEA, data.member()).extensions(fields).build());
    }

    /**
     * If this fails, check that nullable columns are read with a null check (JDBC's {@code getLong}
     * and {@code getBoolean} answer 0 and false for SQL NULL) and that nothing turns an empty text
     * into null or null into a default.
     */
    @Test
    @DisplayName(
        "Absent values stay absent and false, zero and empty ones stay as given: text, groups,"
            + " campaign, audit name, profile flags and fields, details, resource")
    void absentStaysApartFromEmpty() {
      UserSimple u = data.user();
      List<Case> cases = new ArrayList<>();
      cases.add(new Case("no text", data.activity(ActivityType.USER_LOGIN, u).text(null).build()));
      cases.add(new Case("empty text", data.activity(ActivityType.USER_LOGIN, u).text("").build()));
      cases.add(
          new Case(
              "no created_by", data.activity(ActivityType.USER_LOGIN, u).createdBy(null).build()));
      cases.add(
          new Case(
              "empty created_by", data.activity(ActivityType.USER_LOGIN, u).createdBy("").build()));
      for (Long derived : Arrays.asList(null, 0L, data.workspaceGroupId(), Long.MAX_VALUE)) {
        cases.add(
            new Case(
                "derived workspace_group " + derived,
                data.activity(ActivityType.RESOURCE_VIEWED, u)
                    .derivedWorkspaceGroupId(derived)
                    .build()));
      }
      for (Campaign campaign :
          Arrays.asList(
              null, new Campaign(UUID.randomUUID(), null), new Campaign(UUID.randomUUID(), ""))) {
        cases.add(
            new Case(
                "campaign " + campaign,
                data.activity(ActivityType.POST_IDEA, data.member()).campaign(campaign).build()));
      }
      for (Boolean flag : Arrays.asList(null, false, true)) {
        UserSimple user =
            UserSimple.builder(u.id(), u.username(), u.email())
                .fullName(flag == null ? null : "")
                .firstTimeLogin(flag == null)
                .theme(flag == null ? null : "")
                .isSuperuser(flag)
                .isStaff(flag)
                .isActive(flag)
                .isVerified(flag)
                .build();
        cases.add(
            new Case("user flags " + flag, data.activity(ActivityType.USER_LOGIN, user).build()));
        Member member =
            Member.builder(UUID.randomUUID())
                .screenName(flag == null ? null : "")
                .firstName(flag == null ? null : "")
                .active(flag)
                .build();
        BrightideaDetails details =
            BrightideaDetails.builder()
                .ideaId(flag == null ? null : "")
                .anonymous(flag)
                .teamSubmission(flag)
                .attachment(flag == null ? null : new Attachment("", "", "", "", "", "", ""))
                .build();
        cases.add(
            new Case(
                "member and details flags " + flag,
                data.activity(ActivityType.POST_IDEA, member)
                    .extensions(details.toExtensions())
                    .build()));
      }
      for (Object resource : Arrays.asList(null, "", "null", 0, false, List.of(), Map.of())) {
        cases.add(
            new Case(
                "resource " + JsonValue.of(resource).toJson(),
                data.activity(ActivityType.RESOURCE_VIEWED, u).resource(resource).build()));
      }

      assertStoredExactly(cases);
    }

    /**
     * If this fails, check the sizes of the columns: they must hold the model's limits in
     * characters (not bytes): {@value Activity#MAX_TEXT} for text, idea title and comment, 2,000
     * for campaign and category names and profile fields, {@value Activity#MAX_AUDIT_NAME} for
     * audit names, and a resource of {@value Activity#MAX_RESOURCE} characters of compact JSON.
     */
    @Test
    @DisplayName(
        "The longest values the model accepts are stored whole, in characters of every width")
    void longestValuesFit() {
      List<Case> cases = new ArrayList<>();
      for (String unit : List.of("a", "\u00e9", "\u4e2d", "\uD83D\uDE00")) {
        String text = EdgeValues.filled(unit, Activity.MAX_TEXT);
        String field = EdgeValues.filled(unit, 2_000);
        Member m =
            Member.builder(UUID.randomUUID())
                .screenName(field)
                .firstName(field)
                .lastName(field)
                .jobTitle(field)
                .address(field)
                .phone(field)
                .mobilePhone(field)
                .externalUserId(field)
                .skills(field)
                .workHistory(field)
                .photoUrl(field)
                .photoFileId(field)
                .build();
        cases.add(
            new Case(
                "longest texts of U+" + Integer.toHexString(unit.codePointAt(0)),
                data.activity(ActivityType.POST_UPDATE, m)
                    .text(text)
                    .createdBy(EdgeValues.filled(unit, Activity.MAX_AUDIT_NAME))
                    .campaign(new Campaign(UUID.randomUUID(), field))
                    .extensions(
                        BrightideaDetails.builder()
                            .ideaId("idea")
                            .ideaTitle(text)
                            .categoryName(field)
                            .updateId("u")
                            .comments(List.of(new Comment("c", text, null, "u", null)))
                            .build()
                            .toExtensions())
                    .resource(EdgeValues.filled(unit, Activity.MAX_RESOURCE - 2)) // and the quotes
                    .build()));
      }
      UserSimple u = data.user();
      String letters = EdgeValues.filled("\u00df", UserSimple.MAX_USERNAME);
      String field = EdgeValues.filled("\u4e2d", 2_000);
      cases.add(
          new Case(
              "a user with the longest username and fields",
              data.activity(
                      ActivityType.USER_LOGIN,
                      UserSimple.builder(u.id(), letters, u.email())
                          .fullName(field)
                          .theme(field)
                          .profilePicture(
                              EdgeValues.filled("https://example.com/", 1_990) + "/p.png")
                          .build())
                  .build()));
      List<Integer> numbers = new ArrayList<>();
      while ((numbers.size() + 1) * 6 + 1 <= Activity.MAX_RESOURCE) {
        numbers.add(10_000 + numbers.size() % 90_000);
      }
      cases.add(
          new Case(
              "a resource of " + numbers.size() + " numbers, nearly the largest",
              data.activity(ActivityType.RESOURCE_VIEWED, u).resource(numbers).build()));

      assertStoredExactly(cases);
    }

    /**
     * If this fails, check what the backend does with U+0000, which the model accepts but some
     * databases (PostgreSQL) cannot store: it must store the activity whole or refuse it with a
     * ValidationException, never strip or replace the character, nor fail with another error.
     */
    @Test
    @DisplayName(
        "A text holding U+0000 is stored whole or refused with a validation error, never altered")
    void nulIsKeptOrRefused() {
      String t = "before\u0000after";
      List<Case> cases =
          List.of(
              new Case("U+0000 in every field of a member's", textsOfMember(t)),
              new Case("U+0000 in every field of a user's", textsOfUser(t)),
              new Case(
                  "U+0000 in the text alone",
                  data.activity(ActivityType.USER_LOGIN, data.user()).text(t).build()),
              new Case(
                  "U+0000 in a resource string",
                  data.activity(ActivityType.RESOURCE_VIEWED, data.user())
                      .resource(Map.of("k", t))
                      .build()),
              new Case(
                  "U+0000 in a resource key",
                  data.activity(ActivityType.RESOURCE_VIEWED, data.user())
                      .resource(Map.of(t, 1))
                      .build()));
      for (Case c : cases) {
        NewActivity d = c.draft();
        Activity stored;
        try {
          stored = repository().insert(d);
        } catch (ValidationException refused) {
          assertThat(repository().findByUid(d.content().workspaceGroupId(), uidOf(d)))
              .as("%s: stored after the refusal \"%s\"", c.name(), refused.getMessage())
              .isEmpty();
          continue;
        }
        Activity expected =
            assertWrote(c.name() + ", by insert", stored, StoredActivities.created(stored.id(), d));
        assertReadsBack(List.of(expected), List.of(c.name()));
      }
    }

    private NewActivity textsOfMember(String t) {
      Instant at = clock.instant();
      Member m =
          Member.builder(UUID.randomUUID())
              .screenName(t)
              .firstName(t)
              .lastName(t)
              .jobTitle(t)
              .address(t)
              .phone(t)
              .mobilePhone(t)
              .externalUserId(t)
              .skills(t)
              .workHistory(t)
              .photoUrl(t)
              .dateCreated(at)
              .dateModified(at)
              .active(true)
              .photoFileId(t)
              .build();
      Map<String, Object> resource = new LinkedHashMap<>();
      resource.put("text", t);
      resource.put("in a list", List.of(t, t));
      resource.put(t, "the text as a key");
      return data.activity(ActivityType.POST_UPDATE, m)
          .text(t)
          .createdBy(t)
          .campaign(new Campaign(UUID.randomUUID(), t))
          .resource(resource)
          .extensions(
              BrightideaDetails.builder()
                  .ideaId(t)
                  .ideaTitle(t)
                  .categoryName(t)
                  .anonymous(true)
                  .teamSubmission(false)
                  .updateId(t)
                  .hifives(List.of(new HiFive(t, at, t, m)))
                  .comments(List.of(new Comment(t, t, at, t, m)))
                  .attachment(new Attachment(t, t, t, t, t, t, t))
                  .build()
                  .toExtensions())
          .build();
    }

    private NewActivity textsOfUser(String t) {
      UserSimple u = data.user();
      UserSimple withText =
          UserSimple.builder(u.id(), u.username(), u.email())
              .fullName(t)
              .firstTimeLogin(true)
              .theme(t)
              .isSuperuser(true)
              .isStaff(false)
              .isVerified(true)
              .profilePicture(u.profilePicture())
              .build();
      return data.activity(ActivityType.RESOURCE_COMMENTED, withText)
          .text(t)
          .createdBy(t)
          .campaign(new Campaign(UUID.randomUUID(), t))
          .resource(t)
          .build();
    }

    private Case details(
        String name,
        @Nullable String ideaId,
        List<HiFive> hifives,
        List<Comment> comments,
        @Nullable Attachment attachment) {
      return new Case(
          name,
          data.activity(ActivityType.POST_UPDATE, data.member())
              .extensions(
                  BrightideaDetails.builder()
                      .ideaId(ideaId)
                      .ideaTitle(ideaId == null ? null : "Idea")
                      .updateId("update")
                      .hifives(hifives)
                      .comments(comments)
                      .attachment(attachment)
                      .build()
                      .toExtensions())
              .build());
    }
  }

  @Nested
  @DisplayName("Closing the store")
  class Closing {

    /** If this fails, check that close remembers it ran and does nothing the second time. */
    @Test
    @DisplayName("Closing a store twice is harmless: the second close does nothing")
    void closeIsIdempotent() {
      ActivityStore another = createStore(clock);
      another.close();

      assertThatCode(another::close).as("a second close of a store").doesNotThrowAnyException();
    }
  }

  @Nested
  @DisplayName("Concurrency")
  class Concurrency {

    /** How many calls each thread makes in a round of the tests that repeat a call. */
    private static final int BURST = 8;

    /**
     * If this fails, check the store's thread safety: id generation, the uid index, that a batch
     * returns its own rows (read back by the keys it generated, not as the newest rows) and the
     * atomicity of updates. A timeout means a deadlock.
     */
    @Test
    @DisplayName(
        "Threads inserting, updating and reading at once lose nothing, duplicate nothing and get"
            + " unique ids")
    void insertUpdateRead() throws Exception {
      int perThread = 4;
      List<Activity> targets =
          repository().insertAll(IntStream.range(0, THREADS).mapToObj(i -> data.any()).toList());
      List<Long> groups = new ArrayList<>();
      Set<Long> ids = new HashSet<>(ids(targets));

      ConcurrentRounds.run(
          60,
          round -> groups.add(data.newWorkspaceGroupId()),
          (i, round) -> {
            ActivityQuery ofRound =
                ActivityQuery.builder().workspaceGroupId(groups.get(round)).build();
            List<Activity> inserted = new ArrayList<>();
            long lastCount = 0;
            for (int j = 0; j < perThread; j++) {
              NewActivity draft =
                  data.activity(ActivityType.USER_LOGIN, data.user())
                      .workspaceGroupId(groups.get(round))
                      .build();
              Activity stored =
                  j % 2 == 0
                      ? repository().insert(draft)
                      : repository().insertAll(List.of(draft)).get(0);
              assertThat(stored.uid())
                  .as("uid of what an insert returned, %s", describe(stored))
                  .isEqualTo(draft.uid());
              inserted.add(stored);
              repository()
                  .update(
                      targets.get(i).id(),
                      WriteGuard.TRUSTED,
                      ActivityUpdate.text(text(round, i, j)),
                      "thread-" + i);
              Page<Activity> page =
                  repository()
                      .list(
                          ofRound, PageRequest.of(1, ActivityLog.DEFAULT_MAX_PAGE_SIZE), DATE_DESC);
              assertThat(ids(page.items()))
                  .as("a listing read during writes")
                  .doesNotHaveDuplicates();
              long count = repository().count(ofRound);
              assertThat(count)
                  .as("count read after an earlier count of %d", lastCount)
                  .isGreaterThanOrEqualTo(lastCount);
              lastCount = count;
            }
            return inserted;
          },
          (round, outcomes) -> {
            for (List<Activity> inserted : valuesOf(outcomes)) {
              for (Activity a : inserted) {
                assertThat(ids.add(a.id()))
                    .as("id %d handed out twice, seen in round %d: %s", a.id(), round, describe(a))
                    .isTrue();
                assertThat(repository().findByUid(a.workspaceGroupId(), a.uid()).map(Activity::id))
                    .as("stored id of uid %s", a.uid())
                    .contains(a.id());
              }
            }
            assertThat(
                    repository()
                        .count(ActivityQuery.builder().workspaceGroupId(groups.get(round)).build()))
                .as("activities stored by %d threads inserting %d each", THREADS, perThread)
                .isEqualTo((long) THREADS * perThread);
            for (Activity target : targets) {
              assertThat(repository().findById(target.id()).map(Activity::version))
                  .as(
                      "version of %s after %d rounds of %d updates",
                      describe(target), round + 1, perThread)
                  .contains(1L + (round + 1L) * perThread);
            }
          });
    }

    /**
     * If this fails, check that the uid is unique in storage (a unique index on workspace group and
     * uid) and that insert handles the race for it, instead of looking the uid up first.
     */
    @Test
    @DisplayName("Threads inserting one uid at once store exactly one activity and all get it back")
    void sameUidAtOnce() throws Exception {
      UserSimple actor = data.user();
      List<List<UUID>> uids = new ArrayList<>();
      ActivityQuery everything = data.query().deleted(DeletedFilter.INCLUDE).build();

      // Every thread inserts the same uids in the same order: a thread that falls behind finds
      // them stored, which is quicker, and catches up.
      ConcurrentRounds.run(
          60,
          round -> uids.add(Stream.generate(UUID::randomUUID).limit(BURST).toList()),
          (i, round) -> {
            List<Activity> results = new ArrayList<>();
            for (UUID uid : uids.get(round)) {
              results.add(
                  repository()
                      .insert(
                          data.activity(ActivityType.USER_LOGIN, actor)
                              .uid(uid)
                              .text("attempt " + round + "." + i)
                              .build()));
            }
            return results;
          },
          (round, outcomes) -> {
            List<List<Activity>> results = valuesOf(outcomes);
            for (int u = 0; u < BURST; u++) {
              UUID uid = uids.get(round).get(u);
              Activity stored =
                  repository()
                      .findByUid(data.workspaceGroupId(), uid)
                      .orElseThrow(
                          () -> new AssertionError("contended uid " + uid + " not stored"));
              List<Activity> returned = new ArrayList<>();
              for (List<Activity> ofThread : results) {
                returned.add(ofThread.get(u));
              }
              assertThat(returned)
                  .as(
                      "what each thread's insert of uid %s returned, stored %s:%s",
                      uid, describe(stored), describe(returned))
                  .allMatch(stored::equals);
            }
            assertThat(repository().count(everything))
                .as(
                    "activities stored for %d uids inserted by %d threads each",
                    (round + 1) * BURST, THREADS)
                .isEqualTo((round + 1L) * BURST);
          });
    }

    /**
     * If this fails, check that the version check and the write are one atomic step (a conditional
     * UPDATE ... WHERE version = ?, or a lock).
     */
    @Test
    @DisplayName(
        "Of threads updating with the same expected version, exactly one wins and the rest conflict")
    void oneWinnerPerVersion() throws Exception {
      Activity target = repository().insert(data.any());
      long[] version = {target.version()};

      // Each thread reads the version and updates expecting it, again and again: the threads
      // keep racing for the same version.
      ConcurrentRounds.run(
          60,
          (i, round) -> {
            Map<Long, Activity> won = new TreeMap<>();
            for (int j = 0; j < BURST; j++) {
              long expected = repository().findById(target.id()).orElseThrow().version();
              try {
                Activity updated =
                    repository()
                        .update(
                            target.id(),
                            WriteGuard.trusted(expected),
                            // Unique: an update that changes nothing wins too.
                            ActivityUpdate.text(text(round, i, j)),
                            "thread-" + i);
                assertThat(won.put(expected, updated))
                    .as("an earlier win of this thread with expected version %d", expected)
                    .isNull();
              } catch (ConflictException lost) {
                // Another thread won this version.
              }
            }
            return won;
          },
          (round, outcomes) -> {
            Map<Long, List<Activity>> winners = new TreeMap<>();
            for (Map<Long, Activity> won : valuesOf(outcomes)) {
              won.forEach((v, a) -> winners.computeIfAbsent(v, k -> new ArrayList<>()).add(a));
            }
            long before = version[0];
            for (Map.Entry<Long, List<Activity>> e : winners.entrySet()) {
              assertThat(e.getValue())
                  .as(
                      "updates that won expecting version %d: %s",
                      e.getKey(), describe(e.getValue()))
                  .hasSize(1);
              assertThat(e.getValue().get(0).version())
                  .as("version after the win expecting %d", e.getKey())
                  .isEqualTo(e.getKey() + 1);
            }
            Activity stored = repository().findById(target.id()).orElseThrow();
            assertThat(winners.keySet())
                .as(
                    "expected versions that won, from version %d to the stored %s",
                    before, describe(stored))
                .containsExactlyElementsOf(
                    LongStream.range(before, stored.version()).boxed().toList());
            version[0] = stored.version();
          });
    }

    /**
     * If this fails, check that an update without an expected version is still atomic: a row read,
     * changed in code and written back must not overwrite (or be dropped for) a write that came in
     * between.
     */
    @Test
    @DisplayName("Concurrent updates without an expected version are all applied: none is lost")
    void noLostUpdates() throws Exception {
      Activity target = repository().insert(data.any());

      ConcurrentRounds.run(
          60,
          (i, round) -> {
            for (int j = 0; j < BURST; j++) {
              repository()
                  .update(
                      target.id(),
                      WriteGuard.TRUSTED,
                      ActivityUpdate.text(text(round, i, j)),
                      "thread-" + i);
            }
            return i;
          },
          (round, outcomes) -> {
            valuesOf(outcomes);
            Activity stored = repository().findById(target.id()).orElseThrow();
            assertThat(stored.version())
                .as(
                    "version after %d rounds of %d threads updating %d times",
                    round + 1, THREADS, BURST)
                .isEqualTo(1L + (long) THREADS * BURST * (round + 1));
            assertThat(stored.text())
                .as("text after round %d", round)
                .startsWith("t")
                .endsWith("-" + round + "-" + (BURST - 1));
          });
    }

    /**
     * If this fails, check that updates, soft deletes and restores of one activity are each atomic
     * on the row: none may write back a row read before another's write.
     */
    @Test
    @DisplayName(
        "Updates racing soft deletes and restores of the same activity are all applied, and so are"
            + " the deletes and restores")
    void updatesRaceDeleteAndRestore() throws Exception {
      Activity target = repository().insert(data.any());
      // Odd, so that each round ends in the other state: deleted after even rounds.
      int toggles = BURST - 1;

      ConcurrentRounds.run(
          60,
          (i, round) -> {
            for (int j = 0; j < (i == 0 ? toggles : BURST); j++) {
              if (i > 0) {
                repository()
                    .update(
                        target.id(),
                        WriteGuard.TRUSTED,
                        ActivityUpdate.text(text(round, i, j)),
                        "thread-" + i);
              } else if ((round + j) % 2 == 0) {
                assertThat(
                        repository()
                            .softDelete(target.id(), WriteGuard.TRUSTED, "deleter")
                            .isDeleted())
                    .as("deleted after a delete")
                    .isTrue();
              } else {
                assertThat(
                        repository()
                            .restore(target.id(), WriteGuard.TRUSTED, "restorer")
                            .isDeleted())
                    .as("deleted after a restore")
                    .isFalse();
              }
            }
            return i;
          },
          (round, outcomes) -> {
            valuesOf(outcomes);
            Activity stored = repository().findById(target.id()).orElseThrow();
            long perRound = toggles + (THREADS - 1L) * BURST;
            assertThat(stored.version())
                .as(
                    "version after %d rounds of %d updates and %d deletes or restores, found %s",
                    round + 1, (THREADS - 1) * BURST, toggles, describe(stored))
                .isEqualTo(1L + perRound * (round + 1));
            assertThat(stored.isDeleted())
                .as(
                    "deleted after round %d, which ended with a %s",
                    round, round % 2 == 0 ? "delete" : "restore")
                .isEqualTo(round % 2 == 0);
            assertThat(stored.text()).as("text after round %d", round).contains("-" + round + "-");
          });
    }

    /**
     * If this fails, check that scan continues after a keyset cursor (the last activity it
     * returned), not at an offset: rows inserted or deleted before the offset shift it, so that the
     * next batch repeats or skips activities.
     */
    @Test
    @DisplayName(
        "A scan with inserts and deletes between its batches returns every activity that existed"
            + " before it and was not deleted, and none twice")
    void scanBetweenWrites() {
      for (Sort sort : EVERY_SORT) {
        long group = data.newWorkspaceGroupId();
        List<Activity> before = seedScan(group, 24);
        Instant t = before.get(0).createdAt();
        Set<Long> deleted = new HashSet<>();
        List<Activity> scanned = new ArrayList<>();

        try (Stream<Activity> scan =
            repository().scan(ActivityQuery.builder().workspaceGroupId(group).build(), sort, 4)) {
          Iterator<Activity> it = scan.iterator();
          while (it.hasNext() && scanned.size() < 3 * before.size()) {
            Activity a = it.next();
            int j = scanned.size();
            scanned.add(a);
            // One write after every activity: delete every other one just returned (behind the
            // scan), and insert one created after, then one created before, all the others.
            if (j % 2 == 0) {
              repository().softDelete(a.id(), WriteGuard.TRUSTED, "remover");
              deleted.add(a.id());
            } else {
              insertAt(group, j % 4 == 1 ? t.plusSeconds(60) : t.minusSeconds(600));
            }
          }
        }

        assertThat(ids(scanned))
            .as("a scan in %s with writes between batches of 4, found%n%s", sort, describe(scanned))
            .doesNotHaveDuplicates()
            .containsAll(survivors(before, deleted));
      }
    }

    /**
     * If this fails, check that scan is a keyset walk that is safe to read while other threads
     * write: no batch may repeat an activity of an earlier one, or skip one that was there all
     * along.
     */
    @Test
    @DisplayName(
        "A scan while other threads insert and delete returns every activity that existed before"
            + " it and was not deleted, and none twice")
    void scanWhileOthersWrite() throws Exception {
      List<Long> groups = new ArrayList<>();
      List<List<Activity>> existing = new ArrayList<>();
      Set<Long> deleted = ConcurrentHashMap.newKeySet();
      AtomicLong lastScanned = new AtomicLong(-1);
      AtomicBoolean scanning = new AtomicBoolean();

      ConcurrentRounds.run(
          60,
          round -> {
            long group = data.newWorkspaceGroupId();
            groups.add(group);
            existing.add(seedScan(group, 24));
            lastScanned.set(-1);
            scanning.set(true);
          },
          (i, round) -> {
            long group = groups.get(round);
            if (i == 0) {
              Sort sort = EVERY_SORT.get(round % EVERY_SORT.size());
              try (Stream<Activity> scan =
                  repository()
                      .scan(ActivityQuery.builder().workspaceGroupId(group).build(), sort, 2)) {
                // The limit only stops a scan that loops.
                return scan.limit(200).peek(a -> lastScanned.set(a.id())).toList();
              } finally {
                scanning.set(false);
              }
            }
            // Each writer deletes the activity the scan returned last, which lies behind it, and
            // inserts one at an end of every sort, until the scan is done.
            Instant t = existing.get(round).get(0).createdAt();
            for (int j = 0; j < 20 && scanning.get(); j++) {
              long last = lastScanned.get();
              if (last >= 0 && deleted.add(last)) {
                repository().softDelete(last, WriteGuard.TRUSTED, "remover");
              }
              insertAt(group, (i + j) % 2 == 0 ? t.plusSeconds(60) : t.minusSeconds(600));
            }
            return List.<Activity>of();
          },
          (round, outcomes) -> {
            List<Activity> scanned = valuesOf(outcomes).get(0);
            assertThat(ids(scanned))
                .as(
                    "scan in %s while %d threads wrote, round %d, found%n%s",
                    EVERY_SORT.get(round % EVERY_SORT.size()),
                    THREADS - 1,
                    round,
                    describe(scanned))
                .doesNotHaveDuplicates()
                .containsAll(survivors(existing.get(round), deleted));
          });
    }

    /**
     * If this fails, check that the second store reads the same storage, with no cache that hides
     * the first store's writes.
     */
    @Test
    @DisplayName("Two stores on one storage see each other's writes")
    void sharedStorageSeesWrites() {
      ActivityRepository second = secondStore().activities();
      Activity written = repository().insert(data.any());

      assertThat(second.findById(written.id())).as("second store's findById").contains(written);
      assertThat(second.findByUid(written.workspaceGroupId(), written.uid()))
          .as("second store's findByUid")
          .contains(written);
      assertThat(ids(second.list(data.query().build(), PageRequest.of(1, 10), DATE_DESC).items()))
          .as("second store's listing")
          .containsExactly(written.id());

      clock.advance(Duration.ofSeconds(1));
      Activity updated =
          second.update(
              written.id(),
              WriteGuard.trusted(1L),
              ActivityUpdate.text("from the second store"),
              "b");
      assertThat(repository().findById(written.id()))
          .as("first store's view of the update")
          .contains(updated);
      assertThatThrownBy(
              () ->
                  repository()
                      .update(
                          written.id(), WriteGuard.trusted(1L), ActivityUpdate.text("stale"), "a"))
          .as("update through the first store with the version the second store replaced")
          .isInstanceOf(ConflictException.class);
    }

    /** If this fails, check that the uid's uniqueness is enforced by the storage, not per store. */
    @Test
    @DisplayName("Two stores inserting one uid at once store exactly one activity")
    void sharedStorageSameUid() throws Exception {
      ActivityRepository second = secondStore().activities();
      UserSimple actor = data.user();
      List<List<UUID>> uids = new ArrayList<>();
      ActivityQuery everything = data.query().deleted(DeletedFilter.INCLUDE).build();

      ConcurrentRounds.run(
          60,
          round -> uids.add(Stream.generate(UUID::randomUUID).limit(BURST).toList()),
          (i, round) -> {
            List<Long> ids = new ArrayList<>();
            for (UUID uid : uids.get(round)) {
              ids.add(
                  (i % 2 == 0 ? repository() : second)
                      .insert(data.activity(ActivityType.USER_LOGIN, actor).uid(uid).build())
                      .id());
            }
            return ids;
          },
          (round, outcomes) -> {
            List<List<Long>> ids = valuesOf(outcomes);
            assertThat(ids)
                .as("ids returned by both stores for the uids of round %d", round)
                .allMatch(ids.get(0)::equals);
            assertThat(repository().count(everything))
                .as("activities stored for %d uids through two stores", (round + 1) * BURST)
                .isEqualTo((round + 1L) * BURST);
          });
    }

    /** Stores activities for a scan: created in pairs at the same instant, newest first. */
    private List<Activity> seedScan(long group, int size) {
      Instant t = clock.instant();
      List<NewActivity> drafts = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        drafts.add(
            data.activity(ActivityType.GAME_JOINED, data.user())
                .workspaceGroupId(group)
                .createdAt(t.minusSeconds(i / 2))
                .build());
      }
      return repository().insertAll(drafts);
    }

    private static List<Long> survivors(List<Activity> before, Set<Long> deleted) {
      return before.stream().map(Activity::id).filter(id -> !deleted.contains(id)).toList();
    }

    private static String text(int round, int thread, int call) {
      return "t" + thread + "-" + round + "-" + call;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static NewActivity draftOf(List<NewActivity> drafts, Activity stored) {
    return drafts.stream()
        .filter(d -> stored.uid().equals(d.uid()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("listed an activity never inserted: " + describe(stored)));
  }

  /** An id no store hands out in a test run. */
  private static long absentId() {
    return Long.MAX_VALUE - ThreadLocalRandom.current().nextLong(1_000_000);
  }

  /** A draft and what it shows, for failure messages. */
  private record Case(String name, NewActivity draft) {}

  /**
   * Writes every draft three ways (insert; insertAll under fresh uids; an update of a plain
   * activity to the draft's content) and checks that each write returns, and every read gives back,
   * exactly the activity the model describes ({@link StoredActivities#created}, {@link
   * StoredActivities#updated}), reporting the fields that differ.
   */
  private void assertStoredExactly(List<Case> cases) {
    List<Activity> expected = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Case c : cases) {
      Activity stored = repository().insert(c.draft());
      expected.add(
          assertWrote(
              c.name() + ", by insert", stored, StoredActivities.created(stored.id(), c.draft())));
      names.add(c.name() + ", by insert");
    }
    List<NewActivity> renamed =
        cases.stream().map(c -> c.draft().withUid(UUID.randomUUID())).toList();
    List<Activity> batch = repository().insertAll(renamed);
    assertThat(batch)
        .as("insertAll result of %d activities", renamed.size())
        .hasSize(renamed.size());
    for (int i = 0; i < batch.size(); i++) {
      String name = cases.get(i).name() + ", by insertAll";
      expected.add(
          assertWrote(
              name, batch.get(i), StoredActivities.created(batch.get(i).id(), renamed.get(i))));
      names.add(name);
    }
    clock.advance(Duration.ofSeconds(1));
    for (Case c : cases) {
      ActivityContent content = c.draft().content();
      Activity plain =
          repository()
              .insert(
                  new NewActivity(
                      UUID.randomUUID(),
                      ActivityContent.builder(
                              ActivityType.RESOURCE_VIEWED,
                              content.actor(),
                              content.workspaceGroupId())
                          .derivedWorkspaceGroupId(content.derivedWorkspaceGroupId())
                          .build(),
                      c.draft().createdAt(),
                      c.draft().createdBy()));
      ActivityUpdate update =
          new ActivityUpdate(
              content.type(),
              content.actor(),
              content.text(),
              content.resource(),
              content.campaign(),
              content.extensions());
      Activity updated =
          repository().update(plain.id(), WriteGuard.trusted(plain.version()), update, "editor");
      Activity want =
          StoredActivities.changes(update, plain.content())
              ? StoredActivities.updated(plain, update, clock.instant(), "editor")
              : plain;
      String name = c.name() + ", by update";
      expected.add(assertWrote(name, updated, want));
      names.add(name);
    }
    assertReadsBack(expected, names);
  }

  /** Checks what a write returned against what the model says it stored; returns the latter. */
  private static Activity assertWrote(String name, Activity returned, Activity expected) {
    assertThat(Differences.of(expected, returned))
        .as("%s: fields of the returned activity that differ from what was written", name)
        .isEmpty();
    return expected;
  }

  /**
   * Reads every activity back through findById, findByUid, list, listAfter and scan, and reports
   * the fields that differ from what was written.
   *
   * @param expected the activities as stored
   * @param names what each one shows, in the same order
   */
  private void assertReadsBack(List<Activity> expected, List<String> names) {
    for (int i = 0; i < expected.size(); i++) {
      Activity e = expected.get(i);
      assertRead(
          names.get(i) + ", read by findById", e, repository().findById(e.id()).orElse(null));
      assertRead(
          names.get(i) + ", read by findByUid",
          e,
          repository().findByUid(e.workspaceGroupId(), e.uid()).orElse(null));
    }
    List<Activity> byId = expected.stream().sorted(QueryMatching.comparator(ID_ASC)).toList();
    for (int from = 0; from < byId.size(); from += ActivityLog.DEFAULT_MAX_PAGE_SIZE) {
      List<Activity> chunk =
          byId.subList(from, Math.min(byId.size(), from + ActivityLog.DEFAULT_MAX_PAGE_SIZE));
      ActivityQuery q =
          ActivityQuery.builder().ids(ids(chunk)).deleted(DeletedFilter.INCLUDE).build();
      assertListRead(
          "list",
          chunk,
          repository()
              .list(q, PageRequest.of(1, ActivityLog.DEFAULT_MAX_PAGE_SIZE), ID_ASC)
              .items(),
          expected,
          names);
      assertListRead(
          "listAfter",
          chunk,
          repository().listAfter(q, ID_ASC, null, ActivityLog.DEFAULT_MAX_PAGE_SIZE),
          expected,
          names);
      assertListRead("scan", chunk, scan(q, ID_ASC, 7), expected, names);
    }
  }

  private static void assertListRead(
      String read,
      List<Activity> wanted,
      List<Activity> found,
      List<Activity> expected,
      List<String> names) {
    assertThat(ids(found))
        .as("ids read back by %s, found%s", read, describe(found))
        .isEqualTo(ids(wanted));
    for (int i = 0; i < found.size(); i++) {
      Activity e = wanted.get(i);
      assertRead(names.get(expected.indexOf(e)) + ", read by " + read, e, found.get(i));
    }
  }

  private static void assertRead(String name, Activity expected, @Nullable Activity read) {
    assertThat(read).as("%s: the activity %s", name, describe(expected)).isNotNull();
    assertThat(Differences.of(expected, read))
        .as("%s: fields that differ from what was written", name)
        .isEmpty();
  }

  /**
   * Asserts that list, count and listAfter all find exactly these activities.
   *
   * @param query the filters
   * @param expected the activities the query must match
   */
  private void assertFound(ActivityQuery query, Collection<Activity> expected) {
    assertListed(query, expected);
    assertThat(repository().count(query))
        .as("count(%s), expecting %s", query, ids(expected))
        .isEqualTo(expected.size());
    List<Activity> after =
        repository().listAfter(query, DATE_DESC, null, ActivityLog.DEFAULT_MAX_PAGE_SIZE);
    assertThat(ids(after))
        .as("listAfter(%s) should give %s but gave%s", query, ids(expected), describe(after))
        .containsExactlyInAnyOrderElementsOf(ids(expected));
  }

  /**
   * {@return a member whose UUID holds a user's id as its number, {@code 00000000-0000-0000-}
   * followed by the id in hex: a different actor that a backend keeping only the number would
   * confuse with the user}
   *
   * @param user the user
   */
  private static Member twinOf(UserSimple user) {
    return Member.of(new UUID(0, user.id()), "Twin of user " + user.id());
  }

  /** A shortened text for test names. */
  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /**
   * A random hour between 2001 and 2010, with everything older than it already purged so the counts
   * the tests assert are their own.
   */
  private Instant clearedPurgeWindow() {
    long hour = ThreadLocalRandom.current().nextLong(PURGE_ERA_HOURS);
    Instant start = PURGE_ERA.plus(Duration.ofHours(hour));
    repository().purgeCreatedBefore(start);
    return start;
  }
}
