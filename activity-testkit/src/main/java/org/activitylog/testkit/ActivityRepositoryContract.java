package org.activitylog.testkit;

import static org.activitylog.testkit.ConcurrentRounds.valuesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityQuery.DeletedFilter;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.BrightideaDetails;
import org.activitylog.api.Campaign;
import org.activitylog.api.ConflictException;
import org.activitylog.api.Cursor;
import org.activitylog.api.JsonValue;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ErasureMode;
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
 * are never touched. A backend's own tests must not create activities before 2011 on the same
 * database, and the tests of this class must not run in parallel on one database (JUnit's default
 * is one at a time).
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
     * as {@link Activity#created(long, NewActivity)} describes it.
     */
    @Test
    @DisplayName(
        "An inserted activity gets a unique id, version 1, active, not deleted, updated_at equal to"
            + " created_at")
    void insertedActivityHasFreshState() {
      List<Activity> stored = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        stored.add(repository().insert(data.any()));
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
      List<NewActivity> drafts = new ArrayList<>(SeedActivities.all(data.workspace()));
      drafts.add(
          data.activity(ActivityType.RESOURCE_COMMENTED, data.user())
              .createdAt(clock.instant().plusNanos(123_456_789))
              .workspaceGroup(data.newWorkspace())
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
        Activity expected = Activity.created(stored.id(), draft);

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
              listed.stream().map(a -> Activity.created(a.id(), draftOf(drafts, a))).toList());
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
     * If this fails, check that the insert's key is the workspace group and the uid together (a
     * unique index on both, and an insert-if-absent that matches both), not the uid alone.
     */
    @Test
    @DisplayName(
        "The same uid in another workspace group is another activity: each insert stores and"
            + " returns its own")
    void uidIsUniquePerWorkspaceGroup() {
      long otherGroup = data.newWorkspace();
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
          .isEqualTo(Activity.created(second.id(), there));
      assertThat(batch).as("a batch repeating both keys").containsExactly(first, second);
      assertThat(repository().findByUid(otherGroup, uidOf(here)))
          .as("the uid in the other group")
          .contains(second);
      assertThat(repository().findByUid(data.workspace(), uidOf(here)))
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
      long otherGroup = data.newWorkspace();
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
          .containsExactly(data.workspace(), otherGroup, data.workspace());
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
            .isEqualTo(Activity.created(result.get(i).id(), drafts.get(i)));
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
      assertThat(repository().findByUid(data.workspace(), unknownUid))
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
      long otherGroup = data.newWorkspace();

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
      Activity deleted = repository().softDelete(stored.id(), "remover");

      assertThat(repository().findById(stored.id()))
          .as("findById(%d)", stored.id())
          .contains(deleted);
      assertThat(repository().findByUid(stored.workspaceGroupId(), stored.uid()))
          .as("findByUid(%s)", stored.uid())
          .contains(deleted);
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
              .workspaceGroup(data.newWorkspace())
              .campaign(new Campaign(UUID.randomUUID(), "Campaign"))
              .build();
      Activity original = repository().insert(draft);
      Instant updateTime = clock.advance(Duration.ofMinutes(90).plusNanos(250_000));
      UserSimple newActor = data.user();

      Activity updated =
          repository()
              .update(
                  original.id(),
                  ActivityUpdate.text("edited text").withActor(newActor),
                  null,
                  "editor");

      ActivityContent c = original.content();
      Activity expected =
          new Activity(
              original.id(),
              original.uid(),
              new ActivityContent(
                  c.type(),
                  newActor,
                  "edited text",
                  c.resource(),
                  c.workspaceGroupId(),
                  c.workspaceGroup(),
                  c.campaign(),
                  c.details()),
              original.createdAt(),
              original.createdBy(),
              updateTime,
              "editor",
              null,
              null,
              true,
              2);
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
          new BrightideaDetails(
              "idea-1", "Title", "Category", true, false, null, List.of(), List.of(), null);
      Member actor = data.member();
      ActivityUpdate update =
          new ActivityUpdate(
              ActivityType.POST_IDEA,
              actor,
              "new text",
              JsonValue.of(Map.of("replaced", true)),
              campaign,
              details);

      Activity updated = repository().update(original.id(), update, null, "editor");

      ActivityContent expected =
          new ActivityContent(
              ActivityType.POST_IDEA,
              actor,
              "new text",
              JsonValue.of(Map.of("replaced", true)),
              original.workspaceGroupId(),
              original.content().workspaceGroup(),
              campaign,
              details);
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

      Activity v2 = repository().update(original.id(), ActivityUpdate.text("two"), 1L, "a");
      Activity v3 = repository().update(original.id(), ActivityUpdate.text("three"), 2L, "b");

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
      Activity current = repository().update(original.id(), ActivityUpdate.text("v2"), null, "a");
      clock.advance(Duration.ofSeconds(3));

      for (long stale : List.of(1L, 3L, 42L)) {
        assertThatThrownBy(
                () ->
                    repository().update(original.id(), ActivityUpdate.text("lost"), stale, "late"))
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

      assertThatThrownBy(() -> repository().update(unknown, ActivityUpdate.text("x"), null, "a"))
          .as("update(%d)", unknown)
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> repository().update(unknown, ActivityUpdate.text("x"), 1L, "a"))
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
      Activity edited = repository().update(original.id(), ActivityUpdate.text("v2"), null, "a");
      clock.advance(Duration.ofHours(2));
      ActivityContent c = edited.content();
      ActivityUpdate sameValues =
          new ActivityUpdate(
              c.type(), c.actor(), c.text(), c.resource(), c.campaign(), c.details());

      Activity none = repository().update(original.id(), ActivityUpdate.NONE, null, "auditor");
      Activity same = repository().update(original.id(), sameValues, edited.version(), "auditor");

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
      Activity current = repository().update(original.id(), ActivityUpdate.text("v2"), null, "a");

      assertThatThrownBy(() -> repository().update(original.id(), ActivityUpdate.NONE, 1L, "late"))
          .as("a no-op update expecting version 1 when the stored version is 2")
          .isInstanceOf(ConflictException.class);
      assertThat(repository().findById(original.id())).as("stored activity").contains(current);
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

      Activity deleted = repository().softDelete(original.id(), "remover");

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
      gone = repository().softDelete(gone.id(), "remover");

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
      repository().softDelete(original.id(), "remover");
      clock.advance(Duration.ofSeconds(5));

      Activity restored = repository().restore(original.id(), "restorer");

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
      Activity deleted = repository().softDelete(original.id(), "first");
      clock.advance(Duration.ofSeconds(5));

      Activity again = repository().softDelete(original.id(), "second");

      assertThat(again).as("second soft delete").isEqualTo(deleted);
      assertThat(repository().findById(original.id())).as("stored activity").contains(deleted);
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

      Activity restored = repository().restore(original.id(), "restorer");

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

      assertThatThrownBy(() -> repository().softDelete(unknown, "x"))
          .as("softDelete(%d)", unknown)
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> repository().restore(unknown, "x"))
          .as("restore(%d)", unknown)
          .isInstanceOf(NotFoundException.class);
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
      Activity early = insertAt(data.workspace(), window.plusSeconds(1));
      Activity earlier = insertAt(data.workspace(), window);
      Activity justBefore = insertAt(data.workspace(), cutoff.minus(1, ChronoUnit.MICROS));
      Activity atCutoff = insertAt(data.workspace(), cutoff);
      Activity after = insertAt(data.workspace(), cutoff.plusSeconds(60));

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
      Activity live = insertAt(data.workspace(), window.plusSeconds(10));
      Activity deleted = insertAt(data.workspace(), window.plusSeconds(20));
      repository().softDelete(deleted.id(), "remover");

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
      Activity atStart = insertAt(data.workspace(), window);

      assertThat(repository().purgeCreatedBefore(window)).as("purge count").isZero();
      assertThat(repository().findById(atStart.id()))
          .as("activity at the cutoff")
          .contains(atStart);
    }

    /**
     * A random hour between 2001 and 2010, with everything older than it already purged so the
     * counts the tests assert are their own.
     */
    private Instant clearedPurgeWindow() {
      long hour = ThreadLocalRandom.current().nextLong(PURGE_ERA_HOURS);
      Instant start = PURGE_ERA.plus(Duration.ofHours(hour));
      repository().purgeCreatedBefore(start);
      return start;
    }
  }

  @Nested
  @DisplayName("Erasing an actor")
  class Erasing {

    /**
     * If this fails, check that ANONYMISE replaces the actor with {@code actor.anonymised()} in
     * every activity of that actor, soft-deleted ones included, and leaves everything else alone.
     */
    @Test
    @DisplayName(
        "Anonymising an actor replaces it in all its activities, deleted ones too, and leaves other"
            + " actors untouched")
    void anonymiseReplacesActor() {
      UserSimple erased = data.user();
      UserSimple other = data.user();
      Activity a1 = repository().insert(data.login(erased));
      Activity a2 =
          repository()
              .insert(
                  data.activity(ActivityType.RESOURCE_VIEWED, erased)
                      .workspaceGroupId(data.newWorkspace())
                      .build());
      Activity a3 = repository().insert(data.login(erased));
      a3 = repository().softDelete(a3.id(), "remover");
      Activity o1 = repository().insert(data.login(other));
      Activity o2 = repository().insert(data.activity(ActivityType.GAME_WON, other).build());

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
                new ActivityContent(
                    c.type(),
                    erased.anonymised(),
                    c.text(),
                    c.resource(),
                    c.workspaceGroupId(),
                    c.workspaceGroup(),
                    c.campaign(),
                    c.details()));
        assertThat(after.deletedAt())
            .as("deleted_at of %s", describe(after))
            .isEqualTo(before.deletedAt());
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
      repository().softDelete(a3.id(), "remover");
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
    long home = data.workspace();
    long other = data.newWorkspace();
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
    deletedLogin = repository().softDelete(deletedLogin.id(), "remover");
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
          ActivityQuery.builder().workspaceGroup(m.home()).build(), List.of(m.login(), m.idea()));
      assertListed(
          ActivityQuery.builder().workspaceGroup(m.other()).build(),
          List.of(m.comment(), m.logout(), m.secondIdea()));
      assertListed(ActivityQuery.builder().workspaceGroup(data.newWorkspace()).build(), List.of());
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
      long ws = data.newWorkspace();
      Instant t = clock.instant().plus(Duration.ofDays(3)).plusNanos(123_456_000);
      Instant micro = t.minus(1, ChronoUnit.MICROS);
      Activity before = insertAt(ws, micro);
      Activity at = insertAt(ws, t);
      Activity after = insertAt(ws, t.plus(1, ChronoUnit.MICROS));

      assertListed(
          ActivityQuery.builder().workspaceGroup(ws).createdBetween(t, null).build(),
          List.of(at, after));
      assertListed(
          ActivityQuery.builder().workspaceGroup(ws).createdBetween(null, t).build(),
          List.of(before));
      assertListed(
          ActivityQuery.builder()
              .workspaceGroup(ws)
              .createdBetween(t, t.plus(1, ChronoUnit.MICROS))
              .build(),
          List.of(at));
      assertListed(
          ActivityQuery.builder()
              .workspaceGroup(ws)
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
      long ws = data.newWorkspace();
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
          ActivityQuery.builder().workspaceGroup(ws).createdOn(day, kolkata).build(),
          List.of(first, noon, last));
      assertListed(
          ActivityQuery.builder().workspaceGroup(ws).createdOn(day, ZoneOffset.UTC).build(),
          List.of(noon, last, dayAfter));
      assertListed(
          ActivityQuery.builder().workspaceGroup(ws).createdOn(day.minusDays(1), kolkata).build(),
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
              .workspaceGroup(m.home())
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
              .workspaceGroup(m.other())
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
      assertCount("workspace", ActivityQuery.builder().workspaceGroup(m.other()).build(), 3);
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
                  .count(ActivityQuery.builder().workspaceGroup(data.newWorkspace()).build()))
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
        stored.add(insertAt(data.workspace(), t.plusSeconds(offset)));
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

    private void assertOrder(Sort sort) {
      List<Activity> expected = stored.stream().sorted(sort.comparator()).toList();
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
      ActivityQuery nothing = ActivityQuery.builder().workspaceGroup(data.newWorkspace()).build();

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
      long ws = data.newWorkspace();
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
          repository().insertAll(drafts).stream().sorted(ID_ASC.comparator()).toList();
      ActivityQuery q = ActivityQuery.builder().workspaceGroup(ws).build();

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
      return stored.stream().sorted(sort.comparator()).toList();
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
      Activity deleted = insertAt(data.workspace(), t.plusSeconds(1));
      repository().softDelete(deleted.id(), "remover");
      long elsewhere = data.newWorkspace();
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
      ActivityQuery nothing = ActivityQuery.builder().workspaceGroup(data.newWorkspace()).build();

      assertThat(repository().listAfter(nothing, DATE_DESC, null, 10)).as("listAfter").isEmpty();
      assertThat(scan(nothing, DATE_DESC, 3)).as("scan").isEmpty();
      Cursor beyond = Cursor.after(expected(DATE_DESC).get(11));
      assertThat(repository().listAfter(query(), DATE_DESC, beyond, 10))
          .as("listAfter the last activity")
          .isEmpty();
    }

    private ActivityQuery query() {
      return ActivityQuery.builder().workspaceGroup(data.workspace()).build();
    }

    private List<Activity> expected(Sort sort) {
      return stored.stream().sorted(sort.comparator()).toList();
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
          round -> groups.add(data.newWorkspace()),
          (i, round) -> {
            ActivityQuery ofRound =
                ActivityQuery.builder().workspaceGroup(groups.get(round)).build();
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
                      ActivityUpdate.text(text(round, i, j)),
                      null,
                      "thread-" + i);
              Page<Activity> page =
                  repository().list(ofRound, PageRequest.of(1, PageRequest.MAX_SIZE), DATE_DESC);
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
                        .count(ActivityQuery.builder().workspaceGroup(groups.get(round)).build()))
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
                      .findByUid(data.workspace(), uid)
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
                            // Unique: an update that changes nothing wins too.
                            ActivityUpdate.text(text(round, i, j)),
                            expected,
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
                  .update(target.id(), ActivityUpdate.text(text(round, i, j)), null, "thread-" + i);
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
                        target.id(), ActivityUpdate.text(text(round, i, j)), null, "thread-" + i);
              } else if ((round + j) % 2 == 0) {
                assertThat(repository().softDelete(target.id(), "deleter").isDeleted())
                    .as("deleted after a delete")
                    .isTrue();
              } else {
                assertThat(repository().restore(target.id(), "restorer").isDeleted())
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
        long group = data.newWorkspace();
        List<Activity> before = seedScan(group, 24);
        Instant t = before.get(0).createdAt();
        Set<Long> deleted = new HashSet<>();
        List<Activity> scanned = new ArrayList<>();

        try (Stream<Activity> scan =
            repository().scan(ActivityQuery.builder().workspaceGroup(group).build(), sort, 4)) {
          Iterator<Activity> it = scan.iterator();
          while (it.hasNext() && scanned.size() < 3 * before.size()) {
            Activity a = it.next();
            int j = scanned.size();
            scanned.add(a);
            // One write after every activity: delete every other one just returned (behind the
            // scan), and insert one created after, then one created before, all the others.
            if (j % 2 == 0) {
              repository().softDelete(a.id(), "remover");
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
            long group = data.newWorkspace();
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
                      .scan(ActivityQuery.builder().workspaceGroup(group).build(), sort, 2)) {
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
                repository().softDelete(last, "remover");
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
          second.update(written.id(), ActivityUpdate.text("from the second store"), 1L, "b");
      assertThat(repository().findById(written.id()))
          .as("first store's view of the update")
          .contains(updated);
      assertThatThrownBy(
              () -> repository().update(written.id(), ActivityUpdate.text("stale"), 1L, "a"))
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
}
