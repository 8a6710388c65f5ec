package org.activitylog.benchmarks.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.Actor;
import org.activitylog.api.NewActivity;
import org.activitylog.benchmarks.data.FreshActivities;
import org.activitylog.benchmarks.harness.Contender;
import org.activitylog.benchmarks.harness.Figures;
import org.activitylog.benchmarks.harness.Measurement;
import org.activitylog.benchmarks.harness.Operation;
import org.activitylog.benchmarks.harness.Percentiles;
import org.activitylog.benchmarks.harness.RoundRunner;
import org.activitylog.benchmarks.harness.Summary;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.RecorderMetrics;

/**
 * Issue 5's benchmark of the asynchronous {@link ActivityRecorder}.
 *
 * <ul>
 *   <li>Caller latency: one thread calls {@code record(type, actor)…submit()} at a steady rate well
 *       below what the database absorbs, and every call is timed with {@code System.nanoTime()};
 *       percentiles come from the sorted samples of all measured rounds. The recorder has its
 *       default settings.
 *   <li>Sustained throughput: one thread records a block of activities as fast as the recorder
 *       takes them, and the clock stops when {@code flush()} returns, that is when the last one is
 *       committed. The baseline is a raw JDBC loop inserting the same number of activities in
 *       batches of the recorder's batch size with the same insert-if-absent statement, in the same
 *       rounds.
 * </ul>
 */
public final class RecorderScenarios {
  /** The target for the caller's 99th percentile, in nanoseconds. */
  static final long P99_TARGET_NANOS = 10_000;

  /** The target for throughput against the raw JDBC loop. */
  static final double THROUGHPUT_TARGET = 0.8;

  /** The recorder's default batch size, which the raw loop uses too. */
  private static final int BATCH = 500;

  private static final long CALLS_PER_SECOND = 10_000;

  private final Bench bench;

  /**
   * Creates the scenarios.
   *
   * @param bench the database and tools
   */
  public RecorderScenarios(Bench bench) {
    this.bench = bench;
  }

  /**
   * Runs them and reports.
   *
   * @throws Exception when the database fails
   */
  public void run() throws Exception {
    bench.truncate();
    String db = bench.database().name();
    bench.report().heading(3, db + ": recorder (asynchronous mode)");
    latency();
    throughput();
    bench.truncate();
  }

  private void latency() throws Exception {
    boolean quick = bench.options().quick();
    int calls = quick ? 5_000 : 20_000;
    int rounds = bench.options().rounds();
    int warmups = bench.options().warmups();
    long interval = 1_000_000_000L / CALLS_PER_SECOND;
    FreshActivities source = new FreshActivities(bench.data(), 5_000, Instant.now());
    long[] all = new long[calls * rounds];
    List<List<String>> rows = new ArrayList<>();
    long stored;
    RecorderMetrics end;
    try (ActivityRecorder recorder = ActivityRecorder.builder(bench.store()).build()) {
      for (int round = 0; round < warmups + rounds; round++) {
        // Arguments are built before the round so that only the recorder's work is timed: the
        // fluent description, its validation, and the hand-off to the queue.
        List<NewActivity> inputs = source.next(calls);
        long[] samples = new long[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          long due = start + i * interval;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          ActivityContent c = inputs.get(i).content();
          Actor actor = c.actor();
          long t0 = System.nanoTime();
          recorder
              // The synthetic inputs use only the seeds' types, and the recorder takes those.
              .record(c.type(), actor)
              .workspaceGroupId(c.workspaceGroupId())
              .text(c.text())
              .resource(c.resource())
              .submit();
          samples[i] = System.nanoTime() - t0;
        }
        recorder.flush();
        Percentiles p = Percentiles.of(samples, calls);
        bench
            .progress()
            .printf(
                "%s recorder latency %s %d: p50 %s p99 %s p99.9 %s max %s%n",
                bench.database().name(),
                round < warmups ? "warm-up" : "round",
                round + 1,
                Figures.duration(p.at(0.5)),
                Figures.duration(p.at(0.99)),
                Figures.duration(p.at(0.999)),
                Figures.duration(p.max()));
        if (round >= warmups) {
          System.arraycopy(samples, 0, all, (round - warmups) * calls, calls);
          rows.add(
              List.of(
                  "round " + (round - warmups + 1),
                  Figures.duration(p.at(0.5)),
                  Figures.duration(p.at(0.99)),
                  Figures.duration(p.at(0.999)),
                  Figures.duration(p.max())));
        }
      }
      end = recorder.metrics();
      stored = end.stored();
    }
    Percentiles pooled = Percentiles.of(all, all.length);
    rows.add(
        List.of(
            "**all " + String.format(Locale.ROOT, "%,d", all.length) + " measured calls**",
            "**" + Figures.duration(pooled.at(0.5)) + "**",
            "**" + Figures.duration(pooled.at(0.99)) + "**",
            "**" + Figures.duration(pooled.at(0.999)) + "**",
            "**" + Figures.duration(pooled.max()) + "**"));
    boolean met = pooled.at(0.99) < P99_TARGET_NANOS;
    bench
        .report()
        .paragraph(
            String.format(
                Locale.ROOT,
                "Caller latency of `record(type, actor).workspaceGroupId(…).text(…).resource(…).submit()`"
                    + " at a steady %,d calls/s from one thread, default settings (queue 10,000,"
                    + " batch 500, linger 5 ms, block up to 100 ms when full); %,d calls per round."
                    + " After the run: accepted %,d, stored %,d, dropped %,d, failed %,d.",
                CALLS_PER_SECOND,
                calls,
                end.accepted(),
                stored,
                end.droppedTotal(),
                end.failed()));
    bench.report().table(List.of("", "p50", "p99", "p99.9", "max"), rows);
    bench
        .summary()
        .add(
            new Summary.Verdict(
                bench.database().name(),
                "recorder: caller p99 of `record…submit()`",
                Figures.duration(pooled.at(0.99)),
                "< 10 µs",
                met));
  }

  private void throughput() throws Exception {
    boolean quick = bench.options().quick();
    int block = quick ? 10_000 : 50_000;
    RoundRunner once =
        new RoundRunner(
            bench.options().warmups(),
            bench.options().rounds(),
            Duration.ZERO,
            1,
            bench.progress());
    RecorderMetrics end;
    List<Measurement> m;
    try (ActivityRecorder recorder =
        ActivityRecorder.builder(bench.store())
            .batchSize(BATCH)
            // A throughput test keeps the caller ahead of the writer on purpose; the default
            // 100 ms block would turn a checkpoint pause into rejected calls.
            .blockTimeout(Duration.ofSeconds(30))
            .build()) {
      FreshActivities forRecorder = new FreshActivities(bench.data(), 6_000, Instant.now());
      FreshActivities forRaw = new FreshActivities(bench.data(), 7_000, Instant.now());
      m =
          once.compare(
              bench.database().name() + " sustained throughput",
              List.of(
                  new Contender(
                      "recorder",
                      new Block(
                          forRecorder,
                          block,
                          rows -> {
                            for (NewActivity a : rows) {
                              recorder.record(a);
                            }
                            recorder.flush();
                          })),
                  new Contender(
                      "raw JDBC batch loop",
                      new Block(
                          forRaw,
                          block,
                          rows -> {
                            for (int from = 0; from < rows.size(); from += BATCH) {
                              bench
                                  .writer()
                                  .insertBatch(
                                      rows.subList(from, Math.min(rows.size(), from + BATCH)),
                                      false);
                            }
                          }))));
      end = recorder.metrics();
    }
    Measurement rec = m.get(0);
    Measurement raw = m.get(1);
    double ratio = rec.medianPerSecond() / raw.medianPerSecond();
    boolean met = ratio >= THROUGHPUT_TARGET;
    bench
        .report()
        .paragraph(
            String.format(
                Locale.ROOT,
                "Sustained throughput: %,d activities per round recorded from one thread as fast as"
                    + " `record` returns, clock stopped when `flush()` returns; the raw loop inserts"
                    + " %,d fresh activities in batches of %d with the same insert-if-absent"
                    + " statement (no generated keys), one transaction per batch. Recorder: batch"
                    + " %d, block timeout 30 s, other settings default. After the run: accepted"
                    + " %,d, stored %,d, dropped %,d, failed %,d, batches %,d.",
                block,
                block,
                BATCH,
                BATCH,
                end.accepted(),
                end.stored(),
                end.droppedTotal(),
                end.failed(),
                end.batches()));
    bench
        .report()
        .table(
            List.of("", "recorder", "raw JDBC batch loop", "recorder ÷ raw", "target ≥ 0.8x"),
            List.of(
                List.of(
                    "activities/s",
                    Figures.rate(rec.medianPerSecond()) + " " + Figures.spread(rec),
                    Figures.rate(raw.medianPerSecond()) + " " + Figures.spread(raw),
                    Figures.ratio(ratio),
                    Figures.verdict(met))));
    bench
        .summary()
        .add(
            new Summary.Verdict(
                bench.database().name(),
                "recorder: sustained throughput ÷ raw JDBC batch loop",
                Figures.ratio(ratio),
                "≥ 0.8x",
                met));
  }

  /** Writes a block of rows. */
  @FunctionalInterface
  private interface BlockWriter {
    void write(List<NewActivity> rows) throws Exception;
  }

  /** Builds a block of fresh activities outside the timed region, then writes it. */
  private static final class Block implements Operation {
    private final FreshActivities source;
    private final int size;
    private final BlockWriter writer;
    private List<NewActivity> rows = List.of();

    Block(FreshActivities source, int size, BlockWriter writer) {
      this.source = source;
      this.size = size;
      this.writer = writer;
    }

    @Override
    public void prepare() {
      rows = source.next(size);
    }

    @Override
    public long run() throws Exception {
      writer.write(rows);
      return rows.size();
    }
  }
}
