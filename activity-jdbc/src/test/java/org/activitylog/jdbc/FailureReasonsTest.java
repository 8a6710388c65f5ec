package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.StoreUnavailableException.Reason;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.TestActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each {@link Reason} provoked for real, on H2 and on PostgreSQL where the failure exists there: a
 * row lock held by another transaction, a statement cancelled by its timeout, a pool with every
 * connection taken, an H2 file held by another process, a damaged H2 file, a missing schema, a
 * closed store. Each is reported with its reason and a message that leaks nothing.
 */
@DisplayName("Failures say what they are")
class FailureReasonsTest {
  private final MutableClock clock = new MutableClock();
  private final TestActivities data = new TestActivities(clock);

  /** If this fails, check the lock timeout applied by ConnectionPools and its translation. */
  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"H2_FILE", "POSTGRESQL"})
  @DisplayName("An update blocked by a row lock fails after the lock timeout and changes nothing")
  void lockTimeout(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, "reason_lock");
        JdbcActivityStore store =
            db.builder().clock(clock).lockTimeout(Duration.ofMillis(300)).build()) {
      Activity stored = store.activities().insert(data.any());
      try (Connection holder = lockRow(db, stored.id())) {
        Throwable thrown =
            catchThrowable(
                () ->
                    store
                        .activities()
                        .update(
                            stored.id(), WriteGuard.TRUSTED, ActivityUpdate.text("changed"), "me"));
        assertReason(thrown, Reason.TIMEOUT, "lockTimeout");
        holder.rollback();
      }
      assertThat(store.activities().findById(stored.id())).contains(stored);
    }
  }

  /** If this fails, check the statement timeout set on Jdbi and its translation. */
  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"H2_FILE", "POSTGRESQL"})
  @DisplayName("A statement that runs past the statement timeout is cancelled and changes nothing")
  void statementTimeout(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, "reason_statement");
        JdbcActivityStore store =
            db.builder().clock(clock).statementTimeout(Duration.ofSeconds(1)).build()) {
      Activity stored = store.activities().insert(data.any());
      slowUpdates(db, kind);
      Throwable thrown =
          catchThrowable(
              () ->
                  store
                      .activities()
                      .update(
                          stored.id(), WriteGuard.TRUSTED, ActivityUpdate.text("changed"), "me"));
      assertReason(thrown, Reason.TIMEOUT, "statementTimeout");
      assertThat(store.activities().findById(stored.id())).contains(stored);
    }
  }

  /** Makes every update of the activity table take seconds, with a trigger that keeps busy. */
  private static void slowUpdates(TestDatabase db, TestDatabase.Kind kind) {
    if (kind == TestDatabase.Kind.POSTGRESQL) {
      String function = db.schema() + ".activitylog_test_slow";
      db.execute(
          "CREATE FUNCTION "
              + function
              + "() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(3); RETURN NEW; END $$"
              + " LANGUAGE plpgsql",
          "CREATE TRIGGER slow BEFORE UPDATE ON "
              + db.activityTable()
              + " FOR EACH ROW EXECUTE FUNCTION "
              + function
              + "()");
    } else {
      db.execute(
          "CREATE TRIGGER slow BEFORE UPDATE ON "
              + db.activityTable()
              + " FOR EACH ROW AS 'org.h2.api.Trigger create() { return new org.h2.api.Trigger()"
              + " { public void fire(java.sql.Connection c, Object[] o, Object[] n)"
              + " throws java.sql.SQLException { try (java.sql.Statement s = c.createStatement())"
              + " { s.execute(\"SELECT SUM(X + 1) FROM SYSTEM_RANGE(1, 300000000)\"); } } }; }'");
    }
  }

  /** If this fails, check how SqlErrors tells a full pool from an unreachable database. */
  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"H2_FILE", "POSTGRESQL"})
  @DisplayName("A pool whose every connection is taken reports BUSY, not an outage")
  void poolExhausted(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, "reason_busy").migrated();
        JdbcActivityStore store =
            db.builder()
                .clock(clock)
                .migrate(false)
                .poolSize(1)
                .connectionTimeout(Duration.ofMillis(250))
                .lockTimeout(Duration.ofSeconds(60))
                .build()) {
      Activity stored = store.activities().insert(data.any());
      CompletableFuture<Activity> blocked;
      try (Connection holder = lockRow(db, stored.id())) {
        // This update waits for the row lock on the pool's only connection.
        blocked =
            CompletableFuture.supplyAsync(
                () ->
                    store
                        .activities()
                        .update(
                            stored.id(), WriteGuard.TRUSTED, ActivityUpdate.text("later"), "me"));
        awaitLockWaiter(db, kind);
        Throwable thrown = catchThrowable(() -> store.activities().findById(stored.id()));
        assertReason(thrown, Reason.BUSY, "poolSize");
        holder.rollback();
      }
      assertThat(blocked.get(30, TimeUnit.SECONDS).text()).isEqualTo("later");
    }
  }

  /** If this fails, check that the build connects once directly and translates H2's 90020. */
  @Test
  @DisplayName("An H2 file held by another process is LOCKED, reported at once")
  void fileLockedByAnotherProcess(@TempDir Path dir) throws Exception {
    JdbcActivityStore.builder().h2Directory(dir).build().close();
    Process other = holdH2File(dir.resolve("activitylog"));
    try {
      Throwable thrown = catchThrowable(() -> JdbcActivityStore.builder().h2Directory(dir).build());
      assertReason(thrown, Reason.LOCKED, "another process");
      assertThat(thrown.getMessage()).doesNotContain(dir.toString());
    } finally {
      other.getOutputStream().close();
      other.destroy();
      other.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** If this fails, check the damaged-storage codes in SqlErrors. */
  @Test
  @DisplayName("An H2 file whose content is overwritten is DAMAGED")
  void damagedFile(@TempDir Path dir) throws Exception {
    try (JdbcActivityStore store = JdbcActivityStore.builder().h2Directory(dir).build()) {
      for (int i = 0; i < 20; i++) {
        store.activities().insert(data.any());
      }
    }
    Path file = dir.resolve("activitylog.mv.db");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] junk = new byte[(int) raf.length()];
      java.util.Arrays.fill(junk, (byte) 0x5a);
      raf.seek(0);
      raf.write(junk);
    }
    Throwable thrown = catchThrowable(() -> JdbcActivityStore.builder().h2Directory(dir).build());
    assertReason(thrown, Reason.DAMAGED, "backup");
  }

  /** If this fails, check the translation of SQLState class 42 and missing schemas. */
  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"H2_MEMORY", "POSTGRESQL"})
  @DisplayName("A database without the tables is SCHEMA")
  void missingSchema(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, "reason_schema");
        JdbcActivityStore store = db.builder().clock(clock).migrate(false).build()) {
      assertReason(
          catchThrowable(() -> store.activities().insert(data.any())), Reason.SCHEMA, "schema");
    }
  }

  /** If this fails, check the reason StoreAccess gives a closed store. */
  @Test
  @DisplayName("A closed store is FAILED: waiting does not reopen it")
  void closedStore() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, "reason_closed")) {
      JdbcActivityStore store = db.builder().clock(clock).build();
      store.close();
      assertReason(
          catchThrowable(() -> store.activities().count(data.query().build())),
          Reason.FAILED,
          "closed");
    }
  }

  /** If this fails, check the translation of connection failures. */
  @Test
  @DisplayName("A PostgreSQL server that is not there is UNREACHABLE")
  void unreachable() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Throwable thrown =
        catchThrowable(
            () ->
                JdbcActivityStore.builder()
                    .jdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/none", "app", "hunter2")
                    .build());
    assertReason(thrown, Reason.UNREACHABLE, "try again later");
  }

  private static void assertReason(Throwable thrown, Reason reason, String hint) {
    assertThat(thrown)
        .isInstanceOfSatisfying(
            StoreUnavailableException.class,
            e -> {
              assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(reason);
              assertThat(e.getMessage())
                  .contains(hint)
                  .doesNotContainIgnoringCase("select ")
                  .doesNotContainIgnoringCase("update ")
                  .doesNotContain("activitylog_activity")
                  .doesNotContain("hunter2")
                  .doesNotContain("jdbc:")
                  .doesNotContain("password")
                  .doesNotContain("/")
                  .doesNotContain("\n");
            });
  }

  /** Opens a transaction on the test pool that holds the row's lock until rolled back. */
  private static Connection lockRow(TestDatabase db, long id) throws Exception {
    Connection c = db.dataSource().getConnection();
    c.setAutoCommit(false);
    try (PreparedStatement s =
        c.prepareStatement("SELECT id FROM " + db.activityTable() + " WHERE id = ? FOR UPDATE")) {
      s.setLong(1, id);
      s.executeQuery().close();
    }
    return c;
  }

  /** Waits until another session waits for a lock, so the pool's connection is surely taken. */
  private static void awaitLockWaiter(TestDatabase db, TestDatabase.Kind kind) throws Exception {
    String sql =
        kind == TestDatabase.Kind.POSTGRESQL
            ? "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            : "SELECT count(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Connection c = db.dataSource().getConnection();
          var rs = c.createStatement().executeQuery(sql)) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the store's update never waited for the lock");
  }

  /**
   * Starts another JVM that opens the H2 file with H2's shell and keeps it open until its input is
   * closed.
   */
  private static Process holdH2File(Path database) throws Exception {
    Path h2Jar =
        Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    h2Jar.toString(),
                    "org.h2.tools.Shell",
                    "-url",
                    "jdbc:h2:file:" + database,
                    "-user",
                    "",
                    "-password",
                    ""))
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      seen.append(line).append('\n');
      if (line.startsWith("help or ?")) {
        return p;
      }
    }
    throw new IOException("the H2 shell did not open the database: " + seen);
  }
}
