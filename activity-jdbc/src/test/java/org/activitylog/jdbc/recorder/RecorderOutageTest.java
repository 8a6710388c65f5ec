package org.activitylog.jdbc.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.activitylog.core.ActivityLog;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.Receipt;
import org.activitylog.recorder.RecorderMetrics;
import org.activitylog.recorder.RetryPolicy;
import org.activitylog.spi.ActivityStore;
import org.h2.tools.Server;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The recorder writing into a real database that goes away mid-run and comes back: an H2 server
 * stopped and started again, and the PostgreSQL server of {@code .ci/run} stopped and restarted
 * with {@code pg_ctl}. Activities recorded before, during and after the outage are all stored, each
 * once, with no restart of the recorder or the store.
 */
class RecorderOutageTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int EACH_PHASE = 100;

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final long workspace = ThreadLocalRandom.current().nextLong(1_000_000L, 1L << 52);
  private final UserSimple actor =
      UserSimple.of(workspace, "outage_" + workspace, "outage" + workspace + "@example.com");

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  /** Patient enough for a database restart: up to 200 attempts, waits of 20 ms to 250 ms. */
  private ActivityRecorder recorder(ActivityStore store) {
    ActivityRecorder recorder =
        ActivityRecorder.builder(store)
            .batchSize(50)
            .linger(Duration.ZERO)
            .retry(new RetryPolicy(200, Duration.ofMillis(20), Duration.ofMillis(250)))
            .closeTimeout(WAIT)
            .build();
    toClose.add(recorder);
    return recorder;
  }

  private List<Receipt> recordPhase(ActivityRecorder recorder, String phase) {
    List<Receipt> receipts = new ArrayList<>();
    for (int i = 0; i < EACH_PHASE; i++) {
      NewActivity a =
          NewActivity.builder(ActivityType.USER_LOGIN, actor)
              .workspaceGroupId(workspace)
              .text(phase + " " + i)
              .build();
      receipts.add(recorder.record(a));
    }
    return receipts;
  }

  /**
   * Records before, during and after an outage and checks that nothing was lost or doubled.
   *
   * @param goAway takes the database away
   * @param comeBack brings it back
   */
  private void survivesOutage(
      ActivityStore store, Step goAway, Step comeBack, TestReporter reporter) throws Exception {
    ActivityRecorder recorder = recorder(store);
    List<Receipt> receipts = new ArrayList<>(recordPhase(recorder, "before"));
    assertThat(recorder.flush(WAIT)).as("stored before the outage").isTrue();

    goAway.run();
    receipts.addAll(recordPhase(recorder, "during"));
    awaitRetries(recorder);
    comeBack.run();
    receipts.addAll(recordPhase(recorder, "after"));

    assertThat(recorder.flush(WAIT)).as("everything written after the database came back").isTrue();
    RecorderMetrics m = recorder.metrics();
    List<UUID> rows = storedUids(store);
    int duplicates = rows.size() - new HashSet<>(rows).size();
    String report =
        String.format(
            "accepted=%d stored=%d dropped=%d failed=%d retried=%d rows=%d duplicates=%d",
            m.accepted(),
            m.stored(),
            m.droppedTotal(),
            m.failed(),
            m.retried(),
            rows.size(),
            duplicates);
    reporter.publishEntry("recorder", report);
    System.out.println("[recorder] outage: " + report);
    assertThat(m.accepted()).isEqualTo(3L * EACH_PHASE);
    assertThat(m.accepted())
        .as("accepted = stored + dropped + failed, in %s", m)
        .isEqualTo(m.stored() + m.droppedTotal() + m.failed());
    assertThat(m.failed()).as("failed, in %s", m).isZero();
    assertThat(m.droppedTotal()).as("dropped, in %s", m).isZero();
    assertThat(duplicates).as("uids stored twice").isZero();
    assertThat(rows).hasSameElementsAs(receipts.stream().map(Receipt::uid).toList());
  }

  /** Waits until the writer has hit the outage, so that the test proves a retry happened. */
  private static void awaitRetries(ActivityRecorder recorder) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (recorder.metrics().retried() == 0) {
      assertThat(System.nanoTime()).as("the writer never saw the outage").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private List<UUID> storedUids(ActivityStore store) {
    ActivityQuery mine = ActivityQuery.builder().workspaceGroupId(workspace).build();
    try (Stream<Activity> rows =
        store.activities().scan(mine, Sort.DEFAULT, ActivityLog.DEFAULT_MAX_PAGE_SIZE)) {
      return rows.map(Activity::uid).toList();
    }
  }

  /** One step of an outage. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  @Nested
  @DisplayName("On an H2 server")
  class OnH2 {
    private @Nullable Server server;
    private int port;
    private Path baseDir;

    private void startServer() throws SQLException {
      server =
          Server.createTcpServer(
                  "-tcpPort", String.valueOf(port), "-baseDir", baseDir.toString(), "-ifNotExists")
              .start();
    }

    @Test
    @DisplayName("Stopped mid-run and started again, it loses nothing and stores nothing twice")
    void h2ServerGoesAwayAndComesBack(TestReporter reporter) throws Exception {
      baseDir = Files.createTempDirectory(Path.of("target"), "h2-outage").toAbsolutePath();
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      startServer();
      toClose.add(() -> RecorderDatabase.deleteTree(baseDir));
      toClose.add(
          () -> {
            if (server != null) {
              server.stop();
            }
          });
      ActivityStore store =
          JdbcActivityStore.builder()
              .jdbcUrl("jdbc:h2:tcp://localhost:" + port + "/activitylog")
              .connectionTimeout(Duration.ofSeconds(1))
              .build();
      toClose.add(store);

      survivesOutage(store, () -> server.stop(), this::startServer, reporter);
    }
  }

  @Nested
  @DisplayName("On the PostgreSQL server")
  class OnPostgres {
    private static final String CTL_ENV = "ACTIVITYLOG_TEST_PG_CTL";
    private static final String DATA_ENV = "ACTIVITYLOG_TEST_PG_DATA";
    private static final String OS_USER_ENV = "ACTIVITYLOG_TEST_PG_OS_USER";

    private String schema = "t_rec_outage_" + UUID.randomUUID().toString().substring(0, 8);

    private ActivityStore store(String url) {
      ActivityStore store =
          JdbcActivityStore.builder()
              .jdbcUrl(url)
              .schema(schema)
              .connectionTimeout(Duration.ofSeconds(1))
              .build();
      toClose.add(
          () -> {
            try (var c = java.sql.DriverManager.getConnection(url);
                var s = c.createStatement()) {
              s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
          });
      toClose.add(store);
      return store;
    }

    /** Runs pg_ctl on the private cluster, as the user that owns it. */
    private void pgCtl(String... args) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      String osUser = System.getenv(OS_USER_ENV);
      if (osUser != null && !osUser.isBlank()) {
        command.addAll(List.of("runuser", "-u", osUser, "--"));
      }
      command.add(System.getenv(CTL_ENV));
      command.addAll(List.of("-D", System.getenv(DATA_ENV)));
      command.addAll(List.of(args));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      boolean ended = p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(ended).as("pg_ctl %s ended", List.of(args)).isTrue();
      assertThat(p.exitValue()).as("pg_ctl %s: %s", List.of(args), output).isZero();
    }

    @Test
    @DisplayName("Stopped mid-run and restarted, it loses nothing and stores nothing twice")
    void postgresGoesAwayAndComesBack(TestReporter reporter) throws Exception {
      String url = RecorderDatabase.configuredPostgresUrl();
      String ctl = System.getenv(CTL_ENV);
      String data = System.getenv(DATA_ENV);
      if (ctl == null || ctl.isBlank() || data == null || data.isBlank()) {
        String how =
            "the outage test stops and restarts the server, so it needs the private cluster of"
                + " `bash .ci/run` ("
                + CTL_ENV
                + " and "
                + DATA_ENV
                + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          fail("CI=true but " + how);
        }
        Assumptions.abort(how);
      }
      String log = Path.of(data).getParent().resolve("postgres-restart.log").toString();
      ActivityStore store = store(url);

      survivesOutage(
          store,
          () -> pgCtl("-m", "fast", "-w", "-t", "60", "stop"),
          () -> pgCtl("-l", log, "-w", "-t", "60", "start"),
          reporter);
    }
  }
}
