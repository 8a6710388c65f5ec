package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Cursor;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Sort;
import org.activitylog.jdbc.internal.sql.ActivityQuerySql;
import org.activitylog.jdbc.internal.sql.ActivitySql;
import org.activitylog.jdbc.internal.sql.BoundSql;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.TestActivities;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plans of a workspace's feed: the first page and a keyset page must read the tenant index in
 * order and stop after the page, never sort the workspace. Checked with EXPLAIN on both databases.
 */
@DisplayName("Query plans")
class QueryPlanTest {
  private static final int WORKSPACES = 20;
  private static final int PER_WORKSPACE = 250;

  /** If this fails, check the ORDER BY of one-workspace queries and the tenant index. */
  @ParameterizedTest(name = "on {0}")
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"H2_MEMORY", "POSTGRESQL"})
  @DisplayName("A workspace's first page and a keyset page read the tenant index without sorting")
  void feedPagesUseTheTenantIndex(TestDatabase.Kind kind) throws SQLException {
    MutableClock clock = new MutableClock();
    TestActivities data = new TestActivities(clock);
    try (TestDatabase db = TestDatabase.create(kind, "plans").migrated();
        JdbcActivityStore store = db.hostBuilder().clock(clock).migrate(false).build()) {
      List<Long> workspaces = load(db, store, data, clock);
      ActivityQuery oneWorkspace =
          ActivityQuery.builder().workspaceGroupId(workspaces.get(7)).build();
      List<Activity> firstPage = store.activities().listAfter(oneWorkspace, Sort.DEFAULT, null, 20);
      ActivityQuerySql queries = new ActivityQuerySql(ActivitySql.of(db.dialect(), db.schema()));

      String first = explain(db, queries.page(oneWorkspace, Sort.DEFAULT, 0, 20));
      String keyset =
          explain(
              db, queries.after(oneWorkspace, Sort.DEFAULT, Cursor.after(firstPage.get(19)), 20));

      for (String plan : List.of(first, keyset)) {
        assertThat(plan.toLowerCase()).as("plan%n%s", plan).contains("tenant_live_idx");
        if (kind == TestDatabase.Kind.POSTGRESQL) {
          assertThat(plan).as("plan%n%s", plan).doesNotContain("Sort");
        } else {
          assertThat(plan).as("plan%n%s", plan).contains("/* index sorted */");
        }
      }
      assertThat(keyset).as("keyset plan").doesNotContainIgnoringCase("offset");
      if (kind == TestDatabase.Kind.H2_MEMORY) {
        assertThat(keyset)
            .as("keyset plan starts the index range at the cursor%n%s", keyset)
            .containsPattern("TENANT_LIVE_IDX:[^*]*CREATED_AT <= \\?2");
      }
    }
  }

  /**
   * If this fails, check that {@code deleted_at} is in the tenant and type indexes (migration V3):
   * without it a count reads every row of the workspace from the table.
   */
  @ParameterizedTest(name = "on {0}")
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"H2_MEMORY", "POSTGRESQL"})
  @DisplayName("Counts of a workspace, and of a workspace and a type, are answered from an index")
  void countsReadOnlyAnIndex(TestDatabase.Kind kind) throws SQLException {
    MutableClock clock = new MutableClock();
    TestActivities data = new TestActivities(clock);
    try (TestDatabase db = TestDatabase.create(kind, "count_plans").migrated();
        JdbcActivityStore store = db.hostBuilder().clock(clock).migrate(false).build()) {
      List<Long> workspaces = load(db, store, data, clock);
      ActivityQuerySql queries = new ActivityQuerySql(ActivitySql.of(db.dialect(), db.schema()));
      ActivityQuery workspace = ActivityQuery.builder().workspaceGroupId(workspaces.get(3)).build();
      ActivityQuery workspaceAndType =
          ActivityQuery.builder()
              .workspaceGroupId(workspaces.get(3))
              .type(ActivityType.values()[2])
              .build();

      String all = explain(db, queries.count(workspace));
      String ofType = explain(db, queries.count(workspaceAndType));

      if (kind == TestDatabase.Kind.POSTGRESQL) {
        // Either index covers a workspace's count; PostgreSQL picks by its statistics.
        for (String plan : List.of(all, ofType)) {
          assertThat(plan)
              .as("plan%n%s", plan)
              .containsPattern("Index Only Scan using \\S*_live_idx");
        }
      } else {
        assertThat(all.toLowerCase()).as("plan%n%s", all).contains("tenant_live_idx");
        assertThat(ofType.toLowerCase()).as("plan%n%s", ofType).contains("type_live_idx");
        for (String plan : List.of(all, ofType)) {
          assertThat(plan).as("plan%n%s", plan).doesNotContainIgnoringCase("tableScan");
        }
      }
      assertThat(store.activities().count(workspace)).isEqualTo(PER_WORKSPACE);
    }
  }

  /** Stores {@value #PER_WORKSPACE} activities in each of {@value #WORKSPACES} new workspaces. */
  private static List<Long> load(
      TestDatabase db, JdbcActivityStore store, TestActivities data, MutableClock clock) {
    List<Long> workspaces = new ArrayList<>();
    for (int w = 0; w < WORKSPACES; w++) {
      long workspace = data.newWorkspaceGroupId();
      workspaces.add(workspace);
      List<NewActivity> batch = new ArrayList<>();
      for (int i = 0; i < PER_WORKSPACE; i++) {
        clock.advance(Duration.ofSeconds(1));
        batch.add(
            data.activity(ActivityType.values()[i % 20], data.user())
                .workspaceGroupId(workspace)
                .createdAt(clock.instant())
                .build());
      }
      store.activities().insertAll(batch);
    }
    if (db.kind() == TestDatabase.Kind.POSTGRESQL) {
      // What autovacuum does to a table that has stopped changing: statistics, and the
      // visibility map that lets an index-only scan skip the table.
      db.execute("VACUUM ANALYZE " + db.activityTable());
    }
    return workspaces;
  }

  private static String explain(TestDatabase db, BoundSql select) throws SQLException {
    ActivitySql sql = ActivitySql.of(db.dialect(), db.schema());
    Jdbi jdbi = Jdbi.create(db.dataSource());
    jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
    return jdbi.withHandle(
        h -> {
          // PostgreSQL may read a table this small whole, which is right at this size but hides
          // the plan a large table gets.
          // For the same reason it may prefer a bitmap scan of a few hundred rows to reading
          // them from the index alone.
          if (db.dialect() == Dialect.POSTGRESQL) {
            h.execute("SET enable_seqscan = off");
            h.execute("SET enable_bitmapscan = off");
          }
          return select
              .bindTo(h.createQuery(sql.explain(select.sql())))
              .mapTo(String.class)
              .list()
              .stream()
              .collect(Collectors.joining("\n"));
        });
  }
}
