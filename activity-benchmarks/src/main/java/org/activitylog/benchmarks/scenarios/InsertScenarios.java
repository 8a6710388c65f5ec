package org.activitylog.benchmarks.scenarios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.activitylog.api.NewActivity;
import org.activitylog.benchmarks.data.FreshActivities;
import org.activitylog.benchmarks.harness.Contender;
import org.activitylog.benchmarks.harness.Figures;
import org.activitylog.benchmarks.harness.Measurement;
import org.activitylog.benchmarks.harness.Operation;
import org.activitylog.benchmarks.harness.Summary;
import org.activitylog.spi.ActivityRepository;

/**
 * Issue 3's insert benchmark: rows per second of the library's {@code insert} and {@code insertAll}
 * against raw JDBC running the same insert-if-absent statement and reading back the same generated
 * ids, one row per transaction and in batches of 100 and 1,000. Each size starts on an empty table;
 * both contenders insert into the same table in alternating turns.
 */
public final class InsertScenarios {
  /** The target: the library within this factor of raw JDBC. */
  static final double TARGET = 1.25;

  private final Bench bench;

  /**
   * Creates the scenarios.
   *
   * @param bench the database and tools
   */
  public InsertScenarios(Bench bench) {
    this.bench = bench;
  }

  /**
   * Runs them and reports.
   *
   * @throws Exception when the database fails
   */
  public void run() throws Exception {
    ActivityRepository library = bench.store().activities();
    List<List<String>> rows = new ArrayList<>();
    for (int size : new int[] {1, 100, 1_000}) {
      bench.truncate();
      FreshActivities forLibrary = new FreshActivities(bench.data(), 1_000 + size, Instant.now());
      FreshActivities forRaw = new FreshActivities(bench.data(), 2_000 + size, Instant.now());
      String label = size == 1 ? "one row per transaction" : "batches of " + size;
      List<Measurement> m =
          bench
              .runner()
              .compare(
                  bench.database().name() + " insert " + label,
                  List.of(
                      new Contender(
                          "library",
                          new Batches(
                              forLibrary,
                              size,
                              batch -> {
                                if (batch.size() == 1) {
                                  library.insert(batch.get(0));
                                } else {
                                  library.insertAll(batch);
                                }
                              })),
                      new Contender(
                          "raw JDBC",
                          new Batches(
                              forRaw,
                              size,
                              batch -> {
                                if (batch.size() == 1) {
                                  bench.writer().insertOne(batch.get(0));
                                } else {
                                  bench.writer().insertBatch(batch, true);
                                }
                              }))));
      Measurement lib = m.get(0);
      Measurement raw = m.get(1);
      double ratio = lib.medianNanos() / raw.medianNanos();
      boolean met = ratio <= TARGET;
      rows.add(
          List.of(
              label,
              Figures.rate(lib.medianPerSecond()) + " " + Figures.spread(lib),
              Figures.rate(raw.medianPerSecond()) + " " + Figures.spread(raw),
              Figures.ratio(ratio),
              Figures.verdict(met)));
      bench
          .summary()
          .add(
              new Summary.Verdict(
                  bench.database().name(),
                  "insert, " + label + " (library time ÷ raw JDBC time)",
                  Figures.ratio(ratio),
                  "≤ " + TARGET + "x",
                  met));
    }
    bench.truncate();
    bench.report().heading(3, bench.database().name() + ": inserts (rows/s, median of rounds)");
    bench
        .report()
        .table(
            List.of("", "library", "raw JDBC", "library time ÷ raw JDBC time", "target ≤ 1.25x"),
            rows);
  }

  /** Writes one batch of rows. */
  @FunctionalInterface
  private interface BatchWriter {
    void write(List<NewActivity> batch) throws Exception;
  }

  /** Builds each batch outside the timed region, then writes it. */
  private static final class Batches implements Operation {
    private final FreshActivities source;
    private final int size;
    private final BatchWriter writer;
    private List<NewActivity> batch = List.of();

    Batches(FreshActivities source, int size, BatchWriter writer) {
      this.source = source;
      this.size = size;
      this.writer = writer;
    }

    @Override
    public void prepare() {
      batch = source.next(size);
    }

    @Override
    public long run() throws Exception {
      writer.write(batch);
      return batch.size();
    }
  }
}
