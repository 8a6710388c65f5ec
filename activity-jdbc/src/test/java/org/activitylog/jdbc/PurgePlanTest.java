package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plans of a purge batch's row selection, for each shape of criteria a retention policy asks
 * for: every one reads an index in the purge's order and stops after the batch, never sorts the
 * rows it matches. Checked with EXPLAIN on both databases; the plans are printed.
 */
@DisplayName("Purge plans")
class PurgePlanTest {
  private static final int WORKSPACES = 20;
  private static final int PER_WORKSPACE = 250;
  private static final Instant START = Instant.parse("2005-03-01T00:00:00Z");

  /**
   * The batch size the plans are asked for: small beside the rows the criteria match, as 1,000 is
   * beside the millions a real purge matches, so that PostgreSQL plans as it would there.
   */
  private static final int LIMIT = 10;

  /**
   * If this fails, check the batch's ORDER BY against the indexes: the time index for a purge by
   * cutoff (with or without exclusions), the tenant index for one group, the type index for one
   * type in one group; one group (and type) lead the ORDER BY, descending like the indexes.
   */
  @ParameterizedTest(name = "on {0}")
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"H2_MEMORY", "POSTGRESQL"})
  @DisplayName("A purge batch reads its rows from an index in order, for every kind of rule")
  void batchesReadAnIndexInOrder(TestDatabase.Kind kind) {
    MutableClock clock = new MutableClock();
    TestActivities data = new TestActivities(clock);
    try (TestDatabase db = TestDatabase.create(kind, "purge_plans").migrated();
        JdbcActivityStore store = db.hostBuilder().clock(clock).migrate(false).build()) {
      List<Long> groups = load(db, store, data, clock);
      Instant cutoff = START.plus(Duration.ofHours(2));
      ActivitySql sql = ActivitySql.of(db.dialect(), db.schema());

      String byCutoff =
          explain(db, sql.purgeCandidates(PurgeCriteria.createdBefore(cutoff), LIMIT));
      String oneGroup =
          explain(
              db,
              sql.purgeCandidates(
                  PurgeCriteria.builder(cutoff)
                      .workspaceGroupId(groups.get(3))
                      .excludeType(ActivityType.values()[2])
                      .build(),
                  LIMIT));
      String typeInGroup =
          explain(
              db,
              sql.purgeCandidates(
                  PurgeCriteria.builder(cutoff)
                      .workspaceGroupId(groups.get(3))
                      .type(ActivityType.values()[2])
                      .build(),
                  LIMIT));
      String typeOutsideGroups =
          explain(
              db,
              sql.purgeCandidates(
                  PurgeCriteria.builder(cutoff)
                      .type(ActivityType.values()[2])
                      .excludeWorkspaceGroupIds(groups.subList(0, 3))
                      .createdFrom(START.plus(Duration.ofMinutes(5)))
                      .build(),
                  LIMIT));
      String whole = explain(db, sql.purgeBatch(PurgeCriteria.createdBefore(cutoff), LIMIT));
      System.out.printf(
          "[purge plans on %s]%n-- by cutoff%n%s%n-- one group%n%s%n-- one type in one group%n%s"
              + "%n-- one type outside some groups, from a lower bound%n%s%n-- the whole batch%n%s%n",
          kind, byCutoff, oneGroup, typeInGroup, typeOutsideGroups, whole);

      assertUsesIndexInOrder(kind, byCutoff, "time_idx");
      assertUsesIndexInOrder(kind, typeOutsideGroups, "time_idx");
      assertUsesIndexInOrder(kind, oneGroup, "tenant_live_idx");
      assertUsesIndexInOrder(kind, typeInGroup, "type_live_idx");

      PurgeResult purged =
          store
              .activities()
              .purge(
                  PurgeCriteria.builder(cutoff).workspaceGroupId(groups.get(3)).build(),
                  7,
                  r -> true);
      assertThat(purged.removed()).as("rows of one group before the cutoff").isPositive();
    }
  }

  private static void assertUsesIndexInOrder(TestDatabase.Kind kind, String plan, String index) {
    assertThat(plan.toLowerCase()).as("plan%n%s", plan).contains(index);
    if (kind == TestDatabase.Kind.POSTGRESQL) {
      assertThat(plan).as("plan%n%s", plan).doesNotContain("Sort");
    } else {
      assertThat(plan).as("plan%n%s", plan).contains("/* index sorted */");
    }
  }

  /** Stores {@value #PER_WORKSPACE} activities a second apart in each of some new workspaces. */
  private static List<Long> load(
      TestDatabase db, JdbcActivityStore store, TestActivities data, MutableClock clock) {
    List<Long> groups = new ArrayList<>();
    for (int w = 0; w < WORKSPACES; w++) {
      long group = data.newWorkspaceGroupId();
      groups.add(group);
      List<NewActivity> batch = new ArrayList<>();
      for (int i = 0; i < PER_WORKSPACE; i++) {
        batch.add(
            data.activity(ActivityType.values()[i % 20], data.user())
                .workspaceGroupId(group)
                .createdAt(START.plusSeconds(i * 30L + w))
                .build());
      }
      store.activities().insertAll(batch);
    }
    if (db.kind() == TestDatabase.Kind.POSTGRESQL) {
      db.execute("VACUUM ANALYZE " + db.activityTable());
    }
    return groups;
  }

  private static String explain(TestDatabase db, BoundSql statement) {
    ActivitySql sql = ActivitySql.of(db.dialect(), db.schema());
    Jdbi jdbi = Jdbi.create(db.dataSource());
    jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
    return jdbi.withHandle(
        h -> {
          // As in QueryPlanTest: at this size PostgreSQL may read the table whole, which is right
          // here but hides the plan a large table gets.
          if (db.dialect() == Dialect.POSTGRESQL) {
            h.execute("SET enable_seqscan = off");
            h.execute("SET enable_bitmapscan = off");
          }
          return statement
              .bindTo(h.createQuery(sql.explain(statement.sql())))
              .mapTo(String.class)
              .list()
              .stream()
              .collect(Collectors.joining("\n"));
        });
  }
}
