package org.activitylog.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ConflictException;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.UnknownActivityType;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.StoredActivities;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.TestActivityTypes;
import org.junit.jupiter.api.Test;

/**
 * Sanity checks of the in-memory backend's own features. The full contract runs in {@link
 * InMemoryActivityStoreContractTest}.
 */
class InMemoryActivityStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
  private final InMemoryActivityStore store = InMemoryActivityStore.create(clock);
  private final UserSimple alice = UserSimple.of(7, "alice", "alice@example.com");

  private NewActivity login(UUID uid) {
    return NewActivity.builder(ActivityType.USER_LOGIN, alice)
        .uid(uid)
        .createdAt(T0)
        .workspaceGroupId(1)
        .build();
  }

  /**
   * The kit accepts leases that never lapse (PostgreSQL's end with their session); this backend's
   * lapse {@code ttl} after they were taken or renewed, as a lease row does, so that a node that
   * stopped without releasing one blocks the others for that long only.
   */
  @Test
  void leasesLapseAfterTheirTimeToLive() {
    MutableClock time = new MutableClock();
    InMemoryActivityStore node = InMemoryActivityStore.create(time);
    InMemoryActivityStore other = InMemoryActivityStore.sharingStorageWith(node, time);
    Duration ttl = Duration.ofMinutes(1);
    node.tryLease("retention", ttl).orElseThrow();
    node.close(); // stops without releasing

    time.advance(ttl.minusSeconds(1));
    assertThat(other.tryLease("retention", ttl)).as("a take before the lease lapsed").isEmpty();
    time.advance(Duration.ofSeconds(1));
    assertThat(other.tryLease("retention", ttl)).as("a take once it lapsed").isPresent();
  }

  /**
   * The kit accepts either answer for a host type a store was not given; this backend promises the
   * one a database-backed store gives, so an application tested on it meets what it meets in
   * production.
   */
  @Test
  void hostTypesReadThroughTheCatalogue() {
    NewActivity order =
        NewActivity.builder(TestActivityTypes.values()[0], alice)
            .uid(UUID.randomUUID())
            .createdAt(T0)
            .workspaceGroupId(1)
            .build();
    InMemoryActivityStore knowing =
        InMemoryActivityStore.create(
            clock, ActivityCatalogue.standard().with(TestActivityTypes.class));

    Activity unknown = store.activities().insert(order);
    Activity known = knowing.activities().insert(order);

    assertThat(unknown.type())
        .isEqualTo(new UnknownActivityType(TestActivityTypes.values()[0].code()));
    assertThat(store.activities().findById(unknown.id())).contains(unknown);
    assertThat(known.type()).isSameAs(TestActivityTypes.values()[0]);
  }

  @Test
  void idsStartAtOneAndARepeatedUidReturnsTheStoredActivity() {
    UUID uid = UUID.randomUUID();
    Activity first = store.activities().insert(login(uid));
    Activity again = store.activities().insert(login(uid));

    assertThat(first.id()).isEqualTo(1);
    assertThat(again).isEqualTo(first);
    assertThat(store.activities().count(ActivityQuery.ALL)).isEqualTo(1);
  }

  @Test
  void aBatchWithOneActivityMissingItsUidStoresNothing() {
    NewActivity noUid = login(UUID.randomUUID()).withUid(UUID.randomUUID());
    NewActivity missing = new NewActivity(null, noUid.content(), T0, null);

    assertThatThrownBy(() -> store.activities().insertAll(List.of(noUid, missing)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("uid"));
    assertThat(store.activities().count(ActivityQuery.ALL)).isZero();
  }

  @Test
  void updateStampsTheClockAndRejectsAStaleVersion() {
    Activity stored = store.activities().insert(login(UUID.randomUUID()));

    Activity updated =
        store
            .activities()
            .update(stored.id(), WriteGuard.trusted(1L), ActivityUpdate.text("hi"), "bob");

    assertThat(updated.updatedAt()).isEqualTo(clock.instant());
    assertThat(updated.updatedBy()).isEqualTo("bob");
    assertThat(updated.version()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                store
                    .activities()
                    .update(stored.id(), WriteGuard.trusted(1L), ActivityUpdate.text("x"), "bob"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () -> store.activities().update(99, WriteGuard.TRUSTED, ActivityUpdate.NONE, null))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void softDeleteAndRestoreAreIdempotent() {
    Activity stored = store.activities().insert(login(UUID.randomUUID()));

    Activity deleted = store.activities().softDelete(stored.id(), WriteGuard.TRUSTED, "bob");
    assertThat(store.activities().softDelete(stored.id(), WriteGuard.TRUSTED, "carol"))
        .isEqualTo(deleted);
    assertThat(store.activities().count(ActivityQuery.ALL)).isZero();

    Activity restored = store.activities().restore(stored.id(), WriteGuard.TRUSTED, "bob");
    assertThat(store.activities().restore(stored.id(), WriteGuard.TRUSTED, "carol"))
        .isEqualTo(restored);
    assertThat(restored.active()).isTrue();
    assertThat(restored.deletedAt()).isNull();
  }

  @Test
  void anonymisingAnActorReplacesItAndBumpsTheVersion() {
    Activity stored = store.activities().insert(login(UUID.randomUUID()));

    assertThat(store.activities().eraseActor(alice.ref(), ErasureMode.ANONYMISE)).isEqualTo(1);

    Activity erased = store.activities().findById(stored.id()).orElseThrow();
    assertThat(erased.actor()).isEqualTo(StoredActivities.anonymousActor(alice.ref().kind()));
    assertThat(erased.version()).isEqualTo(2);
    assertThat(erased.updatedAt()).isEqualTo(clock.instant());
  }

  @Test
  void theFollowedByFilterUsesTheFollowGraph() {
    ActorRef bob = ActorRef.user(8);
    store.activities().insert(login(UUID.randomUUID()));
    ActivityQuery followed = ActivityQuery.builder().followedBy(bob).build();

    assertThat(store.activities().count(followed)).isZero();
    assertThat(store.follows().follow(bob, alice.ref())).isTrue();
    assertThat(store.follows().follow(bob, alice.ref())).isFalse();
    assertThat(store.activities().count(followed)).isEqualTo(1);
    assertThatThrownBy(() -> store.follows().follow(bob, bob))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("followee"));
    store.follows().follow(alice.ref(), bob);
    assertThat(store.follows().removeActor(bob)).isEqualTo(2);
    assertThat(store.follows().following(alice.ref())).isEmpty();
  }

  @Test
  void aStoreSharingStorageSeesTheOtherStoresWritesAndOutlivesItsClose() {
    InMemoryActivityStore second = InMemoryActivityStore.sharingStorageWith(store, clock);
    Activity stored = store.activities().insert(login(UUID.randomUUID()));

    store.close();

    assertThat(second.activities().findById(stored.id())).contains(stored);
    assertThatThrownBy(() -> store.activities().findById(stored.id()))
        .isInstanceOfSatisfying(
            StoreUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreUnavailableException.Reason.FAILED));
  }

  // Not a contract rule: a store on a host's DataSource keeps answering after close.
  @Test
  void aClosedStoreRefusesWritesAndTheFollowGraphToo() {
    Activity stored = store.activities().insert(login(UUID.randomUUID()));

    store.close();

    assertThatThrownBy(() -> store.activities().softDelete(stored.id(), WriteGuard.TRUSTED, null))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> store.follows().follow(alice.ref(), ActorRef.user(8)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> store.follows().following(alice.ref()))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void concurrentInsertsOfOneUidStoreOneActivity() throws Exception {
    UUID uid = UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Activity>> tasks = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        tasks.add(() -> store.activities().insert(login(uid)));
      }
      List<Long> ids = new ArrayList<>();
      for (Future<Activity> f : pool.invokeAll(tasks, 30, TimeUnit.SECONDS)) {
        ids.add(f.get().id());
      }
      assertThat(ids).containsOnly(1L);
      assertThat(
              store.activities().list(ActivityQuery.ALL, PageRequest.DEFAULT, Sort.DEFAULT).total())
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
