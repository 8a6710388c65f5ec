package org.activitylog.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a run measures and how long it takes, from the command line.
 *
 * @param quick the short mode: a tenth of the rows and shorter rounds
 * @param parts which groups of scenarios run
 * @param h2Directory where the H2 file database goes; null for a temporary directory removed at the
 *     end; the H2 benchmarks are skipped when {@code skipH2}
 * @param skipH2 whether to leave H2 out
 * @param postgresUrl the JDBC URL of an empty PostgreSQL database, credentials included; null to
 *     leave PostgreSQL out
 * @param rows how many activities the query benchmarks load
 * @param warmups rounds run and thrown away before the measured ones
 * @param rounds rounds measured
 * @param roundTime how long each contender works in a round
 * @param output the Markdown results file
 */
public record BenchmarkOptions(
    boolean quick,
    Set<Part> parts,
    @Nullable Path h2Directory,
    boolean skipH2,
    @Nullable String postgresUrl,
    long rows,
    int warmups,
    int rounds,
    Duration roundTime,
    Path output) {

  /** The groups of scenarios. */
  public enum Part {
    /** Issue 3: single and batched inserts. */
    INSERTS,
    /** Issue 3: pages, keyset pages and counts over the loaded data set. */
    QUERIES,
    /** Issue 5: the recorder's latency and throughput. */
    RECORDER,
    /** Issue 10: the facade's record and update (PUT), next to the repository's. */
    FACADE,
    /**
     * Issue 11: loads, reads and purges at scale on PostgreSQL only, unpartitioned and partitioned;
     * run only when asked for by name, never as part of "all".
     */
    SCALE
  }

  /** The rows the scale scenario loads when {@code --rows} is not given: ten million. */
  public static final long SCALE_ROWS = 10_000_000;

  /** The usage text. */
  public static final String USAGE =
      """
      usage: java -cp ... org.activitylog.benchmarks.Benchmarks [options]
        --help               this text
        --quick              100,000 rows, 1 warm-up and 3 rounds of 0.2 s
                             (default: 1,000,000 rows, 3 warm-ups and 5 rounds of 0.5 s)
        --only=PARTS         comma-separated: inserts, queries, recorder, facade (default: all
                             four), or scale (issue 11, PostgreSQL only, never part of the
                             default; loads three tables of --rows rows, 10,000,000 by default)
        --rows=N             rows loaded for the query (and scale) benchmarks
        --rounds=N           measured rounds per comparison
        --h2-dir=DIR         where the H2 file database goes (default: a temporary directory)
        --no-h2              skip H2
        --pg-url=URL         JDBC URL of an empty PostgreSQL database (default: $ACTIVITYLOG_BENCH_PG_URL;
                             PostgreSQL is skipped when neither is set)
        --out=FILE           results in Markdown (default: target/bench-results.md)
      """;

  /**
   * Parses the command line.
   *
   * @param args the arguments
   * @param environmentPgUrl the PostgreSQL URL from the environment, or null
   * @throws IllegalArgumentException naming the argument that is wrong
   */
  public static BenchmarkOptions parse(String[] args, @Nullable String environmentPgUrl) {
    boolean quick = false;
    Set<Part> parts = EnumSet.complementOf(EnumSet.of(Part.SCALE));
    Path h2 = null;
    boolean skipH2 = false;
    String pg = environmentPgUrl == null || environmentPgUrl.isBlank() ? null : environmentPgUrl;
    Long rows = null;
    Integer rounds = null;
    Path out = Path.of("target", "bench-results.md");
    for (String arg : args) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      switch (name) {
        case "--quick" -> quick = true;
        case "--only" -> {
          parts = EnumSet.noneOf(Part.class);
          for (String p : value.split(",")) {
            try {
              parts.add(Part.valueOf(p.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException(
                  "--only takes inserts, queries, recorder, facade and scale; was \""
                      + value
                      + "\"",
                  e);
            }
          }
        }
        case "--rows" -> rows = positive(name, value);
        case "--rounds" -> rounds = (int) positive(name, value);
        case "--h2-dir" -> h2 = Path.of(value);
        case "--no-h2" -> skipH2 = true;
        case "--pg-url" -> pg = value.isBlank() ? null : value;
        case "--out" -> out = Path.of(value);
        default -> throw new IllegalArgumentException("unknown argument \"" + name + "\"");
      }
    }
    return new BenchmarkOptions(
        quick,
        parts,
        h2,
        skipH2,
        pg,
        rows != null
            ? rows
            : parts.equals(EnumSet.of(Part.SCALE)) ? SCALE_ROWS : quick ? 100_000 : 1_000_000,
        quick ? 1 : 3,
        rounds != null ? rounds : quick ? 3 : 5,
        quick ? Duration.ofMillis(200) : Duration.ofMillis(500),
        out);
  }

  /**
   * Whether a group of scenarios runs.
   *
   * @param part the group
   */
  public boolean runs(Part part) {
    return parts.contains(part);
  }

  /** Whether only the scale scenario runs, which needs no H2 database. */
  public boolean scaleOnly() {
    return parts.equals(EnumSet.of(Part.SCALE));
  }

  private static long positive(String name, String value) {
    try {
      long n = Long.parseLong(value.replace("_", ""));
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number of 1 or more; was " + value);
  }
}
