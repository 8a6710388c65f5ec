package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.TestActivities;
import org.h2.tools.Server;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away while the store is in use and comes back: meanwhile every call fails with
 * {@link StoreUnavailableException}; afterwards the same store works again, and everything it
 * acknowledged before is still there.
 */
@DisplayName("Database outage")
class OutageTest {
  private static final Duration RECOVERY = Duration.ofSeconds(60);

  private final MutableClock clock = new MutableClock();
  private final TestActivities data = new TestActivities(clock);

  /** If this fails, check ConnectionPools' eviction of H2's dead connections. */
  @Test
  @DisplayName("H2: a TCP server stopped and started again")
  void h2ServerRestart(@TempDir Path dir) throws Exception {
    int port = freePort();
    String[] args = {
      "-tcp", "-tcpPort", String.valueOf(port), "-baseDir", dir.toString(), "-ifNotExists"
    };
    Server server = Server.createTcpServer(args).start();
    try (JdbcActivityStore store =
        JdbcActivityStore.builder()
            .jdbcUrl("jdbc:h2:tcp://127.0.0.1:" + port + "/activitylog")
            .connectionTimeout(Duration.ofMillis(500))
            .clock(clock)
            .build()) {
      List<Activity> acknowledged = writeSome(store);

      server.stop();
      expectUnavailable(store);

      server = Server.createTcpServer(args).start();
      awaitRecovery(store);
      assertNothingLost(store, acknowledged);
    } finally {
      server.stop();
    }
  }

  /** If this fails, check that HikariCP drops connections the server closed and reconnects. */
  @Test
  @DisplayName("PostgreSQL: the server stopped with pg_ctl and started again")
  void postgresRestart() throws Exception {
    String pgCtl = System.getenv("ACTIVITYLOG_TEST_PG_CTL");
    String pgData = System.getenv("ACTIVITYLOG_TEST_PG_DATA");
    if (pgCtl == null || pgData == null) {
      String how =
          "the PostgreSQL outage test stops and starts the server: run `bash .ci/run`, which"
              + " sets ACTIVITYLOG_TEST_PG_CTL and ACTIVITYLOG_TEST_PG_DATA";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + how);
      }
      Assumptions.abort(how);
    }
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "outage");
        JdbcActivityStore store =
            db.builder().connectionTimeout(Duration.ofMillis(500)).clock(clock).build()) {
      List<Activity> acknowledged = writeSome(store);
      try {
        pgCtl(pgCtl, "stop", "-D", pgData, "-m", "fast", "-w", "-t", "60");
        expectUnavailable(store);
      } finally {
        pgCtl(
            pgCtl,
            "start",
            "-D",
            pgData,
            "-w",
            "-t",
            "60",
            "-l",
            Path.of(pgData).resolveSibling("restart.log").toString());
      }
      awaitRecovery(store);
      assertNothingLost(store, acknowledged);
    }
  }

  private List<Activity> writeSome(JdbcActivityStore store) {
    List<Activity> acknowledged = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      acknowledged.add(store.activities().insert(data.any()));
    }
    acknowledged.addAll(store.activities().insertAll(List.of(data.any(), data.any())));
    return acknowledged;
  }

  private void expectUnavailable(JdbcActivityStore store) {
    List<Supplier<?>> calls =
        List.of(
            () -> store.activities().insert(data.any()),
            () -> store.activities().list(query(), PageRequest.DEFAULT, Sort.DEFAULT),
            () -> store.activities().count(query()),
            () -> store.follows().following(data.user().ref()));
    for (Supplier<?> call : calls) {
      assertThatThrownBy(call::get)
          .isInstanceOfSatisfying(
              StoreUnavailableException.class,
              e -> assertThat(e.reason()).isEqualTo(StoreUnavailableException.Reason.UNREACHABLE))
          .hasMessageNotContaining("jdbc:");
    }
  }

  private void awaitRecovery(JdbcActivityStore store) throws InterruptedException {
    long deadline = System.nanoTime() + RECOVERY.toNanos();
    StoreUnavailableException last = null;
    while (System.nanoTime() < deadline) {
      try {
        store.activities().count(query());
        return;
      } catch (StoreUnavailableException e) {
        last = e;
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
    throw new AssertionError("the store did not recover within " + RECOVERY, last);
  }

  private void assertNothingLost(JdbcActivityStore store, List<Activity> acknowledged) {
    for (Activity a : acknowledged) {
      assertThat(store.activities().findById(a.id())).as("acknowledged %s", a.uid()).contains(a);
    }
    Activity after = store.activities().insert(data.any());
    assertThat(store.activities().count(query()))
        .as("activities written and acknowledged, before and after the outage")
        .isEqualTo(acknowledged.size() + 1L);
    assertThat(store.activities().findByUid(after.workspaceGroupId(), after.uid())).contains(after);
  }

  private ActivityQuery query() {
    return data.query().build();
  }

  private static void pgCtl(String pgCtl, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    String osUser = System.getenv("ACTIVITYLOG_TEST_PG_OS_USER");
    if (osUser != null && !osUser.isBlank()) {
      command.addAll(List.of("runuser", "-u", osUser, "--"));
    }
    command.add(pgCtl);
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("pg_ctl " + args[0] + " did not finish in 90 s");
    }
    String output = new String(p.getInputStream().readAllBytes());
    if (p.exitValue() != 0) {
      throw new AssertionError("pg_ctl " + args[0] + " failed: " + output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
