package org.activitylog.jdbc.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.RecorderListener;
import org.activitylog.recorder.RecorderMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures how soon the asynchronous recorder, with its default settings on a store with default
 * settings, stores a batch again after PostgreSQL comes back from an outage under a steady load. A
 * measurement, not a test: it asserts only that nothing was lost, and prints the figures for
 * BENCHMARKS.md. Runs with {@code -Dactivitylog.measure.recovery=RUNS} on the cluster of {@code
 * .ci/postgres.sh}; {@code -Dactivitylog.measure.outage=SECONDS} sets the outage (30 s).
 */
@EnabledIfSystemProperty(named = "activitylog.measure.recovery", matches = "[1-9][0-9]*")
class RecoveryMeasurement {
  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void recoveryAfterPostgresOutage() throws Exception {
    int runs = Integer.getInteger("activitylog.measure.recovery");
    int outageSeconds = Integer.getInteger("activitylog.measure.outage", 30);
    String url = RecorderDatabase.configuredPostgresUrl();
    String schema = "t_recovery_" + UUID.randomUUID().toString().substring(0, 8);
    List<Double> seconds = new ArrayList<>();
    AtomicLong lastStoredNanos = new AtomicLong();
    RecorderListener listener =
        new RecorderListener() {
          @Override
          public void onBatchStored(int size, Duration latency) {
            lastStoredNanos.set(System.nanoTime());
          }
        };
    long workspace = ThreadLocalRandom.current().nextLong(1_000_000L, 1L << 52);
    UserSimple actor = UserSimple.of(workspace, "recovery", "recovery@example.com");
    try (JdbcActivityStore store = JdbcActivityStore.builder().jdbcUrl(url).schema(schema).build();
        ActivityRecorder recorder =
            ActivityRecorder.builder(store).listener(listener).closeTimeout(WAIT).build()) {
      AtomicBoolean running = new AtomicBoolean(true);
      Thread load =
          new Thread(
              () -> {
                for (int i = 0; running.get(); i++) {
                  recorder.record(
                      NewActivity.builder(ActivityType.USER_LOGIN, actor)
                          .workspaceGroupId(workspace)
                          .text("steady " + i)
                          .build());
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "steady-load");
      load.start();
      try {
        for (int run = 1; run <= runs; run++) {
          Thread.sleep(2_000);
          pgCtl("-m", "fast", "-w", "-t", "60", "stop");
          Thread.sleep(TimeUnit.SECONDS.toMillis(outageSeconds));
          String log =
              Path.of(System.getenv("ACTIVITYLOG_TEST_PG_DATA"))
                  .getParent()
                  .resolve("recovery.log")
                  .toString();
          pgCtl("-l", log, "-w", "-t", "60", "start");
          long back = System.nanoTime();
          long deadline = back + WAIT.toNanos();
          while (lastStoredNanos.get() < back) {
            assertThat(System.nanoTime())
                .as("no batch stored after the restart")
                .isLessThan(deadline);
            Thread.sleep(5);
          }
          double s = (lastStoredNanos.get() - back) / 1e9;
          seconds.add(s);
          System.out.printf(
              "[recovery] run %d: first batch stored %.2f s after pg_ctl start%n", run, s);
        }
      } finally {
        running.set(false);
        load.join();
      }
      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.failed()).as("failed, in %s", m).isZero();
      assertThat(m.droppedTotal()).as("dropped, in %s", m).isZero();
      assertThat(m.stored()).isEqualTo(m.accepted());
      List<Double> sorted = new ArrayList<>(seconds);
      Collections.sort(sorted);
      double median =
          sorted.size() % 2 == 1
              ? sorted.get(sorted.size() / 2)
              : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
      System.out.printf(
          "[recovery] outage %d s, %d runs: median %.2f s, max %.2f s, all %s; accepted=%d stored=%d%n",
          outageSeconds,
          runs,
          median,
          sorted.get(sorted.size() - 1),
          seconds,
          m.accepted(),
          m.stored());
    } finally {
      try (var c = java.sql.DriverManager.getConnection(url);
          var s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  private static void pgCtl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    String osUser = System.getenv("ACTIVITYLOG_TEST_PG_OS_USER");
    if (osUser != null && !osUser.isBlank()) {
      command.addAll(List.of("runuser", "-u", osUser, "--"));
    }
    command.add(System.getenv("ACTIVITYLOG_TEST_PG_CTL"));
    command.addAll(List.of("-D", System.getenv("ACTIVITYLOG_TEST_PG_DATA")));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("pg_ctl %s ended", List.of(args)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("pg_ctl %s: %s", List.of(args), output).isZero();
  }
}
