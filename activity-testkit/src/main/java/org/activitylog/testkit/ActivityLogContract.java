package org.activitylog.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ConflictException;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.ErasureResult;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.StoredActivities;
import org.activitylog.spi.WriteGuard;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of the {@link ActivityLog} facade that hold only if the backend does its part: tenant
 * scoping and public sites (the backend applies the scoped query exactly),
 * not-found-equals-no-access (it answers an unknown id with nothing), recording, updating and soft
 * delete (it keeps what it is given, reports deletion and versions truthfully), erasure and
 * retention. Rules the facade decides before asking the store, such as authentication, are tested
 * with the facade, not here. Subclass it and implement {@link #createStore(MutableClock)}:
 *
 * <pre>{@code
 * class MyActivityLogContractTest extends ActivityLogContract {
 *   protected ActivityStore createStore(MutableClock clock) {
 *     return MyStore.create(clock);
 *   }
 * }
 * }</pre>
 *
 * <p>The log is built over {@link #store} with the testkit {@link #clock} and a uid generator whose
 * output the tests can predict ({@link #generatedUid(long)}). Every requester reads and writes only
 * workspace groups made by {@link #data}, so tests stay isolated on a shared database.
 */
public abstract class ActivityLogContract extends StoreContractSupport {
  private static final long MISSING_ID = Long.MAX_VALUE;

  /** The log under test: a private site over {@link #store}. */
  protected ActivityLog log;

  private long uidPrefix;
  private final AtomicLong uidsIssued = new AtomicLong();

  /** Creates the contract; subclasses only add the store factory. */
  protected ActivityLogContract() {}

  @BeforeEach
  final void buildLog() {
    uidPrefix = ThreadLocalRandom.current().nextLong();
    uidsIssued.set(0);
    log = logBuilder().build();
  }

  /**
   * {@return the uid the log's generator hands out for the n-th activity recorded without one in
   * this test}
   *
   * @param n 1 for the first generated uid
   */
  protected final UUID generatedUid(long n) {
    return new UUID(uidPrefix, n);
  }

  private ActivityLog.Builder logBuilder() {
    Supplier<UUID> uids = () -> generatedUid(uidsIssued.incrementAndGet());
    return ActivityLog.builder(store).clock(clock).uidGenerator(uids);
  }

  private ActivityLog publicLog(long publicGroup) {
    return logBuilder().publicAccess(Set.of(publicGroup)).build();
  }

  private ActivityRepository activities() {
    return store.activities();
  }

  /** A new user who may read and write these groups. */
  private Requester member(Long... groups) {
    UserSimple user = data.user();
    return Requester.user(user.ref(), user.username(), Set.of(groups), Set.of(groups));
  }

  /** A new user who may only read these groups. */
  private Requester reader(Long... groups) {
    UserSimple user = data.user();
    return Requester.user(user.ref(), user.username(), Set.of(groups), Set.of());
  }

  /** The user behind a requester. */
  private Requester requesterFor(UserSimple user, Long... groups) {
    return Requester.user(user.ref(), user.username(), Set.of(groups), Set.of(groups));
  }

  /** Stores an activity in a group directly through the repository, bypassing the facade. */
  private Activity storedIn(long group) {
    return activities()
        .insert(
            data.activity(ActivityType.USER_LOGIN, data.user()).workspaceGroupId(group).build());
  }

  private static List<Long> groupsOf(List<Activity> activities) {
    return activities.stream().map(Activity::workspaceGroupId).toList();
  }

  private static List<Activity> scanned(Stream<Activity> stream) {
    try (stream) {
      return stream.toList();
    }
  }

  /** The not-found error of an operation, failing with what happened instead. */
  private static NotFoundException notFound(ThrowingCallable call) {
    NotFoundException e = catchThrowableOfType(NotFoundException.class, call);
    assertThat(e).as("the NotFoundException expected from the call").isNotNull();
    return e;
  }

  @Nested
  @DisplayName("On a private site")
  class PrivateSite {

    /** If this fails, check that an authenticated requester's reads reach the store. */
    @Test
    @DisplayName("An authenticated requester reads its workspace groups")
    void authenticatedReads() {
      Activity stored = storedIn(data.workspaceGroupId());
      Requester alice = reader(data.workspaceGroupId());

      assertThat(log.get(alice, stored.id())).isEqualTo(stored);
      assertThat(log.getByUid(alice, stored.uid())).isEqualTo(stored);
      assertThat(log.list(alice, ActivityQuery.ALL, PageRequest.DEFAULT, Sort.DEFAULT).items())
          .containsExactly(stored);
    }
  }

  @Nested
  @DisplayName("On a public site")
  class PublicSite {

    /**
     * If this fails, check that an anonymous requester's queries are narrowed to the public groups
     * and that the backend applies the workspace filter it is given.
     */
    @Test
    @DisplayName("An anonymous requester reads the public workspace groups and nothing else")
    void anonymousReadsOnlyPublicGroups() {
      long publicGroup = data.workspaceGroupId();
      long privateGroup = data.newWorkspaceGroupId();
      ActivityLog site = publicLog(publicGroup);
      Activity visible = storedIn(publicGroup);
      storedIn(privateGroup);
      Requester anonymous = Requester.anonymous();
      ActivityQuery both = data.query().build();

      Page<Activity> page = site.list(anonymous, both, PageRequest.DEFAULT, Sort.DEFAULT);

      assertThat(groupsOf(page.items()))
          .as("groups listed for anonymous")
          .containsExactly(publicGroup);
      assertThat(page.total()).as("total listed for anonymous").isEqualTo(1);
      assertThat(site.count(anonymous, both)).as("count for anonymous").isEqualTo(1);
      assertThat(site.listAfter(anonymous, both, Sort.DEFAULT, null, 10))
          .as("listAfter for anonymous")
          .containsExactly(visible);
      assertThat(scanned(site.scan(anonymous, both, Sort.DEFAULT)))
          .as("scan for anonymous")
          .containsExactly(visible);
      assertThat(site.get(anonymous, visible.id())).isEqualTo(visible);
    }

    /** If this fails, check that {@code get} applies the public groups to anonymous requesters. */
    @Test
    @DisplayName(
        "An anonymous requester gets the not-found error for an activity outside the public groups")
    void anonymousGetOfPrivateActivityIsNotFound() {
      long publicGroup = data.workspaceGroupId();
      ActivityLog site = publicLog(publicGroup);
      Activity hidden = storedIn(data.newWorkspaceGroupId());

      NotFoundException foreign = notFound(() -> site.get(Requester.anonymous(), hidden.id()));
      NotFoundException missing = notFound(() -> site.get(Requester.anonymous(), MISSING_ID));

      assertThat(foreign.getMessage()).isEqualTo(missing.getMessage());
      assertThat(notFound(() -> site.getByUid(Requester.anonymous(), hidden.uid())).getMessage())
          .isEqualTo(missing.getMessage());
    }
  }

  @Nested
  @DisplayName("Tenant scoping")
  class TenantScoping {

    /**
     * If this fails, check that the backend applies the workspace filter of the scoped query: the
     * facade narrows it to the requester's groups.
     */
    @Test
    @DisplayName("A requester lists only its own groups, even when its query names another group")
    void listShowsOnlyOwnGroups() {
      long mine = data.workspaceGroupId();
      long theirs = data.newWorkspaceGroupId();
      Activity own = storedIn(mine);
      storedIn(theirs);
      Requester alice = member(mine);

      Page<Activity> page =
          log.list(alice, data.query().build(), PageRequest.DEFAULT, Sort.DEFAULT);

      assertThat(groupsOf(page.items()))
          .as("groups of the activities listed")
          .containsExactly(mine);
      assertThat(page.items()).containsExactly(own);
      assertThat(page.total()).as("total").isEqualTo(1);
    }

    /** If this fails, check that a query without a workspace filter is still narrowed. */
    @Test
    @DisplayName("A query without a workspace filter is limited to the requester's groups")
    void unfilteredQueryIsScoped() {
      long mine = data.workspaceGroupId();
      storedIn(mine);
      storedIn(data.newWorkspaceGroupId());
      Requester alice = member(mine);

      Page<Activity> page = log.list(alice, ActivityQuery.ALL, PageRequest.DEFAULT, Sort.DEFAULT);

      assertThat(groupsOf(page.items()))
          .as("groups of the activities listed")
          .containsExactly(mine);
      assertThat(log.count(alice, ActivityQuery.ALL)).as("count").isEqualTo(1);
    }

    /** If this fails, check that {@code count} receives and applies the scoped query. */
    @Test
    @DisplayName("A requester counts only its own groups")
    void countIsScoped() {
      long mine = data.workspaceGroupId();
      long theirs = data.newWorkspaceGroupId();
      storedIn(mine);
      storedIn(mine);
      storedIn(theirs);

      assertThat(log.count(member(mine), data.query().build())).isEqualTo(2);
    }

    /** If this fails, check that {@code listAfter} receives and applies the scoped query. */
    @Test
    @DisplayName("A requester's keyset pages hold only its own groups")
    void listAfterIsScoped() {
      long mine = data.workspaceGroupId();
      long theirs = data.newWorkspaceGroupId();
      Activity first = storedIn(mine);
      storedIn(theirs);
      Activity second = storedIn(mine);
      Requester alice = member(mine);

      List<Activity> found =
          log.listAfter(
              alice, data.query().build(), new Sort(Sort.Field.ID, Sort.Direction.ASC), null, 10);

      assertThat(groupsOf(found)).as("groups in the keyset page").containsOnly(mine);
      assertThat(found).containsExactly(first, second);
    }

    /** If this fails, check that {@code scan} receives and applies the scoped query. */
    @Test
    @DisplayName("A requester's scan streams only its own groups")
    void scanIsScoped() {
      long mine = data.workspaceGroupId();
      long theirs = data.newWorkspaceGroupId();
      storedIn(mine);
      storedIn(theirs);
      storedIn(mine);

      List<Activity> found = scanned(log.scan(member(mine), data.query().build(), Sort.DEFAULT));

      assertThat(groupsOf(found)).as("groups in the scan").containsExactly(mine, mine);
    }

    /** If this fails, check that a requester with several groups is scoped to all of them. */
    @Test
    @DisplayName("A requester reading several groups sees each of them and no other")
    void severalGroups() {
      long first = data.workspaceGroupId();
      long second = data.newWorkspaceGroupId();
      long third = data.newWorkspaceGroupId();
      storedIn(first);
      storedIn(second);
      storedIn(third);
      Requester alice = reader(first, second);

      Page<Activity> page =
          log.list(alice, data.query().build(), PageRequest.DEFAULT, Sort.DEFAULT);

      assertThat(groupsOf(page.items()))
          .as("groups listed")
          .containsExactlyInAnyOrder(first, second);
    }

    /** If this fails, check that the host's own requester is not narrowed at all. */
    @Test
    @DisplayName("The host itself reads every group")
    void systemReadsEverything() {
      storedIn(data.workspaceGroupId());
      storedIn(data.newWorkspaceGroupId());

      assertThat(log.count(Requester.system("host"), data.query().build())).isEqualTo(2);
    }
  }

  @Nested
  @DisplayName("Another tenant's activity looks exactly like a missing one")
  class NotFoundEqualsNoAccess {

    /**
     * If this fails, check that {@code get} answers the same NotFoundException for both cases, and
     * that the backend's findById answers an unknown id with an empty result, not an error.
     */
    @Test
    @DisplayName("Getting another tenant's activity by id fails with the message of a missing id")
    void getById() {
      Activity foreign = storedIn(data.newWorkspaceGroupId());
      Requester alice = member(data.workspaceGroupId());

      NotFoundException denied = notFound(() -> log.get(alice, foreign.id()));
      NotFoundException missing = notFound(() -> log.get(alice, MISSING_ID));

      assertThat(denied.getMessage())
          .as("message for another tenant's id")
          .isEqualTo(missing.getMessage());
      assertThat(denied).isExactlyInstanceOf(missing.getClass());
    }

    /** If this fails, check that {@code getByUid} answers the same NotFoundException for both. */
    @Test
    @DisplayName("Getting another tenant's activity by uid fails with the message of a missing uid")
    void getByUid() {
      Activity foreign = storedIn(data.newWorkspaceGroupId());
      Requester alice = member(data.workspaceGroupId());

      NotFoundException denied = notFound(() -> log.getByUid(alice, foreign.uid()));
      NotFoundException missing = notFound(() -> log.getByUid(alice, UUID.randomUUID()));

      assertThat(denied.getMessage())
          .as("message for another tenant's uid")
          .isEqualTo(missing.getMessage());
    }

    /**
     * If this fails, check that {@code update} looks the activity up with the requester's scope,
     * and that the backend's findById answers an unknown id with an empty result, not an error.
     */
    @Test
    @DisplayName(
        "Updating another tenant's activity fails with the message of a missing id and changes nothing")
    void update() {
      Activity foreign = storedIn(data.newWorkspaceGroupId());
      Requester alice = member(data.workspaceGroupId());

      NotFoundException denied =
          notFound(() -> log.update(alice, foreign.id(), ActivityUpdate.text("mine now"), null));
      NotFoundException missing =
          notFound(() -> log.update(alice, MISSING_ID, ActivityUpdate.text("mine now"), null));

      assertThat(denied.getMessage()).isEqualTo(missing.getMessage());
      assertThat(activities().findById(foreign.id())).as("the foreign activity").contains(foreign);
    }

    /**
     * If this fails, check that {@code delete} looks the activity up with the requester's scope,
     * and that the backend's findById answers an unknown id with an empty result, not an error.
     */
    @Test
    @DisplayName(
        "Deleting another tenant's activity fails with the message of a missing id and changes nothing")
    void delete() {
      Activity foreign = storedIn(data.newWorkspaceGroupId());
      Requester alice = member(data.workspaceGroupId());

      NotFoundException denied = notFound(() -> log.delete(alice, foreign.id()));
      NotFoundException missing = notFound(() -> log.delete(alice, MISSING_ID));

      assertThat(denied.getMessage()).isEqualTo(missing.getMessage());
      assertThat(activities().findById(foreign.id())).as("the foreign activity").contains(foreign);
    }

    /**
     * If this fails, check that {@code restore} looks the activity up with the requester's scope,
     * and that the backend's findById answers an unknown id with an empty result, not an error.
     */
    @Test
    @DisplayName(
        "Restoring another tenant's deleted activity fails with the message of a missing id")
    void restore() {
      Activity foreign = storedIn(data.newWorkspaceGroupId());
      Activity deleted = activities().softDelete(foreign.id(), WriteGuard.TRUSTED, "testkit");
      Requester alice = member(data.workspaceGroupId());

      NotFoundException denied = notFound(() -> log.restore(alice, foreign.id()));
      NotFoundException missing = notFound(() -> log.restore(alice, MISSING_ID));

      assertThat(denied.getMessage()).isEqualTo(missing.getMessage());
      assertThat(activities().findById(foreign.id())).as("the foreign activity").contains(deleted);
    }
  }

  @Nested
  @DisplayName("Soft delete and restore through the log")
  class SoftDeleteAndRestore {

    /** If this fails, check that soft-deleted activities are hidden from get, getByUid and list. */
    @Test
    @DisplayName("A deleted activity is not found by get, getByUid or list")
    void deletedIsHidden() {
      Requester alice = member(data.workspaceGroupId());
      Activity stored = storedIn(data.workspaceGroupId());
      clock.advance(Duration.ofMinutes(5));

      Activity deleted = log.delete(alice, stored.id());

      assertThat(deleted.deletedAt()).as("deleted_at").isEqualTo(clock.instant());
      assertThat(deleted.deletedBy()).as("deleted_by").isEqualTo(alice.name());
      assertThat(deleted.active()).as("is_active").isFalse();
      String missing = notFound(() -> log.get(alice, MISSING_ID)).getMessage();
      assertThat(notFound(() -> log.get(alice, stored.id())).getMessage()).isEqualTo(missing);
      assertThat(notFound(() -> log.getByUid(alice, stored.uid())).getMessage()).isEqualTo(missing);
      assertThat(log.list(alice, data.query().build(), PageRequest.DEFAULT, Sort.DEFAULT).items())
          .as("activities listed after the delete")
          .isEmpty();
    }

    /** If this fails, check that {@code restore} clears the soft delete in the backend. */
    @Test
    @DisplayName("A deleted activity can be restored and is found again")
    void deletedCanBeRestored() {
      Requester alice = member(data.workspaceGroupId());
      Activity stored = storedIn(data.workspaceGroupId());
      log.delete(alice, stored.id());
      clock.advance(Duration.ofMinutes(5));

      Activity restored = log.restore(alice, stored.id());

      assertThat(restored.deletedAt()).as("deleted_at after restore").isNull();
      assertThat(restored.active()).as("is_active after restore").isTrue();
      assertThat(log.get(alice, stored.id())).isEqualTo(restored);
      assertThat(log.list(alice, data.query().build(), PageRequest.DEFAULT, Sort.DEFAULT).items())
          .containsExactly(restored);
    }

    /**
     * If this fails, check that deleting a deleted activity is treated as not found, and that the
     * backend's findById reports a deleted activity with its deleted_at.
     */
    @Test
    @DisplayName("Deleting an activity twice fails the second time with the not-found error")
    void deletingTwice() {
      Requester alice = member(data.workspaceGroupId());
      Activity stored = storedIn(data.workspaceGroupId());
      Activity deleted = log.delete(alice, stored.id());

      notFound(() -> log.delete(alice, stored.id()));

      assertThat(activities().findById(stored.id())).contains(deleted);
    }

    /**
     * If this fails, check that restoring an activity that is not deleted is refused, and that the
     * backend's findById reports a live activity without a deleted_at.
     */
    @Test
    @DisplayName("Restoring an activity that is not deleted fails with the not-found error")
    void restoringALiveActivity() {
      Requester alice = member(data.workspaceGroupId());
      Activity stored = storedIn(data.workspaceGroupId());

      notFound(() -> log.restore(alice, stored.id()));

      assertThat(activities().findById(stored.id())).contains(stored);
    }
  }

  @Nested
  @DisplayName("Recording")
  class Recording {

    /**
     * If this fails, check that the backend stores the uid, creation time and creator the log
     * filled in, rather than making its own.
     */
    @Test
    @DisplayName(
        "Recording fills the uid from the generator, created_at from the clock and created_by from the requester")
    void fillsMissingFields() {
      Requester alice = member(data.workspaceGroupId());
      clock.advance(Duration.ofHours(3));
      NewActivity draft =
          NewActivity.builder(ActivityType.USER_LOGIN, data.user())
              .workspaceGroupId(data.workspaceGroupId())
              .build();

      Activity recorded = log.record(alice, draft);

      assertThat(recorded.uid()).as("uid").isEqualTo(generatedUid(1));
      assertThat(recorded.createdAt()).as("created_at").isEqualTo(clock.instant());
      assertThat(recorded.createdBy()).as("created_by").isEqualTo(alice.name());
      assertThat(activities().findByUid(data.workspaceGroupId(), generatedUid(1)))
          .as("stored by uid")
          .contains(recorded);
    }

    /** If this fails, check that the backend keeps the uid, time and creator it is given. */
    @Test
    @DisplayName("Recording keeps a uid, created_at and created_by that are given")
    void keepsGivenFields() {
      Requester alice = member(data.workspaceGroupId());
      NewActivity draft = data.any();
      clock.advance(Duration.ofHours(3));

      Activity recorded = log.record(alice, draft);

      assertThat(recorded.uid()).as("uid").isEqualTo(draft.uid());
      assertThat(recorded.createdAt()).as("created_at").isEqualTo(draft.createdAt());
      assertThat(recorded.createdBy()).as("created_by").isEqualTo(draft.createdBy());
    }

    /** If this fails, check that the backend's insert is idempotent on the uid. */
    @Test
    @DisplayName("Recording a uid that exists returns the stored activity and creates nothing")
    void existingUidReturnsTheStoredOne() {
      Requester alice = member(data.workspaceGroupId());
      NewActivity draft = data.any();
      Activity first = log.record(alice, draft);
      NewActivity retry =
          new NewActivity(
              draft.uid(),
              StoredActivities.applied(ActivityUpdate.text("a different text"), draft.content()),
              draft.createdAt(),
              draft.createdBy());

      Activity second = log.record(alice, retry);

      assertThat(second).as("the activity a retried record returns").isEqualTo(first);
      assertThat(log.count(alice, data.query().build())).as("activities stored").isEqualTo(1);
    }

    /** If this fails, check that a batch recorded without uids gets consecutive generated ones. */
    @Test
    @DisplayName("Recording a batch fills each missing uid in order")
    void batchFillsUidsInOrder() {
      Requester alice = member(data.workspaceGroupId());
      UserSimple user = data.user();
      List<NewActivity> drafts =
          List.of(
              NewActivity.builder(ActivityType.USER_LOGIN, user)
                  .workspaceGroupId(data.workspaceGroupId())
                  .build(),
              NewActivity.builder(ActivityType.USER_LOGOUT, user)
                  .workspaceGroupId(data.workspaceGroupId())
                  .build());

      List<Activity> recorded = log.recordAll(alice, drafts);

      assertThat(recorded)
          .extracting(Activity::uid)
          .containsExactly(generatedUid(1), generatedUid(2));
      assertThat(recorded)
          .extracting(Activity::type)
          .containsExactly(ActivityType.USER_LOGIN, ActivityType.USER_LOGOUT);
    }

    /**
     * If this fails, check that the backend keys insert-if-absent on the workspace group and the
     * uid together: a uid another tenant holds must neither be refused nor answer with its row.
     */
    @Test
    @DisplayName(
        "Recording a uid another tenant uses stores the requester's own activity, as a fresh uid"
            + " would")
    void foreignUidIsAnotherActivity() {
      Activity foreign = storedIn(data.newWorkspaceGroupId());
      Requester alice = member(data.workspaceGroupId());
      NewActivity clash =
          new NewActivity(foreign.uid(), data.any().content(), clock.instant(), "alice");
      NewActivity fresh = data.any();

      List<Activity> recorded = log.recordAll(alice, List.of(fresh, clash));

      Activity mine = recorded.get(1);
      assertThat(mine)
          .as("the activity recorded under the foreign uid")
          .isEqualTo(StoredActivities.created(mine.id(), clash));
      assertThat(mine.id()).as("its id").isNotEqualTo(foreign.id());
      assertThat(recorded.get(0))
          .as("the fresh one")
          .isEqualTo(StoredActivities.created(recorded.get(0).id(), fresh));
      assertThat(log.getByUid(alice, foreign.uid())).as("getByUid of that uid").isEqualTo(mine);
      assertThat(activities().findById(foreign.id()))
          .as("the other tenant's activity")
          .contains(foreign);
      assertThat(log.record(alice, clash)).as("recording it again").isEqualTo(mine);
    }

    /**
     * If this fails, check that {@code getByUid} reads only the requester's groups and, when two of
     * them hold the uid, answers with the lowest id among those not deleted.
     */
    @Test
    @DisplayName(
        "A uid held by two groups the requester reads answers with the lowest id not deleted")
    void uidInTwoReadableGroups() {
      long second = data.newWorkspaceGroupId();
      Requester alice = member(data.workspaceGroupId(), second);
      NewActivity draft = data.any();
      Activity first = log.record(alice, draft);
      Activity other =
          log.record(
              alice,
              data.activity(ActivityType.USER_LOGOUT, data.user())
                  .uid(uidOf(draft))
                  .workspaceGroupId(second)
                  .build());

      assertThat(log.getByUid(alice, first.uid())).as("both live").isEqualTo(first);
      assertThat(log.getByUid(member(second), first.uid()))
          .as("as a reader of the second group")
          .isEqualTo(other);
      log.delete(alice, first.id());
      assertThat(log.getByUid(alice, first.uid())).as("the first deleted").isEqualTo(other);
      notFound(() -> log.getByUid(member(data.newWorkspaceGroupId()), first.uid()));
    }
  }

  @Nested
  @DisplayName("Updating through the log")
  class Updating {

    /**
     * If this fails, check that the backend writes {@code updated_by} and {@code updated_at} and
     * leaves id, uid and the creation fields alone.
     */
    @Test
    @DisplayName("An update sets updated_by to the requester and keeps id, uid and created_*")
    void updateStampsTheRequester() {
      Requester alice = member(data.workspaceGroupId());
      Activity stored = storedIn(data.workspaceGroupId());
      clock.advance(Duration.ofMinutes(10));

      Activity updated = log.update(alice, stored.id(), ActivityUpdate.text("edited"), null);

      assertThat(updated.text()).as("text").isEqualTo("edited");
      assertThat(updated.updatedBy()).as("updated_by").isEqualTo(alice.name());
      assertThat(updated.updatedAt()).as("updated_at").isEqualTo(clock.instant());
      assertThat(updated.version()).as("version").isEqualTo(stored.version() + 1);
      assertThat(updated.id()).as("id").isEqualTo(stored.id());
      assertThat(updated.uid()).as("uid").isEqualTo(stored.uid());
      assertThat(updated.createdAt()).as("created_at").isEqualTo(stored.createdAt());
      assertThat(updated.createdBy()).as("created_by").isEqualTo(stored.createdBy());
      assertThat(log.get(alice, stored.id())).as("the activity read back").isEqualTo(updated);
    }

    /**
     * If this fails, check that the backend compares the expected version before writing, and that
     * every write, one expecting a version too, adds one to the version.
     */
    @Test
    @DisplayName(
        "An update with a stale expected version fails with a conflict and changes nothing")
    void staleVersionConflicts() {
      Requester alice = member(data.workspaceGroupId());
      Activity stored = storedIn(data.workspaceGroupId());
      Activity current =
          log.update(alice, stored.id(), ActivityUpdate.text("first edit"), stored.version());

      assertThatThrownBy(
              () ->
                  log.update(
                      alice, stored.id(), ActivityUpdate.text("lost edit"), stored.version()))
          .isInstanceOf(ConflictException.class);

      assertThat(activities().findById(stored.id()))
          .as("the activity after the conflict")
          .contains(current);
    }

    /**
     * If this fails, check that the backend's update writes nothing when the merged content equals
     * the stored one.
     */
    @Test
    @DisplayName(
        "An update that leaves every field as stored returns the activity unchanged, version and"
            + " updated_at included")
    void noOpUpdateChangesNothing() {
      Requester alice = member(data.workspaceGroupId());
      Activity stored = storedIn(data.workspaceGroupId());
      clock.advance(Duration.ofMinutes(10));

      Activity none = log.update(alice, stored.id(), ActivityUpdate.NONE, null);
      Activity same =
          log.update(
              alice, stored.id(), ActivityUpdate.NONE.withType(stored.type()), stored.version());

      assertThat(none).as("result of an update giving no field").isEqualTo(stored);
      assertThat(same).as("result of an update giving the stored type").isEqualTo(stored);
      assertThat(log.get(alice, stored.id())).as("the activity read back").isEqualTo(stored);
    }

    /**
     * If this fails, check that updates of soft-deleted activities are refused, and that the
     * backend's findById reports a deleted activity with its deleted_at.
     */
    @Test
    @DisplayName("Updating a deleted activity fails with the not-found error")
    void updatingADeletedActivity() {
      Requester alice = member(data.workspaceGroupId());
      Activity stored = storedIn(data.workspaceGroupId());
      Activity deleted = log.delete(alice, stored.id());

      notFound(() -> log.update(alice, stored.id(), ActivityUpdate.text("ghost"), null));

      assertThat(activities().findById(stored.id())).contains(deleted);
    }
  }

  @Nested
  @DisplayName("Erasure and retention")
  class ErasureAndRetention {

    /**
     * If this fails, check that the backend's {@code eraseActor} covers every group and
     * soft-deleted activities, and that {@code removeActor} counts both edge directions.
     */
    @Test
    @DisplayName(
        "Erasing an actor removes its activities everywhere and reports activities and follow edges")
    void eraseRemoves() {
      UserSimple doomed = data.user();
      UserSimple friend = data.user();
      UserSimple fan = data.user();
      long other = data.newWorkspaceGroupId();
      Activity a = activities().insert(data.login(doomed));
      Activity b =
          activities()
              .insert(
                  data.activity(ActivityType.USER_LOGOUT, doomed).workspaceGroupId(other).build());
      Activity c = activities().insert(data.login(doomed));
      activities().softDelete(c.id(), WriteGuard.TRUSTED, "testkit");
      Activity kept = activities().insert(data.login(friend));
      log.follow(requesterFor(doomed, data.workspaceGroupId()), friend.ref());
      log.follow(requesterFor(fan, data.workspaceGroupId()), doomed.ref());

      ErasureResult result = log.eraseActor(doomed.ref(), ErasureMode.REMOVE);

      assertThat(result).as("erasure result").isEqualTo(new ErasureResult(3, 2));
      for (Activity gone : List.of(a, b, c)) {
        assertThat(activities().findById(gone.id()))
            .as("activity %s of the erased actor", gone.id())
            .isEmpty();
      }
      assertThat(activities().findById(kept.id())).as("another actor's activity").contains(kept);
      assertThat(log.following(requesterFor(fan, data.workspaceGroupId())))
          .as("following of a fan")
          .isEmpty();
    }

    /**
     * If this fails, check that anonymising replaces the actor and bumps version and updated_at.
     */
    @Test
    @DisplayName("Anonymising an actor keeps its activities with the actor replaced")
    void eraseAnonymises() {
      UserSimple doomed = data.user();
      Activity stored = activities().insert(data.login(doomed));
      clock.advance(Duration.ofDays(1));

      ErasureResult result = log.eraseActor(doomed.ref(), ErasureMode.ANONYMISE);

      assertThat(result).as("erasure result").isEqualTo(new ErasureResult(1, 0));
      Activity erased = activities().findById(stored.id()).orElseThrow();
      assertThat(erased.actor())
          .as("actor after anonymising")
          .isEqualTo(StoredActivities.anonymousActor(doomed.ref().kind()));
      assertThat(erased.version()).as("version").isEqualTo(stored.version() + 1);
      assertThat(erased.updatedAt()).as("updated_at").isEqualTo(clock.instant());
      assertThat(
              List.of(
                  Optional.ofNullable(erased.createdBy()), Optional.ofNullable(erased.updatedBy())))
          .as("audit names after anonymising, which may name the person")
          .containsOnly(Optional.empty());
      assertThat(log.count(Requester.system("host"), data.query().actor(doomed.ref()).build()))
          .as("activities still filed under the erased actor")
          .isZero();
    }

    /**
     * If this fails, check that {@code purgeCreatedBefore} deletes strictly before the cutoff and
     * counts what it deleted. The activities are dated in a random second of the 19th century so
     * that no other test's data falls in the window; they are erased afterwards.
     */
    @Test
    @DisplayName(
        "Purging through the log deletes the activities created before the cutoff and keeps the rest")
    void purge() {
      Instant base =
          Instant.parse("1800-01-01T00:00:00Z")
              .plusSeconds(ThreadLocalRandom.current().nextLong(3_000_000_000L));
      UserSimple actor = data.user();
      try {
        Activity old =
            activities()
                .insert(data.activity(ActivityType.USER_LOGIN, actor).createdAt(base).build());
        Activity olderDeleted =
            activities()
                .insert(
                    data.activity(ActivityType.USER_LOGIN, actor)
                        .createdAt(base.plusSeconds(1))
                        .build());
        activities().softDelete(olderDeleted.id(), WriteGuard.TRUSTED, "testkit");
        Activity atCutoff =
            activities()
                .insert(
                    data.activity(ActivityType.USER_LOGIN, actor)
                        .createdAt(base.plusSeconds(2))
                        .build());

        long purged = log.purgeCreatedBefore(base.plusSeconds(2));

        assertThat(purged).as("activities purged").isEqualTo(2);
        assertThat(activities().findById(old.id())).as("activity before the cutoff").isEmpty();
        assertThat(activities().findById(olderDeleted.id()))
            .as("deleted activity before the cutoff")
            .isEmpty();
        assertThat(activities().findById(atCutoff.id()))
            .as("activity at the cutoff")
            .contains(atCutoff);
      } finally {
        activities().eraseActor(actor.ref(), ErasureMode.REMOVE);
      }
    }
  }
}
