package org.activitylog.benchmarks.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.NewActivity;
import org.activitylog.benchmarks.data.FreshActivities;
import org.activitylog.benchmarks.data.SyntheticActivities;
import org.activitylog.benchmarks.db.BenchDatabase;
import org.activitylog.benchmarks.db.RawActivityWriter;
import org.activitylog.benchmarks.db.RawJson;
import org.activitylog.benchmarks.db.RawSql;
import org.activitylog.benchmarks.harness.Figures;
import org.activitylog.benchmarks.harness.Percentiles;
import org.activitylog.jdbc.Dialect;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.kafka.ActivityRecordFormat;
import org.activitylog.kafka.KafkaActivitySink;
import org.activitylog.kafka.KafkaIngestor;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.QueueFullException;
import org.activitylog.recorder.RecorderMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * Issue 12's benchmark of ingestion through Kafka, against a running broker and PostgreSQL
 * (scripts/bench-kafka.sh starts both):
 *
 * <ul>
 *   <li>caller latency of {@code record()} over {@link KafkaActivitySink}, asynchronous and
 *       synchronous (the durable mode), with the in-process recorder over the store as the
 *       baseline;
 *   <li>end-to-end throughput from the producing thread to PostgreSQL rows: the recorder over Kafka
 *       with a {@link KafkaIngestor}, the in-process recorder, and a raw {@code
 *       KafkaProducer}/{@code KafkaConsumer} loop doing the same inserts, rounds alternating;
 *   <li>the ingestor's catch-up rate after a database outage ({@code pg_ctl stop}, then start).
 * </ul>
 *
 * <p>Arguments: {@code --bootstrap=HOST:PORT} (required), {@code --rows=N} per throughput round
 * (default 50,000), {@code --rounds=N} (default 3, after one warm-up), {@code --outage=SECONDS}
 * (default 30), {@code --out=FILE}. PostgreSQL: {@code ACTIVITYLOG_BENCH_PG_URL} or {@code
 * ACTIVITYLOG_TEST_PG_URL}; the outage needs {@code ACTIVITYLOG_TEST_PG_CTL}, {@code
 * ACTIVITYLOG_TEST_PG_DATA} and, when the cluster belongs to another user, {@code
 * ACTIVITYLOG_TEST_PG_OS_USER}.
 */
public final class KafkaBenchmarks {
  private static final int BATCH = 500;
  private static final long LATENCY_RATE = 5_000;
  private static final int PARTITIONS = 3;

  private final String bootstrap;
  private final int rows;
  private final int rounds;
  private final int outageSeconds;
  private final BenchDatabase db;
  private final JdbcActivityStore store;
  private final RawActivityWriter writer;
  private final SyntheticActivities data = new SyntheticActivities(12, Instant.now());
  private final ActivityRecordFormat format = ActivityRecordFormat.of(ActivityCatalogue.standard());
  private final StringBuilder report = new StringBuilder();
  private final PrintStream progress = System.err;
  private long seed = 12_000;

  private KafkaBenchmarks(String bootstrap, int rows, int rounds, int outageSeconds, String url) {
    this.bootstrap = bootstrap;
    this.rows = rows;
    this.rounds = rounds;
    this.outageSeconds = outageSeconds;
    this.db = BenchDatabase.open("PostgreSQL", Dialect.POSTGRESQL, url);
    this.store = JdbcActivityStore.builder().dataSource(db.pool()).build();
    this.writer = new RawActivityWriter(db.pool(), new RawSql(Dialect.POSTGRESQL), new RawJson());
  }

  /**
   * Runs the benchmark.
   *
   * @param args see the class's javadoc
   * @throws Exception when the broker or the database fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (!a.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("arguments are --name=value; was " + a);
      }
      opts.put(a.substring(2, eq), a.substring(eq + 1));
    }
    String bootstrap = opts.get("bootstrap");
    if (bootstrap == null) {
      throw new IllegalArgumentException("--bootstrap=HOST:PORT is required");
    }
    String url = env("ACTIVITYLOG_BENCH_PG_URL");
    if (url == null) {
      url = env("ACTIVITYLOG_TEST_PG_URL");
    }
    if (url == null) {
      throw new IllegalArgumentException("set ACTIVITYLOG_BENCH_PG_URL or ACTIVITYLOG_TEST_PG_URL");
    }
    KafkaBenchmarks bench =
        new KafkaBenchmarks(
            bootstrap,
            Integer.parseInt(opts.getOrDefault("rows", "50000")),
            Integer.parseInt(opts.getOrDefault("rounds", "3")),
            Integer.parseInt(opts.getOrDefault("outage", "30")),
            url);
    try {
      bench.run();
    } finally {
      bench.store.close();
      bench.db.close();
    }
    String out = opts.get("out");
    if (out != null) {
      Files.writeString(Path.of(out), bench.report, StandardCharsets.UTF_8);
    }
    System.out.print(bench.report);
  }

  private void run() throws Exception {
    line("## Kafka ingestion (issue 12)");
    line("");
    line(
        "Started "
            + Instant.now()
            + "; load average at start "
            + loadAverage()
            + "; "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs; Kafka broker at "
            + bootstrap
            + " (one KRaft node, its own JVM); PostgreSQL "
            + serverVersion()
            + ".");
    line("");
    createTopics("bench-latency", "bench-e2e", "bench-e2e.dead-letter", "bench-raw");
    truncate();
    latency();
    throughputAndOutage();
    line("");
    line("Load average at the end: " + loadAverage() + ".");
  }

  // --- record() latency ------------------------------------------------------------------------

  private void latency() throws Exception {
    int calls = 20_000;
    int syncCalls = 2_000;
    line("### `record()` caller latency");
    line("");
    line(
        String.format(
            Locale.ROOT,
            "One thread; asynchronous recorders called at a steady %,d calls/s, %,d calls per"
                + " round; the synchronous recorder (the durable mode: `record` returns once the"
                + " broker acknowledged, `acks=all`) called back to back, %,d calls per round."
                + " One warm-up round, then %d measured rounds pooled. Default recorder settings;"
                + " the sink's producer has `linger.ms=1`.",
            LATENCY_RATE,
            calls,
            syncCalls,
            rounds));
    line("");
    line("| | p50 | p99 | p99.9 | max |");
    line("|---|---|---|---|---|");
    try (KafkaActivitySink sink = KafkaActivitySink.builder(bootstrap, "bench-latency").build()) {
      // The producer's first send fetches metadata and a producer id from a broker that may have
      // just started: done here, outside the rounds.
      sink.write(new FreshActivities(data, seed++, Instant.now()).next(PARTITIONS * 10));
      try (ActivityRecorder r = ActivityRecorder.builder(sink).build()) {
        latencyRow("async recorder over Kafka", r, calls, LATENCY_RATE);
      }
      try (ActivityRecorder r = ActivityRecorder.builder(sink).synchronous().build()) {
        latencyRow("sync recorder over Kafka (durable)", r, syncCalls, 0);
      }
    }
    try (ActivityRecorder r = ActivityRecorder.builder(store).build()) {
      latencyRow("async recorder over PostgreSQL (in-process)", r, calls, LATENCY_RATE);
    }
    truncate();
    line("");
  }

  private void latencyRow(String name, ActivityRecorder recorder, int calls, long perSecond) {
    long[] all = new long[calls * rounds];
    long interval = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
    FreshActivities source = new FreshActivities(data, seed++, Instant.now());
    for (int round = 0; round < rounds + 1; round++) {
      List<NewActivity> inputs = source.next(calls);
      long[] samples = new long[calls];
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        if (interval > 0) {
          long wait = start + i * interval - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
        }
        NewActivity a = inputs.get(i);
        long t0 = System.nanoTime();
        try {
          recorder.record(a);
        } catch (QueueFullException e) {
          // Counted by the recorder as rejected and shown in the table; the caller's wait is
          // still a sample.
        }
        samples[i] = System.nanoTime() - t0;
      }
      recorder.flush();
      Percentiles p = Percentiles.of(samples, calls);
      progress.printf(
          "%s %s %d: p50 %s p99 %s p99.9 %s%n",
          name,
          round == 0 ? "warm-up" : "round",
          round,
          Figures.duration(p.at(0.5)),
          Figures.duration(p.at(0.99)),
          Figures.duration(p.at(0.999)));
      if (round > 0) {
        System.arraycopy(samples, 0, all, (round - 1) * calls, calls);
      }
    }
    Percentiles p = Percentiles.of(all, all.length);
    RecorderMetrics m = recorder.metrics();
    line(
        String.format(
            Locale.ROOT,
            "| %s (%,d measured calls; warm-up included: stored %,d, rejected %,d, dropped %,d,"
                + " failed %,d) | %s | %s | %s | %s |",
            name,
            all.length,
            m.stored(),
            m.rejected(),
            m.droppedTotal(),
            m.failed(),
            Figures.duration(p.at(0.5)),
            Figures.duration(p.at(0.99)),
            Figures.duration(p.at(0.999)),
            Figures.duration(p.max())));
  }

  // --- end-to-end throughput and the outage ----------------------------------------------------

  private void throughputAndOutage() throws Exception {
    RawLoop raw = new RawLoop();
    Thread rawThread = new Thread(raw, "raw-consumer");
    rawThread.start();
    try (KafkaActivitySink sink = KafkaActivitySink.builder(bootstrap, "bench-e2e").build();
        ActivityRecorder overKafka = fastRecorder(ActivityRecorder.builder(sink));
        ActivityRecorder inProcess = fastRecorder(ActivityRecorder.builder(store));
        KafkaIngestor ingestor =
            KafkaIngestor.builder(bootstrap, "bench-e2e", "bench-ingest", store)
                .maxBatch(BATCH)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .build()
                .start();
        KafkaProducer<byte[], byte[]> producer = rawProducer()) {
      List<String> order = List.of("activity-kafka", "in-process recorder", "raw Kafka loop");
      Map<String, List<Double>> rates = new HashMap<>();
      order.forEach(name -> rates.put(name, new ArrayList<>()));
      for (int round = 0; round < rounds + 1; round++) {
        for (int k = 0; k < order.size(); k++) {
          // Alternate who goes first, so a slow minute does not always hit the same contender.
          String name = order.get((k + round) % order.size());
          List<NewActivity> block = new FreshActivities(data, seed++, Instant.now()).next(rows);
          truncate();
          long start = System.nanoTime();
          switch (name) {
            case "activity-kafka" -> {
              for (NewActivity a : block) {
                overKafka.record(a);
              }
            }
            case "in-process recorder" -> {
              for (NewActivity a : block) {
                inProcess.record(a);
              }
            }
            default -> {
              for (NewActivity a : block) {
                producer.send(
                    new ProducerRecord<>(
                        "bench-raw", key(a.content().workspaceGroupId()), format.write(a)));
              }
              producer.flush();
            }
          }
          awaitRows(rows, Duration.ofMinutes(3));
          long nanos = System.nanoTime() - start;
          double perSecond = rows * 1e9 / nanos;
          progress.printf(
              "throughput %s %d %s: %s activities/s%n",
              round == 0 ? "warm-up" : "round", round, name, Figures.rate(perSecond));
          if (round > 0) {
            rates.getOrDefault(name, new ArrayList<>()).add(perSecond);
          }
        }
      }
      line("### End-to-end throughput, producing thread to PostgreSQL rows");
      line("");
      line(
          String.format(
              Locale.ROOT,
              "%,d fresh activities per round, handed over from one thread as fast as it goes; the"
                  + " clock stops when `SELECT count(*)` (polled every 20 ms) sees them all in"
                  + " PostgreSQL. One warm-up round, %d measured rounds, the three contenders in"
                  + " rotating order within each round; the table is emptied before each."
                  + " **activity-kafka**: an asynchronous recorder (batch %d, block up to 30 s) over"
                  + " `KafkaActivitySink` (3 partitions), one `KafkaIngestor` (max batch %d) writing"
                  + " with the store's `insertAll`. **in-process recorder**: the same recorder"
                  + " writing to the store directly. **raw Kafka loop**: a `KafkaProducer`"
                  + " (idempotent, `acks=all`, `linger.ms=1`) sending the same JSON records and a"
                  + " `KafkaConsumer` thread that polls up to %d, decodes, runs the same"
                  + " insert-if-absent statement as one JDBC batch and transaction (no generated"
                  + " keys), then `commitSync`.",
              rows,
              rounds,
              BATCH,
              BATCH,
              BATCH));
      line("");
      line("| | median activities/s | rounds | ÷ raw Kafka loop |");
      line("|---|---|---|---|");
      double rawMedian = median(rates.getOrDefault("raw Kafka loop", List.of()));
      for (String name : order) {
        List<Double> r = rates.getOrDefault(name, List.of());
        line(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s |",
                name,
                Figures.rate(median(r)),
                r.stream().map(Figures::rate).toList(),
                Figures.ratio(median(r) / rawMedian)));
      }
      line("");
      line(
          "After the rounds: recorder over Kafka "
              + brief(overKafka.metrics())
              + "; ingestor "
              + brief(ingestor.metrics())
              + "; in-process recorder "
              + brief(inProcess.metrics())
              + "; raw loop stored "
              + raw.stored
              + ".");
      line("");
      outage(overKafka, ingestor);
    } finally {
      raw.stop = true;
      rawThread.join(30_000);
    }
  }

  private void outage(ActivityRecorder overKafka, KafkaIngestor ingestor) throws Exception {
    String ctl = env("ACTIVITYLOG_TEST_PG_CTL");
    String dataDir = env("ACTIVITYLOG_TEST_PG_DATA");
    line("### Catch-up after a " + outageSeconds + "-second database outage");
    line("");
    if (ctl == null || dataDir == null) {
      line("Skipped: needs ACTIVITYLOG_TEST_PG_CTL and ACTIVITYLOG_TEST_PG_DATA.");
      return;
    }
    truncate();
    long retriedBefore = ingestor.metrics().retried();
    int perSecond = 2_000;
    pgCtl(ctl, dataDir, "-m", "fast", "-w", "-t", "60", "stop");
    long stopped = System.nanoTime();
    FreshActivities source = new FreshActivities(data, seed++, Instant.now());
    long produced = 0;
    long due = stopped;
    long end = stopped + TimeUnit.SECONDS.toNanos(outageSeconds);
    while (System.nanoTime() < end) {
      overKafka.record(source.next());
      produced++;
      due += 1_000_000_000L / perSecond;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
    overKafka.flush();
    String log = Path.of(dataDir).resolveSibling("postgres-bench-kafka.log").toString();
    pgCtl(ctl, dataDir, "-l", log, "-w", "-t", "60", "start");
    long restarted = System.nanoTime();
    long first = awaitRows(1, Duration.ofMinutes(3));
    awaitRows(produced, Duration.ofMinutes(5));
    long caughtUp = System.nanoTime();
    double seconds = (caughtUp - restarted) / 1e9;
    double drainSeconds = (caughtUp - first) / 1e9;
    line(
        String.format(
            Locale.ROOT,
            "With the pipeline above running, `pg_ctl stop -m fast`, then %,d activities recorded"
                + " over Kafka at a steady %,d/s for %d s (the recorder never noticed: the broker"
                + " was up), then `pg_ctl start -w`: the whole backlog waits on the topic. The"
                + " ingestor's backoff is 100 ms doubling to 1 s, and the pool's connection"
                + " timeout is HikariCP's default 30 s, so an attempt during the outage waits that"
                + " long before it fails; it retried %,d times.",
            produced,
            perSecond,
            outageSeconds,
            ingestor.metrics().retried() - retriedBefore));
    line("");
    line("| backlog | from `pg_ctl start` to the first row | to all rows | catch-up rate |");
    line("|---|---|---|---|");
    line(
        String.format(
            Locale.ROOT,
            "| %,d | %.2f s | %.2f s | %s activities/s (%s/s after the first row) |",
            produced,
            (first - restarted) / 1e9,
            seconds,
            Figures.rate(produced / seconds),
            Figures.rate(produced / Math.max(drainSeconds, 1e-3))));
    line("");
    line("Ingestor after the outage: " + brief(ingestor.metrics()) + ".");
  }

  // --- the raw loop ----------------------------------------------------------------------------

  private KafkaProducer<byte[], byte[]> rawProducer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** The hand-written consumer: poll, decode, one JDBC batch per poll, commit offsets. */
  private final class RawLoop implements Runnable {
    volatile boolean stop;
    volatile long stored;

    @Override
    public void run() {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw");
      p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(BATCH));
      try (KafkaConsumer<byte[], byte[]> c =
              new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
          Connection conn = db.pool().getConnection()) {
        c.subscribe(List.of("bench-raw"));
        while (!stop) {
          ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
          if (records.isEmpty()) {
            continue;
          }
          List<NewActivity> batch = new ArrayList<>(records.count());
          for (ConsumerRecord<byte[], byte[]> r : records) {
            batch.add(format.read(r.value()));
          }
          stored += writer.insertBatch(conn, true, batch, false);
          c.commitSync();
        }
      } catch (SQLException | RuntimeException e) {
        progress.println("the raw loop stopped: " + e);
      }
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static ActivityRecorder fastRecorder(ActivityRecorder.Builder b) {
    // A throughput test keeps the caller ahead of the writer on purpose; the default 100 ms block
    // would turn a checkpoint pause into rejected calls.
    return b.batchSize(BATCH).blockTimeout(Duration.ofSeconds(30)).build();
  }

  private static byte[] key(long workspaceGroupId) {
    return Long.toString(workspaceGroupId).getBytes(StandardCharsets.UTF_8);
  }

  private void createTopics(String... names) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name : names) {
        topics.add(new NewTopic(name, PARTITIONS, (short) 1));
      }
      admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
    }
  }

  private void truncate() throws SQLException {
    db.execute("TRUNCATE TABLE " + RawSql.TABLE);
  }

  private long count() {
    try (Connection c = db.pool().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + RawSql.TABLE)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return -1;
    }
  }

  /** Waits until the table holds at least {@code n} rows; returns when it saw them. */
  private long awaitRows(long n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count() < n) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + n + " rows; saw " + count());
      }
      Thread.sleep(20);
    }
    return System.nanoTime();
  }

  private String serverVersion() {
    try (Connection c = db.pool().getConnection()) {
      return c.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "(version unknown)";
    }
  }

  private static String brief(RecorderMetrics m) {
    return String.format(
        Locale.ROOT,
        "accepted %,d, stored %,d, dropped %,d, failed %,d, retried %,d, batches %,d",
        m.accepted(),
        m.stored(),
        m.droppedTotal(),
        m.failed(),
        m.retried(),
        m.batches());
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "(unknown)";
    }
  }

  private static void pgCtl(String ctl, String dataDir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    String osUser = env("ACTIVITYLOG_TEST_PG_OS_USER");
    if (osUser != null) {
      command.addAll(List.of("runuser", "-u", osUser, "--"));
    }
    command.add(ctl);
    command.addAll(List.of("-D", dataDir));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("pg_ctl " + List.of(args) + " failed: " + output);
    }
  }

  private static @Nullable String env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : v;
  }

  private void line(String text) {
    report.append(text).append('\n');
    progress.println(text);
  }
}
