package org.activitylog.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.activitylog.benchmarks.BenchmarkOptions.Part;
import org.activitylog.benchmarks.data.SyntheticActivities;
import org.activitylog.benchmarks.db.BenchDatabase;
import org.activitylog.benchmarks.db.RawActivityReader;
import org.activitylog.benchmarks.db.RawActivityWriter;
import org.activitylog.benchmarks.db.RawJson;
import org.activitylog.benchmarks.db.RawSql;
import org.activitylog.benchmarks.harness.Report;
import org.activitylog.benchmarks.harness.RoundRunner;
import org.activitylog.benchmarks.harness.Summary;
import org.activitylog.benchmarks.scenarios.Bench;
import org.activitylog.benchmarks.scenarios.FacadeScenarios;
import org.activitylog.benchmarks.scenarios.InsertScenarios;
import org.activitylog.benchmarks.scenarios.QueryScenarios;
import org.activitylog.benchmarks.scenarios.RecorderScenarios;
import org.activitylog.benchmarks.scenarios.ScaleScenarios;
import org.activitylog.jdbc.Dialect;
import org.activitylog.jdbc.JdbcActivityStore;

/**
 * Runs the benchmarks of BENCHMARKS.md: on an H2 file database and, when given a URL, on
 * PostgreSQL; prints the results as Markdown and writes them to a file. {@code scripts/bench.sh}
 * builds it, starts a private PostgreSQL and runs it.
 */
public final class Benchmarks {
  private static final long SEED = 20_260_101L;

  private final BenchmarkOptions options;
  private final Report report = new Report(System.out);
  private final Summary summary = new Summary();
  private final PrintStream progress = System.err;
  private final SyntheticActivities data = new SyntheticActivities(SEED, Instant.now());
  private final RoundRunner runner;

  private Benchmarks(BenchmarkOptions options) {
    this.options = options;
    this.runner =
        new RoundRunner(options.warmups(), options.rounds(), options.roundTime(), 3, progress);
  }

  /**
   * Runs the benchmarks.
   *
   * @param args see {@link BenchmarkOptions#USAGE}
   * @throws Exception when a database fails
   */
  public static void main(String[] args) throws Exception {
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.print(BenchmarkOptions.USAGE);
      return;
    }
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args, System.getenv("ACTIVITYLOG_BENCH_PG_URL"));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(BenchmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    new Benchmarks(options).run();
  }

  private void run() throws Exception {
    long start = System.nanoTime();
    report.heading(2, "Results of " + DateTimeFormatter.ISO_INSTANT.format(now()));
    report.paragraph(machine());
    report.paragraph(
        String.format(
            Locale.ROOT,
            "Mode: %s; %d warm-up and %d measured rounds of %d ms per contender; contenders"
                + " alternate within each round.",
            options.quick() ? "quick" : "full",
            options.warmups(),
            options.rounds(),
            options.roundTime().toMillis()));
    if (!options.skipH2() && !options.scaleOnly()) {
      Path dir = options.h2Directory();
      boolean temporary = dir == null;
      Path h2 = dir == null ? Files.createTempDirectory("activitylog-bench-h2") : dir;
      try {
        deleteH2Files(h2);
        String url = "jdbc:h2:file:" + h2.toAbsolutePath().resolve("activitylog");
        runOn("H2 file", Dialect.H2, url);
      } finally {
        if (temporary) {
          deleteTree(h2);
        } else {
          deleteH2Files(h2);
        }
      }
    }
    if (options.postgresUrl() != null) {
      runOn("PostgreSQL", Dialect.POSTGRESQL, options.postgresUrl());
    } else {
      report.paragraph(
          "PostgreSQL was skipped: pass `--pg-url=` or set `ACTIVITYLOG_BENCH_PG_URL`, or run"
              + " `scripts/bench.sh`, which starts a private server.");
    }
    report.heading(3, "Targets");
    summary.writeTo(report);
    report.paragraph(
        String.format(Locale.ROOT, "Total run time: %.0f s.", (System.nanoTime() - start) / 1e9));
    report.writeTo(options.output());
    progress.println("results written to " + options.output().toAbsolutePath());
  }

  private void runOn(String name, Dialect dialect, String url) throws Exception {
    progress.println("== " + name);
    try (BenchDatabase db = BenchDatabase.open(name, dialect, url);
        JdbcActivityStore store = JdbcActivityStore.builder().dataSource(db.pool()).build()) {
      report.heading(2, name);
      report.paragraph(describe(db) + " " + loadAverage("at the start"));
      RawSql sql = new RawSql(dialect);
      RawJson json = new RawJson();
      Bench bench =
          new Bench(
              options,
              db,
              store,
              new RawActivityWriter(db.pool(), sql, json),
              new RawActivityReader(db.pool(), sql, json),
              data,
              runner,
              report,
              summary,
              progress);
      if (options.runs(Part.INSERTS)) {
        new InsertScenarios(bench).run();
      }
      if (options.runs(Part.FACADE)) {
        new FacadeScenarios(bench).run();
      }
      if (options.runs(Part.RECORDER)) {
        new RecorderScenarios(bench).run();
      }
      if (options.runs(Part.QUERIES)) {
        new QueryScenarios(bench).run();
      }
      if (options.runs(Part.SCALE)) {
        if (dialect == Dialect.POSTGRESQL) {
          new ScaleScenarios(bench).run();
        } else {
          report.paragraph("The scale scenario (issue 11) runs on PostgreSQL only.");
        }
      }
      report.paragraph(loadAverage(name + " done"));
    }
  }

  private static String describe(BenchDatabase db) throws SQLException {
    try (Connection c = db.pool().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      StringBuilder s = new StringBuilder();
      s.append(meta.getDatabaseProductName())
          .append(' ')
          .append(meta.getDatabaseProductVersion())
          .append(", driver ")
          .append(meta.getDriverName())
          .append(' ')
          .append(meta.getDriverVersion())
          .append(
              ". Schema from the library's own migrations; one HikariCP pool of 4"
                  + " connections shared by the library (as its host DataSource) and the raw JDBC"
                  + " code.");
      if (db.dialect() == Dialect.POSTGRESQL) {
        List<String> settings = new ArrayList<>();
        try (Statement st = c.createStatement()) {
          for (String name :
              List.of("fsync", "synchronous_commit", "full_page_writes", "shared_buffers")) {
            try (ResultSet rs = st.executeQuery("SHOW " + name)) {
              rs.next();
              settings.add(name + "=" + rs.getString(1));
            }
          }
        }
        s.append(" Server settings: ").append(String.join(", ", settings)).append('.');
      }
      return s.toString();
    }
  }

  /**
   * The machine's load averages, which say how much other work shared the cores: the benchmark's
   * two cores are shared, and a busy neighbour slows both contenders but not always alike.
   */
  private static String loadAverage(String when) {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return "Load average " + when + ": " + parts[0] + " " + parts[1] + " " + parts[2] + ".";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String machine() {
    String cpu = "unknown CPU";
    String memory = "";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .findFirst()
              .orElse(cpu);
      memory =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal"))
              .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB RAM, ")
              .findFirst()
              .orElse("");
    } catch (IOException | RuntimeException e) {
      // Not Linux: the JVM's own figures below still say enough.
    }
    return String.format(
        Locale.ROOT,
        "Machine: %s, %d cores visible to the JVM, %s%s %s; Java %s (%s), max heap %d MiB.",
        cpu,
        Runtime.getRuntime().availableProcessors(),
        memory,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().maxMemory() / 1024 / 1024);
  }

  private static Instant now() {
    return Instant.now().atOffset(ZoneOffset.UTC).toInstant();
  }

  private static void deleteH2Files(Path dir) throws IOException {
    for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db")) {
      Files.deleteIfExists(dir.resolve("activitylog" + suffix));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
