package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActorRef;
import org.activitylog.api.NewActivity;
import org.activitylog.jdbc.internal.SchemaMigrations;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.SeedActivities;
import org.activitylog.testkit.TestActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema migrations on every database: own history, coexistence, concurrency, upgrades. */
@DisplayName("Schema migrations")
class SchemaMigrationTest {
  private final MutableClock clock = new MutableClock();
  private final TestActivities data = new TestActivities(clock);

  /** If this fails, check the Flyway table name and that every script is listed. */
  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabase.Kind.class)
  @DisplayName("Building a store applies every migration and records it in its own history table")
  void migratesWithOwnHistory(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind, "mig_history");
        JdbcActivityStore store = db.builder().clock(clock).build()) {
      assertThat(store.dialect()).isEqualTo(db.dialect());
      assertThat(appliedVersions(db)).containsExactly("1", "2", "3", "4", "5", "6");
    }
  }

  /**
   * If this fails, check that the library's Flyway uses its own history table and baselines a
   * schema that already holds the host's tables instead of refusing it.
   */
  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabase.Kind.class)
  @DisplayName(
      "Migrations run beside the host's own tables and Flyway history and leave them alone")
  void coexistsWithHostMigrations(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind, "mig_host")) {
      String prefix = db.schema() == null ? "" : db.schema() + ".";
      db.execute(
          "CREATE TABLE " + prefix + "host_orders (id BIGINT PRIMARY KEY)",
          "INSERT INTO " + prefix + "host_orders VALUES (7)",
          "CREATE TABLE "
              + prefix
              + "flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50))",
          "INSERT INTO " + prefix + "flyway_schema_history VALUES (1, '42')");

      try (JdbcActivityStore store = db.builder().clock(clock).build()) {
        Activity stored = store.activities().insert(data.any());
        assertThat(store.activities().findById(stored.id())).contains(stored);
      }

      assertThat(appliedVersions(db)).containsExactly("1", "2", "3", "4", "5", "6");
      assertThat(single(db, "SELECT COUNT(*) FROM " + prefix + "host_orders")).isEqualTo("1");
      assertThat(single(db, "SELECT version FROM " + prefix + "flyway_schema_history"))
          .isEqualTo("42");
    }
  }

  /**
   * If this fails, check that Flyway's lock is taken: two stores starting together on an empty
   * database must both come up, with each migration applied once.
   */
  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabase.Kind.class)
  @DisplayName("Two stores starting at once on an empty database both come up, migrating once")
  void concurrentStart(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, "mig_race")) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<JdbcActivityStore>> stores = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          stores.add(
              pool.submit(
                  () -> {
                    start.await();
                    return db.builder().clock(clock).build();
                  }));
        }
        start.countDown();
        List<JdbcActivityStore> opened = new ArrayList<>();
        for (Future<JdbcActivityStore> f : stores) {
          opened.add(f.get(60, TimeUnit.SECONDS));
        }
        Activity a = opened.get(0).activities().insert(data.any());
        assertThat(opened.get(1).activities().findById(a.id())).contains(a);
        opened.forEach(JdbcActivityStore::close);
      } finally {
        pool.shutdownNow();
      }
      assertThat(appliedVersions(db)).containsExactly("1", "2", "3", "4", "5", "6");
    }
  }

  /**
   * If this fails, check the latest migration against data written by the first schema version: an
   * upgrade must keep every row and field.
   */
  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabase.Kind.class)
  @DisplayName("A database created by schema version 1 upgrades with its data intact")
  void upgradesFromVersionOne(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind, "mig_upgrade")) {
      SchemaMigrations.migrate(db.dataSource(), db.dialect(), db.schema(), "1");
      assertThat(appliedVersions(db)).containsExactly("1");

      List<Activity> written = writeToOldSchema(db);

      try (JdbcActivityStore current = db.builder().clock(clock).build()) {
        assertThat(appliedVersions(db)).containsExactly("1", "2", "3", "4", "5", "6");
        for (Activity a : written) {
          assertThat(current.activities().findById(a.id())).contains(a);
        }
        ActorRef follower = ActorRef.user(1);
        assertThat(current.follows().follow(follower, written.get(0).actor().ref())).isTrue();
      }
    }
  }

  /**
   * If this fails, check V4: it must keep every row of a version 3 database, drop the unique key on
   * uid alone, and key inserts on (workspace group, uid), so that a uid stored before the upgrade
   * still deduplicates in its own group and is free in every other.
   */
  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabase.Kind.class)
  @DisplayName(
      "A version 3 database upgrades with its data intact, and its uids become unique per group")
  void upgradesFromVersionThree(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind, "mig_v4")) {
      SchemaMigrations.migrate(db.dataSource(), db.dialect(), db.schema(), "3");
      assertThat(appliedVersions(db)).containsExactly("1", "2", "3");

      List<Activity> written = writeToOldSchema(db);

      try (JdbcActivityStore current = db.builder().clock(clock).build()) {
        assertThat(appliedVersions(db)).containsExactly("1", "2", "3", "4", "5", "6");
        for (Activity a : written) {
          assertThat(current.activities().findById(a.id())).contains(a);
          assertThat(current.activities().findByUid(a.workspaceGroupId(), a.uid())).contains(a);
        }
        Activity old = written.get(0);
        NewActivity again =
            data.login(data.user()).withUid(old.uid()).withCreatedAt(clock.instant());
        assertThat(current.activities().insert(again)).as("same group, same uid").isEqualTo(old);
        long otherGroup = data.newWorkspaceGroupId();
        NewActivity elsewhere =
            data.activity(ActivityType.USER_LOGIN, data.user())
                .uid(old.uid())
                .workspaceGroupId(otherGroup)
                .build();
        Activity moved = current.activities().insert(elsewhere);
        assertThat(moved.id()).as("the uid in another group").isNotEqualTo(old.id());
        assertThat(current.activities().findByUid(otherGroup, old.uid())).contains(moved);
      }
    }
  }

  /**
   * If this fails, check that the printed DDL is complete and idempotent: a DBA applies it, the
   * store runs without migrating, and turning migrations on later adopts the schema.
   */
  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabase.Kind.class)
  @DisplayName("The printed DDL applied by hand serves a store without migrations, and later with")
  void printedDdlWorks(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, "mig_ddl")) {
      if (db.schema() != null) {
        db.execute("SET search_path TO " + db.schema());
      }
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        // Every statement ends with ";" at a line end; comments and blank lines go with them.
        for (String statement : JdbcActivityStore.schemaSql(db.dialect()).split(";\\s*\\n")) {
          if (!statement.strip().isEmpty() && !statement.strip().matches("(?s)(--[^\\n]*\\n?)*")) {
            s.execute(statement);
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      Activity a;
      try (JdbcActivityStore store = db.builder().clock(clock).migrate(false).build()) {
        a = store.activities().insert(data.any());
      }
      try (JdbcActivityStore store = db.builder().clock(clock).build()) {
        assertThat(store.activities().findById(a.id())).contains(a);
      }
    }
  }

  /**
   * Writes the seed activities into a schema older than V4 with today's store. Its PostgreSQL
   * insert names the V4 key in {@code ON CONFLICT}, so that key is lent for the writes (under
   * another name than V4's) and taken away again: the rows are what the old schema holds.
   */
  private List<Activity> writeToOldSchema(TestDatabase db) {
    String prefix = db.schema() == null ? "" : db.schema() + ".";
    boolean lend = db.dialect() == Dialect.POSTGRESQL;
    if (lend) {
      db.execute(
          "CREATE UNIQUE INDEX lent_v4_key ON "
              + prefix
              + "activitylog_activity (uid, workspace_group_id)");
    }
    try (JdbcActivityStore old = db.builder().clock(clock).migrate(false).build()) {
      return old.activities().insertAll(SeedActivities.all(data.workspaceGroupId()));
    } finally {
      if (lend) {
        db.execute("DROP INDEX " + prefix + "lent_v4_key");
      }
    }
  }

  private static List<String> appliedVersions(TestDatabase db) throws SQLException {
    String table =
        (db.schema() == null ? "" : db.schema() + ".")
            + "\""
            + SchemaMigrations.HISTORY_TABLE
            + "\"";
    List<String> versions = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                // Flyway quotes its column names, which H2 then keeps in lower case.
                "SELECT \"version\" FROM "
                    + table
                    + " WHERE \"success\" AND \"version\" <> '0' ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }

  private static String single(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
