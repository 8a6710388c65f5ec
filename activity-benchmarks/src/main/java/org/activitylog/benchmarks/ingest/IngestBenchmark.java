package org.activitylog.benchmarks.ingest;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.activitylog.api.NewActivity;
import org.activitylog.benchmarks.data.SyntheticActivities;
import org.activitylog.jdbc.JdbcActivityStore;

/**
 * Issue 11's ingest benchmark: the library's batch insert ({@code insertAll}) against the exact
 * insert-if-absent techniques of {@link IngestTechniques} on the library's own PostgreSQL schema,
 * in the same run. Each measurement inserts the same rows into the emptied table in batches of one
 * size; contenders take turns within each round, in an order that rotates from round to round.
 * Prints a Markdown table of median rows per second and writes it to a file.
 *
 * <pre>
 * java -cp 'activity-benchmarks/target/classes:activity-benchmarks/target/lib/*' \
 *   org.activitylog.benchmarks.ingest.IngestBenchmark --pg-url=URL [--rows=50000] [--rounds=5]
 *   [--batches=100,500,1000] [--out=FILE]
 * </pre>
 */
public final class IngestBenchmark {
  private static final String SCHEMA = "ingest_bench";
  private static final long SEED = 20_261_206L;

  /** One way to insert a batch; answers how many rows it inserted. */
  @FunctionalInterface
  private interface Technique {
    long insert(List<NewActivity> batch) throws Exception;
  }

  private IngestBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code --pg-url=URL} (or {@code ACTIVITYLOG_BENCH_PG_URL}), {@code --rows=N},
   *     {@code --rounds=N}, {@code --warmups=N}, {@code --batches=A,B,C}, {@code --out=FILE}
   * @throws Exception when the database fails
   */
  public static void main(String[] args) throws Exception {
    String url = System.getenv("ACTIVITYLOG_BENCH_PG_URL");
    int rows = 50_000;
    int rounds = 5;
    int warmups = 1;
    int[] batches = {100, 500, 1000};
    Path out = Path.of("target", "ingest-results.md");
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--pg-url=")) {
        url = value;
      } else if (arg.startsWith("--rows=")) {
        rows = Integer.parseInt(value.replace("_", ""));
      } else if (arg.startsWith("--rounds=")) {
        rounds = Integer.parseInt(value);
      } else if (arg.startsWith("--warmups=")) {
        warmups = Integer.parseInt(value);
      } else if (arg.startsWith("--batches=")) {
        batches = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
      } else if (arg.startsWith("--out=")) {
        out = Path.of(value);
      } else {
        System.err.println("unknown argument " + arg);
        System.exit(2);
      }
    }
    if (url == null || url.isBlank()) {
      System.err.println("pass --pg-url=jdbc:postgresql://... or set ACTIVITYLOG_BENCH_PG_URL");
      System.exit(2);
      return;
    }
    run(url, rows, rounds, warmups, batches, out);
  }

  private static void run(String url, int rows, int rounds, int warmups, int[] batches, Path out)
      throws Exception {
    StringBuilder report = new StringBuilder();
    String separator = url.contains("?") ? "&" : "?";
    try (HikariDataSource plain = pool(url, "ingest-plain");
        HikariDataSource rewrite =
            pool(url + separator + "reWriteBatchedInserts=true", "ingest-rewrite")) {
      execute(plain, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      execute(plain, "CREATE SCHEMA " + SCHEMA);
      try (JdbcActivityStore store =
          JdbcActivityStore.builder().dataSource(plain).schema(SCHEMA).build()) {
        IngestTechniques raw = new IngestTechniques(SCHEMA);
        Map<String, Technique> techniques = new LinkedHashMap<>();
        techniques.put("library insertAll", b -> store.activities().insertAll(b).size());
        techniques.put(
            "(a) COPY to staging + INSERT … SELECT", b -> on(plain, c -> raw.copy(c, b)));
        techniques.put(
            "(b) INSERT … SELECT FROM unnest(arrays)", b -> on(plain, c -> raw.unnest(c, b)));
        techniques.put(
            "(c) JDBC batch, reWriteBatchedInserts=true",
            b -> on(rewrite, c -> raw.batchLoop(c, b)));
        techniques.put(
            "(d) JDBC batch of the one-row statement", b -> on(plain, c -> raw.batchLoop(c, b)));
        List<NewActivity> data = data(rows);
        report
            .append("## Ingest on PostgreSQL (issue 11), ")
            .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
            .append("\n\n")
            .append(describe(plain))
            .append(' ')
            .append(loadAverage("at the start"))
            .append("\n\n")
            .append(
                String.format(
                    Locale.ROOT,
                    "%,d rows (UUIDv7 uids, ~60-character text, ~150-byte JSON resource) inserted"
                        + " into the emptied table (TRUNCATE before each measurement) per"
                        + " measurement; %d warm-up and %d measured rounds; every technique"
                        + " commits each batch and reads back the generated ids.%n%n",
                    rows,
                    warmups,
                    rounds));
        List<String> names = new ArrayList<>(techniques.keySet());
        Map<String, Map<Integer, List<Double>>> rates = new LinkedHashMap<>();
        StringBuilder raws = new StringBuilder("Raw rows/s per measured round:\n\n```\n");
        for (int round = 0; round < warmups + rounds; round++) {
          boolean measured = round >= warmups;
          for (int batch : batches) {
            for (int k = 0; k < names.size(); k++) {
              String name = names.get((k + round) % names.size());
              execute(plain, "TRUNCATE " + SCHEMA + ".activitylog_activity RESTART IDENTITY");
              double rate = measure(Objects.requireNonNull(techniques.get(name)), data, batch);
              System.err.printf(
                  Locale.ROOT,
                  "%s round %d batch %d %-45s %,10.0f rows/s%n",
                  measured ? "measured" : "warm-up",
                  round,
                  batch,
                  name,
                  rate);
              if (measured) {
                rates
                    .computeIfAbsent(name, n -> new LinkedHashMap<>())
                    .computeIfAbsent(batch, n -> new ArrayList<>())
                    .add(rate);
                raws.append(
                    String.format(
                        Locale.ROOT, "round %d batch %4d %-45s %8.0f%n", round, batch, name, rate));
              }
            }
          }
        }
        raws.append("```\n");
        table(report, names, rates, batches);
        report.append(loadAverage("at the end")).append("\n\n").append(raws);
      } finally {
        execute(plain, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      }
    }
    System.out.print(report);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, report.toString());
    System.err.println("results written to " + out.toAbsolutePath());
  }

  private static double measure(Technique technique, List<NewActivity> data, int batch)
      throws Exception {
    long inserted = 0;
    long start = System.nanoTime();
    for (int from = 0; from < data.size(); from += batch) {
      inserted += technique.insert(data.subList(from, Math.min(data.size(), from + batch)));
    }
    long nanos = System.nanoTime() - start;
    if (inserted != data.size()) {
      throw new IllegalStateException("inserted " + inserted + " of " + data.size() + " rows");
    }
    return data.size() / (nanos / 1e9);
  }

  private static void table(
      StringBuilder report,
      List<String> names,
      Map<String, Map<Integer, List<Double>>> rates,
      int[] batches) {
    report.append("Median rows/s (min–max over the measured rounds):\n\n| technique |");
    for (int b : batches) {
      report.append(" batch ").append(b).append(" |");
    }
    report.append("\n|---|");
    for (int b : batches) {
      report.append("---|");
    }
    report.append('\n');
    Map<Integer, Double> fastest = new LinkedHashMap<>();
    for (int b : batches) {
      double best = 0;
      for (String n : names.subList(1, names.size())) {
        best = Math.max(best, median(rates(rates, n, b)));
      }
      fastest.put(b, best);
    }
    for (String n : names) {
      report.append("| ").append(n).append(" |");
      for (int b : batches) {
        List<Double> r = rates(rates, n, b);
        report.append(
            String.format(
                Locale.ROOT,
                " %,.0f (%,.0f–%,.0f) |",
                median(r),
                r.stream().mapToDouble(d -> d).min().orElse(0),
                r.stream().mapToDouble(d -> d).max().orElse(0)));
      }
      report.append('\n');
    }
    report.append("| library ÷ fastest exact technique |");
    for (int b : batches) {
      report.append(
          String.format(
              Locale.ROOT,
              " %.2fx |",
              median(rates(rates, names.get(0), b)) / Objects.requireNonNull(fastest.get(b))));
    }
    report.append("\n\n");
    report.append(
        "Library ÷ technique, median of the per-round ratios (each ratio compares two"
            + " measurements of one round, taken minutes apart at most, so it moves less with the"
            + " machine's load than the ratio of medians above):\n\n| library ÷ |");
    for (int b : batches) {
      report.append(" batch ").append(b).append(" |");
    }
    report.append("\n|---|");
    for (int b : batches) {
      report.append("---|");
    }
    report.append('\n');
    for (String n : names.subList(1, names.size())) {
      report.append("| ").append(n).append(" |");
      for (int b : batches) {
        List<Double> library = rates(rates, names.get(0), b);
        List<Double> other = rates(rates, n, b);
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < library.size(); r++) {
          ratios.add(library.get(r) / other.get(r));
        }
        report.append(String.format(Locale.ROOT, " %.2fx |", median(ratios)));
      }
      report.append('\n');
    }
    report.append("\n");
  }

  private static List<Double> rates(
      Map<String, Map<Integer, List<Double>>> rates, String n, int b) {
    return Objects.requireNonNull(Objects.requireNonNull(rates.get(n)).get(b));
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(d -> d).sorted().toArray();
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  private static List<NewActivity> data(int rows) {
    SyntheticActivities synthetic = new SyntheticActivities(SEED, Instant.now());
    SplittableRandom random = new SplittableRandom(SEED);
    Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    List<NewActivity> data = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      data.add(synthetic.fresh(random, start.plusMillis(i)));
    }
    return data;
  }

  @FunctionalInterface
  private interface OnConnection {
    long run(Connection c) throws Exception;
  }

  private static long on(DataSource pool, OnConnection work) throws Exception {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    }
  }

  private static HikariDataSource pool(String url, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName(name);
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  private static void execute(DataSource pool, String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String describe(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      StringBuilder s =
          new StringBuilder()
              .append(c.getMetaData().getDatabaseProductName())
              .append(' ')
              .append(c.getMetaData().getDatabaseProductVersion())
              .append(", driver ")
              .append(c.getMetaData().getDriverVersion())
              .append("; server settings:");
      for (String name : List.of("fsync", "synchronous_commit", "shared_buffers")) {
        try (ResultSet rs = st.executeQuery("SHOW " + name)) {
          rs.next();
          s.append(' ').append(name).append('=').append(rs.getString(1));
        }
      }
      return s.append(
              String.format(
                  Locale.ROOT,
                  "; Java %s, %d cores visible.",
                  System.getProperty("java.version"),
                  Runtime.getRuntime().availableProcessors()))
          .toString();
    }
  }

  private static String loadAverage(String when) {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return "Load average " + when + ": " + parts[0] + " " + parts[1] + " " + parts[2] + ".";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
