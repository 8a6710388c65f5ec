package org.activitylog.testkit;

import static org.activitylog.testkit.ConcurrentRounds.valuesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityQuery.DeletedFilter;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.core.RetentionJob;
import org.activitylog.core.RetentionPolicy;
import org.activitylog.core.RetentionReport;
import org.activitylog.core.RetentionReport.Outcome;
import org.activitylog.core.RetentionReport.RuleResult;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.JobLease;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgeResult;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.spi.WriteGuard;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The retention rules every store must keep: purging in batches ({@link
 * ActivityRepository#purgeBatch}, {@link ActivityRepository#purge}), the job leases that let one
 * application node work at a time ({@link ActivityStore#tryLease}), the {@link RetentionJob} that
 * applies a {@link RetentionPolicy} through both, and an erasure that meets a purge.
 *
 * <p><b>Shared databases.</b> As in {@link ActivityRepositoryContract}, every activity these tests
 * create lies in a random one-hour window between 2001 and 2010, and no purge reaches past its
 * window. A test whose criteria name its own workspace groups needs nothing more. A test that
 * purges every group (a policy's default and type rules do) first purges everything created before
 * its window, as the repository's purge tests do, so that the counts it asserts are its own. Lease
 * names are random per test, so a lease a failed test left behind stops nothing else.
 */
public abstract class RetentionContract extends StoreContractSupport {

  /** The first instant of the windows; every window ends before 2011. */
  private static final Instant ERA = Instant.parse("2001-01-01T00:00:00Z");

  private static final long ERA_HOURS = 9L * 365 * 24;
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final ActivityType VIEWED = ActivityType.RESOURCE_VIEWED;
  private static final ActivityType LOGIN = ActivityType.USER_LOGIN;
  private static final ActivityType WON = ActivityType.GAME_WON;

  /** {@return the repository of the store under test} */
  protected final ActivityRepository repository() {
    return store.activities();
  }

  @Nested
  @DisplayName("Purging in batches")
  class BatchedPurge {

    /**
     * If this fails, check the order of a batch's rows (creation time, then id, both ascending: the
     * feed's newest-first order is the wrong one here) and that it deletes no more than its limit.
     */
    @Test
    @DisplayName(
        "A batch deletes at most its limit of the matching activities, the oldest first by"
            + " creation time and then id, and reports the newest creation time it deleted")
    void batchDeletesTheOldestFirst() {
      Instant w = window();
      long g = data.workspaceGroupId();
      Activity third = insert(VIEWED, g, w.plusSeconds(3));
      Activity first = insert(VIEWED, g, w.plusSeconds(1));
      Activity tieLow = insert(VIEWED, g, w.plusSeconds(2));
      Activity tieHigh = insert(VIEWED, g, w.plusSeconds(2));
      Activity atCutoff = insert(VIEWED, g, w.plus(HOUR));
      PurgeCriteria criteria = ownGroups(w.plus(HOUR)).build();

      PurgedBatch batch = repository().purgeBatch(criteria, 1);

      assertThat(batch)
          .as("first batch of 1 over %s", describe(List.of(first, tieLow, tieHigh, third)))
          .isEqualTo(new PurgedBatch(1, w.plusSeconds(1)));

      PurgedBatch next = repository().purgeBatch(criteria, 1);

      assertThat(next)
          .as("second batch of 1 over %s", describe(List.of(tieLow, tieHigh, third)))
          .isEqualTo(new PurgedBatch(1, w.plusSeconds(2)));
      assertRemaining(List.of(tieHigh, third, atCutoff));

      PurgedBatch rest = repository().purgeBatch(criteria, 5);

      assertThat(rest)
          .as("third batch of up to 5 over %s", describe(List.of(tieHigh, third)))
          .isEqualTo(new PurgedBatch(2, w.plusSeconds(3)));
      assertRemaining(List.of(atCutoff));
    }

    /**
     * If this fails, check that a batch compares {@code created_at < cutoff} strictly, deletes
     * soft-deleted rows too (the listing's default filter on {@code deleted_at} has no place in a
     * purge), and that a purge runs batch after batch until one comes back short.
     */
    @Test
    @DisplayName(
        "A purge deletes every matching activity, soft-deleted ones included, in batches of the"
            + " given size, keeps the one created at the cutoff, and reports rows and batches after"
            + " each batch")
    void purgeRemovesEverythingMatchingInBatches() {
      Instant w = window();
      long g = data.workspaceGroupId();
      Instant cutoff = w.plus(Duration.ofMinutes(30));
      List<Activity> old = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        old.add(insert(VIEWED, g, w.plusSeconds(i)));
      }
      repository().softDelete(old.get(1).id(), WriteGuard.TRUSTED, "testkit");
      repository().softDelete(old.get(4).id(), WriteGuard.TRUSTED, "testkit");
      Activity atCutoff = insert(VIEWED, g, cutoff);
      Activity after = insert(VIEWED, g, cutoff.plusSeconds(1));
      List<PurgeResult> reported = new ArrayList<>();

      PurgeResult result =
          repository()
              .purge(
                  ownGroups(cutoff).build(),
                  3,
                  soFar -> {
                    reported.add(soFar);
                    return true;
                  });

      assertThat(result).as("purge of 7 in batches of 3").isEqualTo(new PurgeResult(7, 3, true));
      assertThat(reported)
          .as("figures reported after each batch")
          .containsExactly(
              new PurgeResult(3, 1, false),
              new PurgeResult(6, 2, false),
              new PurgeResult(7, 3, true));
      assertRemaining(List.of(atCutoff, after));
    }

    /**
     * If this fails, check that a batch treats the criteria's {@code createdFrom} as inclusive
     * ({@code created_at >= from}): a purge starts each batch at the newest creation time the one
     * before deleted, and rows that share that time must not be skipped.
     */
    @Test
    @DisplayName("Activities that share a creation time across a batch boundary are all purged")
    void tiesAcrossBatchesArePurged() {
      Instant w = window();
      long g = data.workspaceGroupId();
      List<Activity> rows = new ArrayList<>();
      rows.add(insert(VIEWED, g, w.plusSeconds(5)));
      for (int i = 0; i < 5; i++) {
        rows.add(insert(VIEWED, g, w.plusSeconds(10)));
      }
      rows.add(insert(VIEWED, g, w.plusSeconds(20)));

      PurgeResult result = repository().purge(ownGroups(w.plus(HOUR)).build(), 2, soFar -> true);

      assertThat(result.removed()).as("rows purged of %s", describe(rows)).isEqualTo(7);
      assertRemaining(List.of());
    }

    /** If this fails, check that a batch compares {@code created_at >= createdFrom}. */
    @Test
    @DisplayName(
        "Criteria with a lower bound purge from it, the activity created at it included, and keep"
            + " older ones")
    void lowerBoundIsInclusive() {
      Instant w = window();
      long g = data.workspaceGroupId();
      Activity before = insert(VIEWED, g, w);
      insert(VIEWED, g, w.plusSeconds(1));
      insert(VIEWED, g, w.plusSeconds(2));

      PurgeResult result =
          repository()
              .purge(ownGroups(w.plus(HOUR)).createdFrom(w.plusSeconds(1)).build(), 10, r -> true);

      assertThat(result)
          .as("purge from %s", w.plusSeconds(1))
          .isEqualTo(new PurgeResult(2, 1, true));
      assertRemaining(List.of(before));
    }

    /**
     * If this fails, check that the purge runs its batches one by one and asks its progress
     * callback after each whether to go on, rather than deleting everything in one statement.
     */
    @Test
    @DisplayName(
        "A purge stops between batches when its progress answers false, keeps what it deleted,"
            + " and a new purge carries on with the rest")
    void purgeStopsWhenAskedAndResumes() {
      Instant w = window();
      long g = data.workspaceGroupId();
      List<Activity> rows = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        rows.add(insert(VIEWED, g, w.plusSeconds(i)));
      }
      PurgeCriteria criteria = ownGroups(w.plus(HOUR)).build();

      PurgeResult stopped = repository().purge(criteria, 3, soFar -> soFar.batches() < 2);

      assertThat(stopped)
          .as("purge stopped after 2 batches")
          .isEqualTo(new PurgeResult(6, 2, false));
      assertRemaining(rows.subList(6, 10));

      PurgeResult resumed = repository().purge(criteria, 3, soFar -> true);

      assertThat(resumed).as("the purge started again").isEqualTo(new PurgeResult(4, 2, true));
      assertRemaining(List.of());
    }

    /**
     * If this fails, check that the purge looks at the interrupt without clearing it ({@code
     * isInterrupted()}, not {@code Thread.interrupted()}) and stops before the next batch.
     */
    @Test
    @DisplayName(
        "A purge whose thread is interrupted stops before the next batch and leaves the interrupt"
            + " set")
    void purgeStopsWhenInterrupted() {
      Instant w = window();
      long g = data.workspaceGroupId();
      List<Activity> rows = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        rows.add(insert(VIEWED, g, w.plusSeconds(i)));
      }
      PurgeResult result;
      boolean interrupted;
      try {
        result =
            repository()
                .purge(
                    ownGroups(w.plus(HOUR)).build(),
                    3,
                    soFar -> {
                      Thread.currentThread().interrupt();
                      return true;
                    });
      } finally {
        interrupted = Thread.interrupted();
      }

      assertThat(result)
          .as("purge interrupted in its first batch")
          .isEqualTo(new PurgeResult(3, 1, false));
      assertThat(interrupted).as("the thread's interrupt after the purge returned").isTrue();
      assertRemaining(rows.subList(3, 7));
    }

    /**
     * If this fails, check the batch's conditions on type and owning group: an included set limits
     * the rows, an excluded set removes rows from them, and an exclusion wins over an inclusion.
     */
    @Test
    @DisplayName(
        "A purge deletes only the types and groups its criteria include and do not exclude; an"
            + " exclusion wins over an inclusion")
    void criteriaSelectTypesAndGroups() {
      Instant w = window();
      long g1 = data.workspaceGroupId();
      long g2 = data.newWorkspaceGroupId();
      long g3 = data.newWorkspaceGroupId();
      List<Activity> all = new ArrayList<>();
      Activity[][] grid = new Activity[3][3];
      List<ActivityType> types = List.of(LOGIN, VIEWED, WON);
      List<Long> groups = List.of(g1, g2, g3);
      for (int t = 0; t < 3; t++) {
        for (int gi = 0; gi < 3; gi++) {
          grid[t][gi] = insert(types.get(t), groups.get(gi), w.plusSeconds(10L * t + gi));
          all.add(grid[t][gi]);
        }
      }
      PurgeCriteria loginsOutsideG2 =
          PurgeCriteria.builder(w.plus(HOUR))
              .workspaceGroupIds(groups)
              .excludeWorkspaceGroupId(g2)
              .type(LOGIN)
              .type(VIEWED)
              .excludeType(VIEWED)
              .build();

      PurgeResult first = repository().purge(loginsOutsideG2, 100, r -> true);

      assertThat(first.removed())
          .as("purge of %s over%s", loginsOutsideG2, describe(all))
          .isEqualTo(2);
      List<Activity> left = new ArrayList<>(all);
      left.remove(grid[0][0]);
      left.remove(grid[0][2]);
      assertRemaining(left);

      PurgeCriteria allButLogins =
          PurgeCriteria.builder(w.plus(HOUR)).workspaceGroupIds(groups).excludeType(LOGIN).build();

      PurgeResult second = repository().purge(allButLogins, 100, r -> true);

      assertThat(second.removed())
          .as("purge of %s over%s", allButLogins, describe(left))
          .isEqualTo(6);
      assertRemaining(List.of(grid[0][1]));
    }

    /** If this fails, check that a batch's limit is checked before any statement runs. */
    @Test
    @DisplayName(
        "A batch limit or batch size below 1 is rejected with a ValidationException naming it, and"
            + " nothing is deleted")
    void limitBelowOneIsRejected() {
      Instant w = window();
      Activity kept = insert(VIEWED, data.workspaceGroupId(), w);
      PurgeCriteria criteria = ownGroups(w.plus(HOUR)).build();

      assertThatThrownBy(() -> repository().purgeBatch(criteria, 0))
          .as("purgeBatch with limit 0")
          .isInstanceOf(ValidationException.class)
          .extracting(e -> ((ValidationException) e).field())
          .isEqualTo("limit");
      assertThatThrownBy(() -> repository().purge(criteria, 0, r -> true))
          .as("purge with batch size 0")
          .isInstanceOf(ValidationException.class)
          .extracting(e -> ((ValidationException) e).field())
          .isEqualTo("batch_size");
      assertRemaining(List.of(kept));
    }
  }

  @Nested
  @DisplayName("Job leases")
  class Leases {

    /**
     * If this fails, check that taking a lease is conditional: a row whose expiry has not passed
     * (or a lock another session holds) must make the take fail, on this store and on another one.
     */
    @Test
    @DisplayName(
        "A lease has one holder at a time, among the takers of one store and of two stores on the"
            + " same storage, until it is released")
    void oneHolderAtATime() {
      String name = leaseName();
      ActivityStore other = otherStore();
      try (JobLease held = take(store, name)) {
        assertThat(held.name()).as("name of the lease").isEqualTo(name);
        assertNotTaken(store, name, "a second take on the same store while it is held");
        assertNotTaken(other, name, "a take on another store while it is held");
      }
      try (JobLease again = take(other, name)) {
        assertNotTaken(store, name, "a take while the other store holds it");
      }
    }

    /** If this fails, check that the whole name is the lease's key, not a part or a hash of it. */
    @Test
    @DisplayName("Leases of different names are independent, however long a prefix they share")
    void namesAreIndependent() {
      String prefix = "testkit.lease." + UUID.randomUUID();
      try (JobLease retention = take(store, prefix + ".retention")) {
        Optional<JobLease> export = otherStore().tryLease(prefix + ".export", MINUTE);
        export.ifPresent(JobLease::close);
        assertThat(export)
            .as("lease %s.export while %s is held", prefix, retention.name())
            .isPresent();
      }
    }

    /** If this fails, check that renew moves the expiry to now plus the time to live. */
    @Test
    @DisplayName(
        "A renewed lease lasts its time to live from the renewal, not from when it was taken")
    void renewExtendsTheLease() {
      String name = leaseName();
      try (JobLease held = take(store, name)) {
        clock.advance(Duration.ofSeconds(45));
        assertThat(held.renew()).as("renew 45 s into a lease of 60 s").isTrue();
        clock.advance(Duration.ofSeconds(45));

        assertNotTaken(
            otherStore(), name, "a take 90 s after the lease was taken and 45 s after its renewal");
        assertThat(held.renew()).as("the holder's renew afterwards").isTrue();
      }
    }

    /**
     * If this fails, check that renew and release name the holder ({@code WHERE name = ? AND holder
     * = ?}): a holder whose lapsed lease another holder took over must neither extend nor free the
     * new holder's lease. Backends whose leases end with a session, not by time, never lapse, and
     * pass by keeping the first holder.
     */
    @Test
    @DisplayName(
        "A lapsed lease may be taken over; its former holder then learns it from renew, and its"
            + " release leaves the new holder's lease alone")
    void lapsedLeaseIsTakenOver() {
      String name = leaseName();
      JobLease first = take(store, name);
      try {
        clock.advance(Duration.ofMinutes(2));
        Optional<JobLease> taker = otherStore().tryLease(name, MINUTE);
        if (taker.isEmpty()) {
          assertThat(first.renew()).as("renew by a holder whose lease was not taken over").isTrue();
          return;
        }
        try (JobLease second = taker.get()) {
          assertThat(first.renew())
              .as("renew by the holder whose lapsed lease was taken over")
              .isFalse();
          first.close();
          assertNotTaken(store, name, "a take after the former holder released its lease");
          assertThat(second.renew()).as("the new holder's renew").isTrue();
        }
      } finally {
        first.close();
      }
    }

    /**
     * If this fails, check that release and renew name the holder, and that a released lease is
     * free at once.
     */
    @Test
    @DisplayName(
        "A released lease is free at once; releasing or renewing it again leaves the next holder's"
            + " lease alone")
    void releasedLeaseStaysReleased() {
      String name = leaseName();
      JobLease first = take(store, name);
      first.close();
      first.close();
      assertThat(first.renew()).as("renew of a released lease nobody holds").isFalse();
      try (JobLease second = take(otherStore(), name)) {
        first.close();
        assertThat(first.renew()).as("renew of a released lease").isFalse();
        assertNotTaken(store, name, "a take after the former holder released its lease twice");
        assertThat(second.renew()).as("the new holder's renew").isTrue();
      }
    }
  }

  @Nested
  @DisplayName("The retention job")
  class Job {

    /**
     * If this fails, check the purge's exclusions: a policy's default and type rules purge every
     * group except those a more specific rule governs, and every type except those with rules of
     * their own, so a longer rule is never cut short by a shorter, broader one.
     */
    @Test
    @DisplayName(
        "A run removes what each rule has outlived, the most specific rule governing each"
            + " activity, and reports the rows each rule removed")
    void mostSpecificRuleWins() {
      Instant s = clearedWindow();
      long groupRuled = data.workspaceGroupId();
      long pairRuled = data.newWorkspaceGroupId();
      long plain = data.newWorkspaceGroupId();
      RetentionPolicy policy =
          RetentionPolicy.builder()
              .keepByDefault(Duration.ofMinutes(40))
              .keep(VIEWED, Duration.ofMinutes(50))
              .keepInGroup(groupRuled, Duration.ofMinutes(30))
              .keep(VIEWED, pairRuled, Duration.ofMinutes(20))
              .keep(LOGIN, groupRuled, Duration.ofMinutes(55))
              .build();
      Instant now = s.plus(HOUR);
      // The first creation time each (type, group) keeps: now minus its rule's age.
      Object[][] cutoffs = {
        {VIEWED, groupRuled, 30}, {LOGIN, groupRuled, 5}, {WON, groupRuled, 30},
        {VIEWED, pairRuled, 40}, {LOGIN, pairRuled, 20}, {WON, pairRuled, 20},
        {VIEWED, plain, 10}, {LOGIN, plain, 20}, {WON, plain, 20}
      };
      List<Activity> kept = new ArrayList<>();
      List<Activity> gone = new ArrayList<>();
      for (Object[] c : cutoffs) {
        Instant cutoff = s.plus(Duration.ofMinutes((Integer) c[2]));
        for (int minute : new int[] {1, 7, 15, 25, 35, 45}) {
          Activity a = insert((ActivityKind) c[0], (Long) c[1], s.plus(Duration.ofMinutes(minute)));
          (a.createdAt().isBefore(cutoff) ? gone : kept).add(a);
        }
      }
      RetentionJob job = job(policy, now, 4);

      RetentionReport report = job.run();

      assertThat(report.outcome()).as("outcome of %s", report).isEqualTo(Outcome.COMPLETED);
      assertThat(report.rules().stream().map(RuleResult::removed).toList())
          .as("rows removed by each rule of %s, in %s", policy, report)
          .containsExactly(12L, 2L, 8L, 5L, 1L);
      assertThat(report.rules().stream().map(RuleResult::cutoff).toList())
          .as("cutoff of each rule")
          .containsExactly(
              now.minus(Duration.ofMinutes(40)),
              now.minus(Duration.ofMinutes(50)),
              now.minus(Duration.ofMinutes(30)),
              now.minus(Duration.ofMinutes(20)),
              now.minus(Duration.ofMinutes(55)));
      assertThat(List.of(report.startedAt(), report.finishedAt()))
          .as("start and end by the job's clock")
          .containsOnly(now);
      assertThat(report.removed()).as("rows removed, all rules").isEqualTo(gone.size());
      assertThat(job.lastReport()).as("the job's last report").contains(report);
      assertRemaining(kept);
    }

    /**
     * If this fails, check that the store's lease is exclusive: the job takes it before it purges
     * and does nothing while another node holds it.
     */
    @Test
    @DisplayName(
        "A run while another node holds the job's lease removes nothing and reports itself"
            + " skipped; once the lease is released, the next run works")
    void onlyOneNodeWorks() {
      Instant s = window();
      long g = data.workspaceGroupId();
      Activity old = insert(LOGIN, g, s.plusSeconds(60));
      RetentionJob job =
          job(
              RetentionPolicy.builder().keepInGroup(g, Duration.ofMinutes(10)).build(),
              s.plus(HOUR),
              10);
      String lease = job.leaseName();

      RetentionReport skipped;
      try (JobLease held = take(otherStore(), lease)) {
        skipped = job.run();
      }

      assertThat(skipped.outcome()).as("outcome of %s", skipped).isEqualTo(Outcome.SKIPPED);
      assertThat(skipped.removed()).as("rows removed by a skipped run").isZero();
      assertThat(job.lastReport()).as("the job's last report").contains(skipped);
      assertRemaining(List.of(old));

      RetentionReport done = job.run();

      assertThat(done.outcome()).as("outcome of %s", done).isEqualTo(Outcome.COMPLETED);
      assertThat(done.removed()).as("rows removed by the next run").isEqualTo(1);
      assertRemaining(List.of());
    }

    /** If this fails, check that the store purges batch by batch, as many rows as asked each. */
    @Test
    @DisplayName("A run purges in batches of the job's batch size and reports each rule's batches")
    void runsInBatches() {
      Instant s = window();
      long g = data.workspaceGroupId();
      for (int i = 0; i < 5; i++) {
        insert(LOGIN, g, s.plusSeconds(i));
      }
      RetentionPolicy policy =
          RetentionPolicy.builder().keepInGroup(g, Duration.ofMinutes(10)).build();
      Instant now = s.plus(HOUR);

      RetentionReport report = job(policy, now, 2).run();

      assertThat(report.rules())
          .as("what the rule removed in batches of 2")
          .containsExactly(
              new RuleResult(policy.rules().get(0), now.minus(Duration.ofMinutes(10)), 5, 3));
    }
  }

  @Nested
  @DisplayName("Erasure meets a purge")
  class ErasureDuringPurge {

    /**
     * If this fails, check that eraseActor neither fails nor stops when a purge deletes some of the
     * actor's activities under it (a row it listed may be gone when it gets to it), and that a
     * purge never brings back or skips for good what an erasure changed.
     */
    @Test
    @DisplayName(
        "An actor erased while batched purges run keeps nothing of its activities, and the purges"
            + " still remove every other activity before the cutoff")
    void erasureStaysComplete() throws Exception {
      List<Round> rounds = new ArrayList<>();
      ConcurrentRounds.run(
          40,
          round -> rounds.add(prepareRound(round)),
          (thread, round) -> {
            Round r = rounds.get(round);
            if (thread % 2 == 0) {
              return repository().purge(r.criteria(), 2, soFar -> true).removed();
            }
            return repository().eraseActor(r.actor().ref(), r.mode());
          },
          (round, outcomes) -> {
            valuesOf(outcomes);
            checkRound(rounds.get(round));
          });
    }

    private Round prepareRound(int round) {
      Instant w = window();
      Instant cutoff = w.plus(Duration.ofMinutes(30));
      long g1 = data.newWorkspaceGroupId();
      long g2 = data.newWorkspaceGroupId();
      UserSimple actor = data.user();
      List<Activity> actors = new ArrayList<>();
      List<Activity> othersOld = new ArrayList<>();
      List<Activity> othersNew = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        long g = i % 2 == 0 ? g1 : g2;
        Instant at = i < 8 ? w.plusSeconds(i) : cutoff.plusSeconds(i);
        Activity a =
            repository()
                .insert(data.activity(VIEWED, actor).workspaceGroupId(g).createdAt(at).build());
        actors.add(i == 3 ? repository().softDelete(a.id(), WriteGuard.TRUSTED, "testkit") : a);
        Activity other = insert(LOGIN, g, i < 8 ? w.plusSeconds(i) : cutoff.plusSeconds(i));
        (i < 8 ? othersOld : othersNew).add(other);
      }
      PurgeCriteria criteria =
          PurgeCriteria.builder(cutoff).workspaceGroupId(g1).workspaceGroupId(g2).build();
      ErasureMode mode = round % 2 == 0 ? ErasureMode.ANONYMISE : ErasureMode.REMOVE;
      return new Round(actor, mode, criteria, actors, othersOld, othersNew);
    }

    private void checkRound(Round r) {
      for (Activity a : r.actorActivities()) {
        Optional<Activity> now = repository().findById(a.id());
        boolean old = a.createdAt().isBefore(r.criteria().createdBefore());
        if (r.mode() == ErasureMode.REMOVE) {
          assertThat(now).as("%s after REMOVE met a purge", describe(a)).isEmpty();
        } else if (now.isPresent()) {
          assertThat(now.get().actor().ref())
              .as("actor of %s after ANONYMISE met a purge: %s", describe(a), describe(now.get()))
              .isNotEqualTo(r.actor().ref());
        } else {
          assertThat(old)
              .as(
                  "%s is gone after ANONYMISE met a purge, though it is after the cutoff",
                  describe(a))
              .isTrue();
        }
      }
      ActivityQuery ofActor =
          ActivityQuery.builder()
              .actor(r.actor().ref())
              .workspaceGroupIds(r.criteria().workspaceGroupIds())
              .deleted(DeletedFilter.INCLUDE)
              .build();
      assertThat(repository().count(ofActor)).as("activities of the erased actor").isZero();
      for (Activity a : r.othersOld()) {
        assertThat(repository().findById(a.id())).as("purged %s", describe(a)).isEmpty();
      }
      for (Activity a : r.othersNew()) {
        assertThat(repository().findById(a.id())).as("kept %s", describe(a)).contains(a);
      }
    }
  }

  /** One round of the erasure test: an actor, the mode it is erased in, and its activities. */
  private record Round(
      UserSimple actor,
      ErasureMode mode,
      PurgeCriteria criteria,
      List<Activity> actorActivities,
      List<Activity> othersOld,
      List<Activity> othersNew) {}

  /** A random hour between 2001 and 2010. */
  private static Instant window() {
    return ERA.plus(Duration.ofHours(ThreadLocalRandom.current().nextLong(ERA_HOURS)));
  }

  /**
   * A random hour between 2001 and 2010, with everything older than it already purged, so that a
   * purge of every group counts only this test's activities.
   */
  private Instant clearedWindow() {
    Instant start = window();
    repository().purgeCreatedBefore(start);
    return start;
  }

  /** Criteria with a cutoff, limited to every workspace group this test has made so far. */
  private PurgeCriteria.Builder ownGroups(Instant cutoff) {
    return PurgeCriteria.builder(cutoff).workspaceGroupIds(data.workspaceGroupIds());
  }

  private Activity insert(ActivityKind type, long group, Instant createdAt) {
    return repository()
        .insert(
            data.activity(type, data.user()).workspaceGroupId(group).createdAt(createdAt).build());
  }

  /** Asserts what this test's groups hold, soft-deleted activities included. */
  private void assertRemaining(List<Activity> expected) {
    assertListed(data.query().deleted(DeletedFilter.INCLUDE).build(), expected);
  }

  /**
   * A job over the store under test, on a clock stopped at {@code now}, with a lease of its own.
   */
  private RetentionJob job(RetentionPolicy policy, Instant now, int batchSize) {
    return RetentionJob.builder(store, policy)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .batchSize(batchSize)
        .leaseName(leaseName())
        .leaseTtl(MINUTE)
        .build();
  }

  /** The second store on the same storage, or the store under test when there is none. */
  private ActivityStore otherStore() {
    return secondStoreIfAny().orElse(store);
  }

  private static String leaseName() {
    return "testkit.lease." + UUID.randomUUID();
  }

  private static JobLease take(ActivityStore on, String name) {
    return on.tryLease(name, MINUTE)
        .orElseThrow(() -> new AssertionError("lease " + name + " is free, but was not granted"));
  }

  private static void assertNotTaken(ActivityStore on, String name, String what) {
    Optional<JobLease> taken = on.tryLease(name, MINUTE);
    taken.ifPresent(JobLease::close);
    assertThat(taken).as("%s of lease %s", what, name).isEmpty();
  }
}
