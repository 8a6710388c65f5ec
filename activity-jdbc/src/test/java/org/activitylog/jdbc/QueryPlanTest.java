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
      List<Long> workspaces = new ArrayList<>();
      for (int w = 0; w < WORKSPACES; w++) {
        long workspace = data.newWorkspace();
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
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        db.execute("ANALYZE " + db.activityTable());
      }
      ActivityQuery oneWorkspace =
          ActivityQuery.builder().workspaceGroup(workspaces.get(7)).build();
      List<Activity> firstPage = store.activities().listAfter(oneWorkspace, Sort.DEFAULT, null, 20);
      ActivityQuerySql queries = new ActivityQuerySql(ActivitySql.of(db.dialect(), db.schema()));

      String first = explain(db, queries.page(oneWorkspace, Sort.DEFAULT, 0, 20));
      String keyset =
          explain(
              db, queries.after(oneWorkspace, Sort.DEFAULT, Cursor.after(firstPage.get(19)), 20));

      for (String plan : List.of(first, keyset)) {
        assertThat(plan.toLowerCase()).as("plan%n%s", plan).contains("tenant_time_idx");
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
            .containsPattern("TENANT_TIME_IDX:[^*]*CREATED_AT <= \\?2");
      }
    }
  }

  private static String explain(TestDatabase db, BoundSql select) throws SQLException {
    ActivitySql sql = ActivitySql.of(db.dialect(), db.schema());
    Jdbi jdbi = Jdbi.create(db.dataSource());
    jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
    return jdbi.withHandle(
        h -> {
          // PostgreSQL may read a table this small whole, which is right at this size but hides
          // the plan a large table gets.
          if (db.dialect() == Dialect.POSTGRESQL) {
            h.execute("SET enable_seqscan = off");
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
