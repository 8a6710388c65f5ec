package org.activitylog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.activitylog.api.AccessDeniedException;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ConflictException;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.ForwardingActivityRepository;
import org.activitylog.spi.ForwardingActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.StoreContractSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link ActivityLog} facade's own rules: those it decides before the store is asked, so that
 * no backend can break them (authentication, the public site's configuration, access checks of
 * writes, a query scoped to nothing, the version an update was checked at). They left the backend
 * kit ({@code ActivityLogContract}), where every backend ran them for nothing, with their names and
 * assertions as they were.
 *
 * <p>They run here, over the in-memory store, because activity-core's own tests cannot depend on a
 * backend: activity-memory's tests use the testkit, which depends on activity-core, and Maven
 * forbids the cycle.
 */
class ActivityLogFacadeTest extends StoreContractSupport {

  /** The log under test: a private site over {@link #store}. */
  private ActivityLog log;

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return InMemoryActivityStore.create(clock);
  }

  @BeforeEach
  void buildLog() {
    log = ActivityLog.builder(store).clock(clock).build();
  }

  private ActivityLog publicLog(long publicGroup) {
    return ActivityLog.builder(store).clock(clock).publicAccess(Set.of(publicGroup)).build();
  }

  private ActivityRepository activities() {
    return store.activities();
  }

  /** A new user who may read and write these groups. */
  private Requester member(Long... groups) {
    UserSimple user = data.user();
    return Requester.user(user.ref(), user.username(), Set.of(groups), Set.of(groups));
  }

  /** Stores an activity in a group directly through the repository, bypassing the facade. */
  private Activity storedIn(long group) {
    return activities()
        .insert(
            data.activity(ActivityType.USER_LOGIN, data.user()).workspaceGroupId(group).build());
  }

  /**
   * The test's store, but the first {@code findById} of an id soft-deletes that activity right
   * after reading it: a concurrent delete, deterministically between a read and what follows.
   */
  private ActivityStore deletingBeforeWrite(long id) {
    AtomicBoolean fired = new AtomicBoolean();
    ActivityRepository racing =
        new ForwardingActivityRepository(activities()) {
          @Override
          public Activity update(
              long found, WriteGuard guard, ActivityUpdate update, @Nullable String by) {
            if (found == id && fired.compareAndSet(false, true)) {
              delegate.softDelete(id, WriteGuard.TRUSTED, "racer");
            }
            return super.update(found, guard, update, by);
          }
        };
    return new ForwardingActivityStore(store) {
      @Override
      public ActivityRepository activities() {
        return racing;
      }

      @Override
      public void close() {}
    };
  }

  private static List<Activity> scanned(Stream<Activity> stream) {
    try (stream) {
      return stream.toList();
    }
  }

  @Nested
  @DisplayName("On a private site")
  class PrivateSite {

    /** If this fails, check that the log is private unless {@code publicAccess} is called. */
    @Test
    @DisplayName("A log is private unless configured public")
    void privateByDefault() {
      assertThat(log.isPublic()).as("isPublic of a default log").isFalse();
    }

    /**
     * If this fails, check that every read of {@link ActivityLog} calls its authentication check
     * before touching the store.
     */
    @Test
    @DisplayName("An anonymous requester gets an unauthorized error for every read")
    void anonymousCannotRead() {
      Requester anonymous = Requester.anonymous();
      Activity stored = storedIn(data.workspaceGroupId());
      ActivityQuery query = data.query().build();

      assertThatThrownBy(() -> log.list(anonymous, query, PageRequest.DEFAULT, Sort.DEFAULT))
          .as("list")
          .isInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(() -> log.count(anonymous, query))
          .as("count")
          .isInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(() -> log.listAfter(anonymous, query, Sort.DEFAULT, null, 10))
          .as("listAfter")
          .isInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(() -> scanned(log.scan(anonymous, query, Sort.DEFAULT)))
          .as("scan")
          .isInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(() -> log.get(anonymous, stored.id()))
          .as("get")
          .isInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(() -> log.getByUid(anonymous, stored.uid()))
          .as("getByUid")
          .isInstanceOf(UnauthorizedException.class);
    }

    /** If this fails, check that every write of {@link ActivityLog} requires authentication. */
    @Test
    @DisplayName(
        "An anonymous requester gets an unauthorized error for every write, and nothing changes")
    void anonymousCannotWrite() {
      Requester anonymous = Requester.anonymous();
      Activity stored = storedIn(data.workspaceGroupId());
      Activity deleted = storedIn(data.workspaceGroupId());
      activities().softDelete(deleted.id(), WriteGuard.TRUSTED, "testkit");
      Activity deletedBefore = activities().findById(deleted.id()).orElseThrow();
      NewActivity draft = data.any();

      assertThatThrownBy(() -> log.record(anonymous, draft))
          .as("record")
          .isInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(() -> log.update(anonymous, stored.id(), ActivityUpdate.text("x"), null))
          .as("update")
          .isInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(() -> log.delete(anonymous, stored.id()))
          .as("delete")
          .isInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(() -> log.restore(anonymous, deleted.id()))
          .as("restore")
          .isInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(() -> log.follow(anonymous, data.user().ref()))
          .as("follow")
          .isInstanceOf(UnauthorizedException.class);

      assertThat(activities().findByUid(draft.content().workspaceGroupId(), uidOf(draft)))
          .as("the activity anonymous recorded")
          .isEmpty();
      assertThat(activities().findById(stored.id()))
          .as("the activity anonymous updated and deleted")
          .contains(stored);
      assertThat(activities().findById(deleted.id()))
          .as("the activity anonymous restored")
          .contains(deletedBefore);
    }
  }

  @Nested
  @DisplayName("On a public site")
  class PublicSite {

    /** If this fails, check that {@code publicAccess} makes {@code isPublic} true. */
    @Test
    @DisplayName("A log configured with public groups is public")
    void isPublic() {
      assertThat(publicLog(data.workspaceGroupId()).isPublic()).isTrue();
    }

    /** If this fails, check how a query naming only non-public groups is scoped for anonymous. */
    @Test
    @DisplayName("An anonymous query naming only non-public groups gets an empty page with total 0")
    void anonymousQueryOfPrivateGroupsIsEmpty() {
      long publicGroup = data.workspaceGroupId();
      long privateGroup = data.newWorkspaceGroupId();
      ActivityLog site = publicLog(publicGroup);
      storedIn(privateGroup);
      ActivityQuery onlyPrivate = ActivityQuery.builder().workspaceGroupId(privateGroup).build();

      Page<Activity> page =
          site.list(Requester.anonymous(), onlyPrivate, PageRequest.DEFAULT, Sort.DEFAULT);

      assertThat(page.items()).as("items").isEmpty();
      assertThat(page.total()).as("total").isZero();
      assertThat(site.count(Requester.anonymous(), onlyPrivate)).as("count").isZero();
    }

    /** If this fails, check that a public site still requires authentication for every write. */
    @Test
    @DisplayName("An anonymous requester never writes, not even to a public group")
    void anonymousNeverWrites() {
      long publicGroup = data.workspaceGroupId();
      ActivityLog site = publicLog(publicGroup);
      Activity stored = storedIn(publicGroup);
      NewActivity draft = data.any();
      Requester anonymous = Requester.anonymous();

      assertThatThrownBy(() -> site.record(anonymous, draft))
          .as("record")
          .isInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(() -> site.update(anonymous, stored.id(), ActivityUpdate.text("x"), null))
          .as("update")
          .isInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(() -> site.delete(anonymous, stored.id()))
          .as("delete")
          .isInstanceOf(UnauthorizedException.class);

      assertThat(activities().findByUid(draft.content().workspaceGroupId(), uidOf(draft)))
          .as("the activity anonymous recorded")
          .isEmpty();
      assertThat(activities().findById(stored.id())).as("the public activity").contains(stored);
    }
  }

  @Nested
  @DisplayName("Page size")
  class PageSize {

    /** If this fails, check ActivityLog.checkPageSize and Builder.maxPageSize. */
    @Test
    @DisplayName(
        "Pages of 1 to 100 are served by default, and larger ones are refused naming page_size")
    void defaultLimitIsOneHundred() {
      Requester alice = member(data.workspaceGroupId());
      assertThat(log.maxPageSize()).isEqualTo(ActivityLog.DEFAULT_MAX_PAGE_SIZE).isEqualTo(100);
      assertThat(
              log.list(alice, data.query().build(), PageRequest.of(1, 100), Sort.DEFAULT).items())
          .isEmpty();
      assertThatThrownBy(
              () -> log.list(alice, data.query().build(), PageRequest.of(1, 101), Sort.DEFAULT))
          .isInstanceOf(ValidationException.class)
          .hasMessage("page_size must be between 1 and 100 (was \"101\")");
      assertThatThrownBy(() -> log.listAfter(alice, data.query().build(), Sort.DEFAULT, null, 101))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("page_size must be between 1 and 100");
      assertThatThrownBy(() -> log.listAfter(alice, data.query().build(), Sort.DEFAULT, null, 0))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("page_size must be between 1 and 100");
    }

    /** If this fails, check that Builder.maxPageSize reaches checkPageSize. */
    @Test
    @DisplayName("A host sets its own page-size limit, which bounds list and listAfter alike")
    void hostSetsTheLimit() {
      long group = data.workspaceGroupId();
      Requester alice = member(group);
      List<Activity> stored = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        stored.add(storedIn(group));
      }
      ActivityLog small = ActivityLog.builder(store).clock(clock).maxPageSize(2).build();
      assertThat(
              small.list(alice, data.query().build(), PageRequest.of(2, 2), Sort.DEFAULT).items())
          .hasSize(1);
      assertThatThrownBy(
              () -> small.list(alice, data.query().build(), PageRequest.of(1, 3), Sort.DEFAULT))
          .hasMessageStartingWith("page_size must be between 1 and 2");
      assertThatThrownBy(() -> small.listAfter(alice, data.query().build(), Sort.DEFAULT, null, 3))
          .hasMessageStartingWith("page_size must be between 1 and 2");
      ActivityLog large = ActivityLog.builder(store).clock(clock).maxPageSize(1_000).build();
      assertThat(large.listAfter(alice, data.query().build(), Sort.DEFAULT, null, 1_000))
          .hasSize(stored.size());
      assertThatThrownBy(() -> ActivityLog.builder(store).maxPageSize(0))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("max_page_size");
    }
  }

  @Nested
  @DisplayName("Tenant scoping")
  class TenantScoping {

    /** If this fails, check that a query naming only foreign groups answers an empty page. */
    @Test
    @DisplayName("A query naming only foreign groups gets an empty page with total 0")
    void foreignOnlyQueryIsEmpty() {
      long mine = data.workspaceGroupId();
      long theirs = data.newWorkspaceGroupId();
      storedIn(mine);
      storedIn(theirs);
      Requester alice = member(mine);
      ActivityQuery foreign = ActivityQuery.builder().workspaceGroupId(theirs).build();

      Page<Activity> page = log.list(alice, foreign, PageRequest.DEFAULT, Sort.DEFAULT);

      assertThat(page.items()).as("items listed from a foreign group").isEmpty();
      assertThat(page.total()).as("total").isZero();
      assertThat(page.pageCount()).as("page count").isZero();
      assertThat(log.count(alice, foreign)).as("count").isZero();
      assertThat(log.listAfter(alice, foreign, Sort.DEFAULT, null, 10)).as("listAfter").isEmpty();
      assertThat(scanned(log.scan(alice, foreign, Sort.DEFAULT))).as("scan").isEmpty();
    }
  }

  @Nested
  @DisplayName("Recording")
  class Recording {

    /** If this fails, check that the write check runs before anything reaches the store. */
    @Test
    @DisplayName("Recording into a group the requester may not write is denied and stores nothing")
    void nonWritableGroupIsDenied() {
      long readOnly = data.newWorkspaceGroupId();
      long foreign = data.newWorkspaceGroupId();
      UserSimple user = data.user();
      Requester alice =
          Requester.user(
              user.ref(), user.username(), Set.of(readOnly), Set.of(data.workspaceGroupId()));
      NewActivity intoReadOnly =
          data.activity(ActivityType.USER_LOGIN, user).workspaceGroupId(readOnly).build();
      NewActivity intoForeign =
          data.activity(ActivityType.USER_LOGIN, user).workspaceGroupId(foreign).build();

      assertThatThrownBy(() -> log.record(alice, intoReadOnly))
          .as("record into a read-only group")
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> log.record(alice, intoForeign))
          .as("record into a foreign group")
          .isInstanceOf(AccessDeniedException.class);

      assertThat(
              activities()
                  .findByUid(intoReadOnly.content().workspaceGroupId(), uidOf(intoReadOnly)))
          .as("stored into the read-only group")
          .isEmpty();
      assertThat(
              activities().findByUid(intoForeign.content().workspaceGroupId(), uidOf(intoForeign)))
          .as("stored into the foreign group")
          .isEmpty();
    }

    /** If this fails, check that the derived group is checked against the groups it may read. */
    @Test
    @DisplayName("An activity derived from a group the requester cannot read is denied")
    void derivedFromForeignGroupIsDenied() {
      Requester alice = member(data.workspaceGroupId());
      long foreign = data.newWorkspaceGroupId();
      NewActivity derivedFromForeign =
          data.activity(ActivityType.USER_LOGIN, data.user())
              .derivedWorkspaceGroupId(foreign)
              .build();
      NewActivity derivedFromOwn =
          data.activity(ActivityType.USER_LOGIN, data.user())
              .derivedWorkspaceGroupId(data.workspaceGroupId())
              .build();

      assertThatThrownBy(() -> log.record(alice, derivedFromForeign))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(log.record(alice, derivedFromOwn).content().derivedWorkspaceGroupId())
          .isEqualTo(data.workspaceGroupId());
      assertThat(
              activities()
                  .findByUid(
                      derivedFromForeign.content().workspaceGroupId(), uidOf(derivedFromForeign)))
          .as("stored although derived from a foreign group")
          .isEmpty();
    }

    /** If this fails, check that a batch is checked whole before any of it is stored. */
    @Test
    @DisplayName("A batch with one activity for a non-writable group stores none of them")
    void batchWithOneDeniedStoresNothing() {
      Requester alice = member(data.workspaceGroupId());
      NewActivity allowed = data.any();
      NewActivity denied =
          data.activity(ActivityType.USER_LOGIN, data.user())
              .workspaceGroupId(data.newWorkspaceGroupId())
              .build();

      assertThatThrownBy(() -> log.recordAll(alice, List.of(allowed, denied)))
          .isInstanceOf(AccessDeniedException.class);

      assertThat(activities().findByUid(allowed.content().workspaceGroupId(), uidOf(allowed)))
          .as("the allowed activity of the batch")
          .isEmpty();
      assertThat(activities().findByUid(denied.content().workspaceGroupId(), uidOf(denied)))
          .as("the denied activity of the batch")
          .isEmpty();
    }
  }

  @Nested
  @DisplayName("Updating through the log")
  class Updating {

    /**
     * If this fails, check that {@code ActivityLog.update}, {@code delete} and {@code restore}
     * require write access to the activity's workspace group, not only read access.
     */
    @Test
    @DisplayName(
        "A requester who may only read a group can neither update, delete nor restore its"
            + " activities, and nothing changes")
    void readOnlyRequesterCannotChange() {
      long group = data.workspaceGroupId();
      UserSimple user = data.user();
      Requester reader = Requester.user(user.ref(), user.username(), Set.of(group), Set.of());
      Activity live = storedIn(group);
      Activity deleted =
          activities().softDelete(storedIn(group).id(), WriteGuard.TRUSTED, "someone");

      assertThat(log.get(reader, live.id())).as("what the reader sees").isEqualTo(live);
      assertThatThrownBy(() -> log.update(reader, live.id(), ActivityUpdate.text("x"), null))
          .as("update by a reader")
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> log.delete(reader, live.id()))
          .as("delete by a reader")
          .isInstanceOf(AccessDeniedException.class);
      // A deleted activity is invisible to everyone but its writers, so a reader's restore
      // answers as for a missing one.
      assertThatThrownBy(() -> log.restore(reader, deleted.id()))
          .as("restore by a reader")
          .isInstanceOf(NotFoundException.class);
      assertThat(activities().findById(live.id())).as("the live activity").contains(live);
      assertThat(activities().findById(deleted.id())).as("the deleted activity").contains(deleted);
    }

    /**
     * If this fails, check that {@code ActivityLog.update} writes only at the version its access
     * check read, never at one the caller names.
     */
    @Test
    @DisplayName("An update expecting a version newer than the stored one fails with a conflict")
    void futureVersionConflicts() {
      Requester alice = member(data.workspaceGroupId());
      Activity stored = storedIn(data.workspaceGroupId());

      assertThatThrownBy(
              () ->
                  log.update(
                      alice, stored.id(), ActivityUpdate.text("early"), stored.version() + 1))
          .isInstanceOf(ConflictException.class);

      assertThat(activities().findById(stored.id())).as("the activity").contains(stored);
    }

    /**
     * If this fails, check that {@code ActivityLog.update} hands its access check to the store as a
     * WriteGuard, checked on the row the store writes: a delete that lands just before the write
     * must not be written over, even when it brought the row to the version the caller expects.
     */
    @Test
    @DisplayName(
        "A delete landing just before the update's write leaves the update unwritten, whatever"
            + " version the caller expects")
    void deleteBetweenCheckAndWrite() {
      Requester alice = member(data.workspaceGroupId());
      Activity stored = storedIn(data.workspaceGroupId());
      ActivityLog raced =
          ActivityLog.builder(deletingBeforeWrite(stored.id())).clock(clock).build();

      Throwable thrown =
          catchThrowable(
              () ->
                  raced.update(
                      alice,
                      stored.id(),
                      ActivityUpdate.text("over a delete"),
                      stored.version() + 1));

      assertThat(thrown)
          .as("the error of the overtaken update")
          .isInstanceOfAny(ConflictException.class, NotFoundException.class);
      Activity after = activities().findById(stored.id()).orElseThrow();
      assertThat(after.isDeleted()).as("deleted by the racing delete").isTrue();
      assertThat(after.text()).as("text after the overtaken update").isEqualTo(stored.text());
    }
  }

  @Nested
  @DisplayName("The anonymous actor")
  class AnonymousActor {

    /**
     * If this fails, check that {@code ActivityLog.eraseActor} refuses the anonymous reference: it
     * stands for every person already erased, in every tenant.
     */
    @Test
    @DisplayName(
        "Erasing the anonymous actor is refused naming actor, and every anonymised activity stays")
    void erasingTheAnonymousActorIsRefused() {
      UserSimple erased = data.user();
      Activity stored =
          activities()
              .insert(
                  data.activity(ActivityType.USER_LOGIN, erased)
                      .workspaceGroupId(data.workspaceGroupId())
                      .build());
      log.eraseActor(erased.ref(), ErasureMode.ANONYMISE);
      Activity anonymised = activities().findById(stored.id()).orElseThrow();

      for (ActorRef anonymous : List.of(ActorRef.user(0), anonymised.actor().ref())) {
        assertThatThrownBy(() -> log.eraseActor(anonymous, ErasureMode.REMOVE))
            .as("erasing %s", anonymous)
            .isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("actor"));
      }
      assertThat(activities().findById(stored.id()))
          .as("the anonymised activity")
          .contains(anonymised);
    }

    /**
     * If this fails, check that {@code ActivityLog.follow} refuses the anonymous reference, whose
     * feed would be every erased person's activities.
     */
    @Test
    @DisplayName("Following the anonymous actor is refused naming followee")
    void followingTheAnonymousActorIsRefused() {
      Requester alice = member(data.workspaceGroupId());

      assertThatThrownBy(() -> log.follow(alice, ActorRef.user(0)))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("followee"));
      assertThatThrownBy(() -> log.follow(alice, ActorRef.member(new UUID(0, 0))))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("followee"));
      assertThat(log.following(alice)).as("who alice follows").isEmpty();
    }
  }
}
