package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityLogException;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityQuery.DeletedFilter;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Cursor;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.activitylog.jdbc.internal.sql.ActivityQuerySql;
import org.activitylog.jdbc.internal.sql.ActivitySql;
import org.activitylog.jdbc.internal.sql.BoundSql;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgeResult;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.TestActivities;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the month-partitioned layout promises beyond the testkit (which it passes whole, see {@link
 * PostgresPartitionedContractTest}): the uid key stays exact, a purge drops whole months, feed
 * queries bounded in time read only their months, and a plain table converts without losing a row.
 * On the PostgreSQL of ACTIVITYLOG_TEST_PG_URL, each test in a schema of its own.
 */
@DisplayName("The month-partitioned layout")
class PartitionedLayoutTest {
  private static final Pattern PARTITION = Pattern.compile("activitylog_activity_p(\\d{6})");

  /** If this fails, check {@code PartitionedTable.install} and {@code PartitionMaintainer.open}. */
  @Test
  @DisplayName(
      "Building a store with the layout partitions the table and creates the coming months")
  void buildingPartitions() {
    MutableClock clock = new MutableClock();
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "part_open");
        JdbcActivityStore store = partitioned(db, clock)) {
      assertThat(query(db, "SELECT relkind::text FROM pg_class WHERE oid = " + regclass(db)))
          .containsExactly("p");
      YearMonth now = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
      assertThat(months(db)).containsExactly(now, now.plusMonths(1), now.plusMonths(2));
    }
  }

  /**
   * If this fails, check the claim in {@code PartitionedPostgresSql.insertIfAbsent}: without it two
   * inserts of one key in different months both store a row.
   */
  @Test
  @DisplayName(
      "Concurrent inserts of one key store one activity, even when their creation months differ")
  void concurrentInsertsOfOneKey() throws Exception {
    MutableClock clock = new MutableClock();
    TestActivities data = new TestActivities(clock);
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "part_uid");
        JdbcActivityStore store = partitioned(db, clock)) {
      UUID uid = UUID.randomUUID();
      int writers = 8;
      List<NewActivity> drafts = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        drafts.add(
            data.activity(ActivityType.USER_LOGIN, data.user())
                .uid(uid)
                .createdAt(Instant.parse("2024-01-15T00:00:00Z").plus(Duration.ofDays(31L * i)))
                .build());
      }
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        List<Future<Activity>> results = new ArrayList<>();
        for (NewActivity d : drafts) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return store.activities().insert(d);
                  }));
        }
        start.countDown();
        Set<Long> ids = new TreeSet<>();
        for (Future<Activity> r : results) {
          ids.add(r.get().id());
        }
        assertThat(ids).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
      assertThat(
              query(
                  db,
                  "SELECT COUNT(*)::text FROM "
                      + db.activityTable()
                      + " WHERE uid = '"
                      + uid
                      + "'"))
          .containsExactly("1");
      assertThat(
              query(db, "SELECT COUNT(*)::text FROM " + claims(db) + " WHERE uid = '" + uid + "'"))
          .containsExactly("1");
    }
  }

  /**
   * If this fails, check {@code PartitionMaintainer.purge}: the months the cutoff covers are
   * dropped with their claims and counted, the partly covered month goes through the batches.
   */
  @Test
  @DisplayName(
      "A purge drops the months its cutoff covers, deletes the rest in batches and counts both")
  void purgeDropsWholeMonths() {
    MutableClock clock = new MutableClock();
    TestActivities data = new TestActivities(clock);
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "part_purge");
        JdbcActivityStore store = partitioned(db, clock)) {
      List<Activity> stored = new ArrayList<>();
      for (String month : List.of("2025-01", "2025-02", "2025-03")) {
        for (int h = 0; h < 10; h++) {
          stored.add(
              store
                  .activities()
                  .insert(
                      data.activity(ActivityType.USER_LOGIN, data.user())
                          .createdAt(
                              Instant.parse(month + "-10T00:00:00Z").plus(Duration.ofHours(h)))
                          .build()));
        }
      }
      assertThat(months(db)).contains(YearMonth.of(2025, 1), YearMonth.of(2025, 2));
      List<PurgeResult> reports = new ArrayList<>();

      PurgeResult result =
          store
              .activities()
              .purge(
                  PurgeCriteria.createdBefore(Instant.parse("2025-03-10T05:00:00Z")),
                  3,
                  r -> reports.add(r));

      assertThat(result.removed()).isEqualTo(25);
      assertThat(result.complete()).isTrue();
      assertThat(reports.get(0).removed()).isEqualTo(10);
      assertThat(reports.get(1).removed()).isEqualTo(20);
      assertThat(months(db)).doesNotContain(YearMonth.of(2025, 1), YearMonth.of(2025, 2));
      assertThat(months(db)).contains(YearMonth.of(2025, 3));
      assertThat(query(db, "SELECT COUNT(*)::text FROM " + claims(db))).containsExactly("5");
      assertThat(
              store.activities().findByUid(stored.get(0).workspaceGroupId(), stored.get(0).uid()))
          .isEmpty();
      assertThat(store.activities().findById(stored.get(29).id())).contains(stored.get(29));
      // A purged uid is free again, in its month that had been dropped.
      Activity again = store.activities().insert(draftOf(stored.get(0), data));
      assertThat(again.id()).isNotEqualTo(stored.get(0).id());
      assertThat(store.activities().insert(draftOf(stored.get(0), data))).isEqualTo(again);
    }
  }

  /**
   * If this fails, check {@code PartitionedTable.convert}: the plain table is attached whole, its
   * keys copied into the claim table, and the identity goes on after its ids.
   */
  @Test
  @DisplayName("Opening a plain table with the layout converts it without losing or doubling a row")
  void convertsAPlainTable() {
    MutableClock clock = new MutableClock();
    TestActivities data = new TestActivities(clock);
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "part_convert")) {
      List<Activity> stored = new ArrayList<>();
      try (JdbcActivityStore plain = db.hostBuilder().clock(clock).build()) {
        for (String month : List.of("2025-04", "2025-05", "2025-06")) {
          for (int h = 0; h < 10; h++) {
            stored.add(
                plain
                    .activities()
                    .insert(
                        data.activity(ActivityType.USER_LOGIN, data.user())
                            .createdAt(
                                Instant.parse(month + "-03T00:00:00Z").plus(Duration.ofHours(h)))
                            .build()));
          }
        }
      }
      try (JdbcActivityStore store = partitioned(db, clock)) {
        assertThat(query(db, "SELECT relkind::text FROM pg_class WHERE oid = " + regclass(db)))
            .containsExactly("p");
        for (Activity a : stored) {
          assertThat(store.activities().findByUid(a.workspaceGroupId(), a.uid())).contains(a);
          assertThat(store.activities().insert(draftOf(a, data))).isEqualTo(a);
        }
        long maxOld = stored.stream().mapToLong(Activity::id).max().orElseThrow();
        Activity fresh = store.activities().insert(data.login(data.user()));
        assertThat(fresh.id()).isGreaterThan(maxOld);
        assertThat(store.activities().count(data.query().build())).isEqualTo(31);

        // The kept table is the partition of everything before July 2025: a cutoff there drops it.
        PurgeResult result =
            store
                .activities()
                .purge(
                    PurgeCriteria.createdBefore(Instant.parse("2025-07-01T00:00:00Z")),
                    1000,
                    r -> true);
        assertThat(result.removed()).isEqualTo(30);
        assertThat(query(db, "SELECT COUNT(*)::text FROM " + db.activityTable()))
            .containsExactly("1");
        assertThat(query(db, "SELECT COUNT(*)::text FROM " + claims(db))).containsExactly("1");
      }
      // A store that forgets the layout is refused at build rather than failing every insert.
      assertThatThrownBy(() -> db.hostBuilder().clock(clock).build())
          .isInstanceOf(ActivityLogException.class)
          .hasMessageContaining("PARTITIONED_BY_MONTH");
    }
  }

  /**
   * If this fails, check the lock order of {@code PartitionMaintainer.drop}: the parent table is
   * locked before the month's claims are deleted, so a drop and an erasure queue on that lock
   * instead of deadlocking, and the erasure neither fails nor leaves a row of the actor.
   */
  @Test
  @DisplayName(
      "An actor erased while a purge drops its months keeps nothing, and the purge removes every"
          + " other old activity")
  void erasureMeetsADrop() throws Exception {
    MutableClock clock = new MutableClock();
    TestActivities data = new TestActivities(clock);
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "part_erase");
        JdbcActivityStore store = partitioned(db, clock)) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 6; round++) {
          UserSimple actor = data.user();
          Instant kept = Instant.parse("2024-03-01T00:00:00Z");
          List<Activity> actors = new ArrayList<>();
          List<Activity> othersOld = new ArrayList<>();
          List<Activity> othersNew = new ArrayList<>();
          for (int i = 0; i < 12; i++) {
            Instant at =
                i < 8
                    ? Instant.parse("2024-01-10T00:00:00Z").plus(Duration.ofDays(4L * i))
                    : kept.plus(Duration.ofHours(i));
            actors.add(
                store
                    .activities()
                    .insert(data.activity(ActivityType.USER_LOGIN, actor).createdAt(at).build()));
            Activity other =
                store
                    .activities()
                    .insert(
                        data.activity(ActivityType.USER_LOGIN, data.user()).createdAt(at).build());
            (i < 8 ? othersOld : othersNew).add(other);
          }
          ErasureMode mode = round % 2 == 0 ? ErasureMode.ANONYMISE : ErasureMode.REMOVE;
          CountDownLatch start = new CountDownLatch(1);
          Future<PurgeResult> purge =
              pool.submit(
                  () -> {
                    start.await();
                    return store
                        .activities()
                        .purge(PurgeCriteria.createdBefore(kept), 1000, r -> true);
                  });
          Future<Long> erase =
              pool.submit(
                  () -> {
                    start.await();
                    return store.activities().eraseActor(actor.ref(), mode);
                  });
          start.countDown();
          purge.get();
          erase.get();
          assertThat(
                  store
                      .activities()
                      .count(
                          data.query().actor(actor.ref()).deleted(DeletedFilter.INCLUDE).build()))
              .as("activities of the erased actor, round %d (%s)", round, mode)
              .isZero();
          for (Activity a : actors) {
            if (!a.createdAt().isBefore(kept)) {
              Optional<Activity> now = store.activities().findById(a.id());
              assertThat(mode == ErasureMode.REMOVE ? now.isEmpty() : now.isPresent())
                  .as("%s after %s", a.id(), mode)
                  .isTrue();
            }
          }
          for (Activity a : othersOld) {
            assertThat(store.activities().findById(a.id())).as("purged %s", a.id()).isEmpty();
          }
          for (Activity a : othersNew) {
            assertThat(store.activities().findById(a.id())).as("kept %s", a.id()).contains(a);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** If this fails, check the dialect check of {@code JdbcActivityStore.Builder.build}. */
  @Test
  @DisplayName("The layout is refused on H2")
  void refusedOnH2() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, "part_h2")) {
      assertThatThrownBy(() -> db.hostBuilder().layout(Layout.PARTITIONED_BY_MONTH).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("PostgreSQL");
    }
  }

  /**
   * If this fails, check that feed queries still bound {@code created_at} with plain comparisons
   * (the keyset's expanded form and the time filters): PostgreSQL prunes partitions only from
   * those.
   */
  @Test
  @DisplayName("A keyset page and a time-bounded feed read only the months they can match")
  void boundedFeedsPrune() throws IOException {
    MutableClock clock = new MutableClock();
    TestActivities data = new TestActivities(clock);
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "part_plans");
        JdbcActivityStore store = partitioned(db, clock)) {
      long workspace = data.newWorkspaceGroupId();
      for (int m = 1; m <= 12; m++) {
        List<NewActivity> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          batch.add(
              data.activity(ActivityType.values()[i % 20], data.user())
                  .workspaceGroupId(workspace)
                  .createdAt(
                      YearMonth.of(2025, m)
                          .atDay(1)
                          .atStartOfDay()
                          .toInstant(ZoneOffset.UTC)
                          .plus(Duration.ofMinutes(7L * i + 1)))
                  .build());
        }
        store.activities().insertAll(batch);
      }
      db.execute("VACUUM ANALYZE " + db.activityTable());
      ActivityQuery feed = ActivityQuery.builder().workspaceGroupId(workspace).build();
      // The first page of June, newest first: a cursor on the newest activity of June.
      Activity june =
          store
              .activities()
              .listAfter(
                  ActivityQuery.builder()
                      .workspaceGroupId(workspace)
                      .createdBetween(null, Instant.parse("2025-07-01T00:00:00Z"))
                      .build(),
                  Sort.DEFAULT,
                  null,
                  1)
              .get(0);
      ActivityQuerySql queries = new ActivityQuerySql(ActivitySql.partitioned(db.schema()));

      String first = explain(db, queries.after(feed, Sort.DEFAULT, null, 20), true);
      String keyset = explain(db, queries.after(feed, Sort.DEFAULT, Cursor.after(june), 20), true);
      String spring =
          explain(
              db,
              queries.after(
                  ActivityQuery.builder()
                      .workspaceGroupId(workspace)
                      .createdBetween(
                          Instant.parse("2025-03-01T00:00:00Z"),
                          Instant.parse("2025-05-01T00:00:00Z"))
                      .build(),
                  Sort.DEFAULT,
                  null,
                  20),
              true);
      Files.writeString(
          Path.of("target", "partition-plans.txt"),
          "-- first page\n"
              + first
              + "\n\n-- keyset page after June\n"
              + keyset
              + "\n\n-- March and April\n"
              + spring
              + "\n",
          StandardCharsets.UTF_8);

      assertThat(partitionsIn(keyset))
          .as("keyset plan%n%s", keyset)
          .allMatch(m -> !m.isAfter(YearMonth.of(2025, 6)))
          .contains(YearMonth.of(2025, 6));
      assertThat(partitionsIn(spring))
          .as("time-bounded plan%n%s", spring)
          .containsExactly(YearMonth.of(2025, 3), YearMonth.of(2025, 4));
    }
  }

  private static NewActivity draftOf(Activity a, TestActivities data) {
    return data.activity(ActivityType.USER_LOGIN, data.user())
        .uid(a.uid())
        .workspaceGroupId(a.workspaceGroupId())
        .createdAt(a.createdAt())
        .build();
  }

  private static JdbcActivityStore partitioned(TestDatabase db, MutableClock clock) {
    return db.hostBuilder().clock(clock).layout(Layout.PARTITIONED_BY_MONTH).build();
  }

  private static String regclass(TestDatabase db) {
    return "'" + db.activityTable() + "'::regclass";
  }

  private static String claims(TestDatabase db) {
    return db.schema() + ".activitylog_activity_uid";
  }

  /** The months that have a partition. */
  private static List<YearMonth> months(TestDatabase db) {
    List<String> names =
        query(
            db,
            "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = "
                + regclass(db)
                + " ORDER BY 1");
    return partitionsIn(String.join(" ", names)).stream().sorted().toList();
  }

  private static Set<YearMonth> partitionsIn(String text) {
    Set<YearMonth> out = new TreeSet<>();
    Matcher m = PARTITION.matcher(text);
    while (m.find()) {
      out.add(
          YearMonth.of(
              Integer.parseInt(m.group(1).substring(0, 4)),
              Integer.parseInt(m.group(1).substring(4))));
    }
    return out;
  }

  private static List<String> query(TestDatabase db, String sql) {
    return Jdbi.create(db.dataSource())
        .withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }

  private static String explain(TestDatabase db, BoundSql select, boolean analyze) {
    Jdbi jdbi = Jdbi.create(db.dataSource());
    jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
    return jdbi.withHandle(
        h ->
            select
                .bindTo(
                    h.createQuery(
                        (analyze
                                ? "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "
                                : "EXPLAIN ")
                            + select.sql()))
                .mapTo(String.class)
                .list()
                .stream()
                .collect(Collectors.joining("\n")));
  }
}
