package org.activitylog.jdbc.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityLogException;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Sort;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.spi.ActivityStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Acknowledged means durable: a child JVM ({@link CrashWriter}) writes through the synchronous
 * recorder and the facade from several threads and prints each acknowledged uid; this test kills it
 * with SIGKILL at a random moment, reopens the store and checks that every uid acknowledged so far
 * (over all kills of the series, on one database) is stored exactly once, found by uid, listed and
 * counted, and that the store opens cleanly.
 *
 * <p>{@code -Dactivitylog.crash.kills=N} changes the number of kills (default 10) and {@code
 * -Dactivitylog.crash.h2=fast} (or {@code delay0}) runs the H2 series with the non-durable opt-out,
 * to measure what it loses; {@code -Dactivitylog.crash.threads=N} changes the writing threads
 * (default 4).
 */
class CrashRecoveryTest {
  private static final int KILLS = Integer.getInteger("activitylog.crash.kills", 10);
  private static final int THREADS = Integer.getInteger("activitylog.crash.threads", 4);

  @Test
  void h2FileKeepsEveryAcknowledgedWrite(TestReporter reporter) throws Exception {
    String mode = System.getProperty("activitylog.crash.h2", "durable");
    Path dir = Files.createTempDirectory(Path.of("target"), "crash-h2-").toAbsolutePath();
    {
      Series s =
          run(
              () -> List.of("h2", dir.toString(), mode),
              () -> CrashSettings.h2(dir, mode).build(),
              reporter);
      assertThat(s.problems).as("H2 file, %s: %s", mode, s.summary()).isEmpty();
      // Kept when the test fails, for a look at the damaged file.
      deleteTree(dir);
    }
  }

  @Test
  void postgresKeepsEveryAcknowledgedWrite(TestReporter reporter) throws Exception {
    String url = System.getenv("ACTIVITYLOG_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      url = System.getProperty("activitylog.test.pg.url", "");
    }
    Assumptions.assumeFalse(url.isBlank(), "needs ACTIVITYLOG_TEST_PG_URL");
    String pgUrl = url;
    String schema = "crash_" + UUID.randomUUID().toString().substring(0, 8);
    try {
      Series s =
          run(
              () -> List.of("pg", pgUrl, schema),
              () -> JdbcActivityStore.builder().jdbcUrl(pgUrl).schema(schema).build(),
              reporter);
      assertThat(s.problems).as("PostgreSQL: %s", s.summary()).isEmpty();
    } finally {
      try (Connection c = DriverManager.getConnection(pgUrl);
          Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  interface Opener {
    JdbcActivityStore open();
  }

  interface Args {
    List<String> get();
  }

  /** What a series of kills found. */
  static final class Series {
    final List<String> problems = new ArrayList<>();
    final List<Integer> lostPerKill = new ArrayList<>();
    int acknowledged;

    String summary() {
      return KILLS
          + " kills, "
          + acknowledged
          + " acknowledged, lost per kill "
          + lostPerKill
          + ", problems "
          + problems;
    }
  }

  private static Series run(Args args, Opener opener, TestReporter reporter) throws Exception {
    Series series = new Series();
    Set<UUID> acked = new LinkedHashSet<>();
    for (int kill = 0; kill < KILLS; kill++) {
      List<String> lines = runAndKill(args.get(), kill);
      int before = acked.size();
      for (String line : lines) {
        if (line.startsWith("ack ") && line.length() == 40) {
          acked.add(UUID.fromString(line.substring(4)));
        } else if (line.startsWith("error ")) {
          series.problems.add("kill " + kill + ": the child failed a write: " + line);
        }
      }
      series.acknowledged = acked.size();
      int lost;
      try (JdbcActivityStore store = opener.open()) {
        lost = check(store, acked, kill, series.problems);
      } catch (ActivityLogException e) {
        series.problems.add("kill " + kill + ": the store did not open: " + causes(e));
        lost = -1;
      }
      series.lostPerKill.add(lost);
      report(
          reporter, "kill " + kill, (acked.size() - before) + " acknowledged, " + lost + " lost");
      if (lost != 0) {
        // Later kills would count the same losses again.
        acked.clear();
        if (lost < 0) {
          break;
        }
      }
    }
    report(reporter, "series", series.summary());
    return series;
  }

  /** Counts the acknowledged uids that are missing, and notes every other inconsistency. */
  private static int check(ActivityStore store, Set<UUID> acked, int kill, List<String> problems) {
    Map<UUID, Integer> listed = new HashMap<>();
    try (Stream<Activity> all = store.activities().scan(ActivityQuery.ALL, Sort.DEFAULT, 1000)) {
      all.forEach(a -> listed.merge(a.uid(), 1, Integer::sum));
    }
    long listedRows = listed.values().stream().mapToLong(Integer::longValue).sum();
    long counted = store.activities().count(ActivityQuery.ALL);
    if (counted != listedRows) {
      problems.add("kill " + kill + ": count says " + counted + ", the listing has " + listedRows);
    }
    int lost = 0;
    for (UUID uid : acked) {
      int times = listed.getOrDefault(uid, 0);
      boolean found = store.activities().findByUid(CrashWriter.WORKSPACE, uid).isPresent();
      if (times == 0 && !found) {
        lost++;
      } else if (times != 1 || !found) {
        problems.add(
            "kill " + kill + ": " + uid + " listed " + times + " times, found by uid " + found);
      }
    }
    if (lost > 0) {
      problems.add("kill " + kill + ": " + lost + " of " + acked.size() + " acknowledged lost");
    }
    return lost;
  }

  /** Starts the writer, waits until it writes, kills it at a random moment, returns its output. */
  private static List<String> runAndKill(List<String> args, int kill) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(childClassPath());
    command.add(CrashWriter.class.getName());
    command.addAll(args);
    command.add(Integer.toString(THREADS));
    Path log = Path.of("target", "crash-writer-" + kill + ".log");
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile())).start();
    List<String> lines = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    reader.start();
    synchronized (lines) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (lines.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
        lines.wait(100);
      }
    }
    assertThat(lines).as("the writer started (see %s)", log).startsWith("ready");
    Thread.sleep(ThreadLocalRandom.current().nextLong(300, 1500));
    // SIGKILL on Linux: no shutdown hook, no finally block, no buffered write of the child runs.
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(30_000);
    synchronized (lines) {
      return new ArrayList<>(lines);
    }
  }

  /** Surefire keeps standard output (in target/surefire-reports), not the reporter's entries. */
  private static void report(TestReporter reporter, String key, String value) {
    reporter.publishEntry(key, value);
    System.out.println(key + ": " + value);
  }

  private static String causes(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(b.length() == 0 ? "" : " <- ").append(t);
    }
    return b.toString();
  }

  private static String childClassPath() {
    String cp = System.getProperty("java.class.path", "");
    String mp = System.getProperty("jdk.module.path", "");
    return mp.isEmpty() ? cp : cp + File.pathSeparator + mp;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }
}
