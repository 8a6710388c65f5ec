package org.activitylog.benchmarks.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.Cursor;
import org.activitylog.api.NewActivity;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.benchmarks.data.SyntheticActivities;
import org.activitylog.benchmarks.db.BenchDatabase;
import org.activitylog.benchmarks.db.CopyLoader;
import org.activitylog.benchmarks.db.RawActivityReader;
import org.activitylog.benchmarks.db.RawJson;
import org.activitylog.benchmarks.db.RawSql;
import org.activitylog.benchmarks.harness.Contender;
import org.activitylog.benchmarks.harness.Figures;
import org.activitylog.benchmarks.harness.Measurement;
import org.activitylog.benchmarks.harness.Percentiles;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.jdbc.Layout;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgeResult;
import org.jspecify.annotations.Nullable;

/**
 * Issue 11's benchmark at scale, on PostgreSQL: three tables of the same N activities, each in a
 * schema of its own, loaded three ways (raw {@code COPY} into the unpartitioned table; the
 * library's batch insert into an unpartitioned and into a month-partitioned table); then the first
 * page, a deep keyset page and the count of a workspace, raw SQL and the library on the
 * unpartitioned table and the library on the partitioned one; then a purge of the oldest half of
 * each table a different way (one {@code DELETE}, the library's batched purge, the library's purge
 * on the partitioned layout, which drops whole months), each while a writer inserts one activity at
 * a time through the library, whose latencies are kept quiet before and during the purge.
 *
 * <p>Run it alone with {@code --only=scale}; it never runs as part of the default benchmarks.
 */
public final class ScaleScenarios {
  private static final int PAGE = PageRequest.DEFAULT_SIZE;
  private static final int PROBES = 8;
  private static final int LOAD_BATCH = 1_000;
  private static final long QUIET_MILLIS = 10_000;
  private static final long WRITER_PAUSE_MILLIS = 5;
  private static final String COPY_SCHEMA = "scale_copy";
  private static final String PLAIN_SCHEMA = "scale_plain";
  private static final String PARTITIONED_SCHEMA = "scale_partitioned";

  private final Bench bench;
  private final long total;
  private final List<List<String>> loadRows = new ArrayList<>();
  private final List<List<String>> readRows = new ArrayList<>();
  private final List<List<String>> purgeRows = new ArrayList<>();
  private double copyPerSecond;

  /**
   * Creates the scenario.
   *
   * @param bench the PostgreSQL database and tools
   */
  public ScaleScenarios(Bench bench) {
    this.bench = bench;
    this.total = bench.options().rows();
  }

  /** One table under test: its own pool (unqualified names resolve in its schema) and store. */
  private record Table(
      String name, BenchDatabase db, JdbcActivityStore store, RawActivityReader raw)
      implements AutoCloseable {
    ActivityRepository library() {
      return store.activities();
    }

    @Override
    public void close() {
      store.close();
      db.close();
    }
  }

  /** A workspace and a cursor halfway down its feed, in one table. */
  private record Probe(long workspace, Cursor deep) {
    ActivityQuery query() {
      return ActivityQuery.builder().workspaceGroupId(workspace).build();
    }
  }

  /**
   * Loads the three tables, measures and reports.
   *
   * @throws Exception when the database fails
   */
  public void run() throws Exception {
    BenchDatabase main = bench.database();
    main.execute(
        "DROP SCHEMA IF EXISTS " + COPY_SCHEMA + " CASCADE",
        "DROP SCHEMA IF EXISTS " + PLAIN_SCHEMA + " CASCADE",
        "DROP SCHEMA IF EXISTS " + PARTITIONED_SCHEMA + " CASCADE");
    try (Table copy = open("COPY, unpartitioned", COPY_SCHEMA, Layout.UNPARTITIONED);
        Table plain = open("library, unpartitioned", PLAIN_SCHEMA, Layout.UNPARTITIONED);
        Table part =
            open(
                "library, partitioned by month", PARTITIONED_SCHEMA, Layout.PARTITIONED_BY_MONTH)) {
      String n = String.format(Locale.ROOT, "%,d", total);
      bench.report().heading(3, "PostgreSQL: at scale, " + n + " rows per table (issue 11)");
      bench
          .report()
          .paragraph(
              "Three tables of the same "
                  + n
                  + " activities ("
                  + SyntheticActivities.WORKSPACES
                  + " workspace groups, one year), each in a schema of its own: `"
                  + COPY_SCHEMA
                  + "` loaded by raw `COPY`, `"
                  + PLAIN_SCHEMA
                  + "` by the library's `insertAll` (batches of "
                  + LOAD_BATCH
                  + ", one thread), `"
                  + PARTITIONED_SCHEMA
                  + "` by the same `insertAll` on `Layout.PARTITIONED_BY_MONTH`. "
                  + load());

      long copyNanos =
          new CopyLoader(copy.db(), new RawJson(), bench.progress()).load(bench.data(), total);
      loaded(copy, "raw `COPY` (one statement)", copyNanos);
      loaded(plain, "library `insertAll`, unpartitioned", libraryLoad(plain));
      loaded(part, "library `insertAll`, partitioned by month", libraryLoad(part));
      bench
          .report()
          .paragraph(
              "Loads (indexes in place, stock server settings; VACUUM ANALYZE after each load, not"
                  + " counted in the load time):");
      bench
          .report()
          .table(
              List.of(
                  "table loaded by",
                  "rows",
                  "load time",
                  "rows/s",
                  "÷ COPY",
                  "VACUUM ANALYZE",
                  "size (heap, TOAST, indexes; claims)",
                  "load avg (1 min) after"),
              loadRows);

      reads(plain, part);
      purges(copy, plain, part);
    }
  }

  private Table open(String name, String schema, Layout layout) throws SQLException {
    bench.database().execute("CREATE SCHEMA " + schema);
    BenchDatabase db = bench.database().inSchema(schema);
    JdbcActivityStore store =
        JdbcActivityStore.builder().dataSource(db.pool()).schema(schema).layout(layout).build();
    RawActivityReader raw =
        new RawActivityReader(db.pool(), new RawSql(db.dialect()), new RawJson());
    return new Table(name, db, store, raw);
  }

  /** Loads the data set through the library's batch insert, one thread, batches of 1,000. */
  private long libraryLoad(Table t) {
    long start = System.nanoTime();
    List<NewActivity> batch = new ArrayList<>(LOAD_BATCH);
    long reported = 0;
    for (long i = 0; i < total; i++) {
      batch.add(bench.data().historical(i, total));
      if (batch.size() == LOAD_BATCH || i == total - 1) {
        t.library().insertAll(batch);
        batch.clear();
      }
      if (i + 1 - reported >= Math.max(1, total / 10)) {
        reported = i + 1;
        bench
            .progress()
            .printf(
                "  %s: inserted %,d of %,d rows in %.0f s%n",
                t.name(), reported, total, (System.nanoTime() - start) / 1e9);
      }
    }
    return System.nanoTime() - start;
  }

  private void loaded(Table t, String how, long nanos) throws SQLException {
    long vacuumStart = System.nanoTime();
    t.db().execute("VACUUM ANALYZE " + RawSql.TABLE);
    long vacuum = System.nanoTime() - vacuumStart;
    long rows = scalar(t.db(), "SELECT COUNT(*) FROM " + RawSql.TABLE);
    if (rows != total) {
      throw new IllegalStateException(t.name() + " holds " + rows + " rows, not " + total);
    }
    // A plain table is no partition tree (pg_partition_tree answers nothing); the partitioned
    // layout's uid claims live in a table of their own, counted here as part of its cost.
    long bytes =
        scalar(
            t.db(),
            "SELECT pg_total_relation_size('"
                + RawSql.TABLE
                + "') + (SELECT COALESCE(SUM(pg_total_relation_size(relid)), 0) FROM"
                + " pg_partition_tree('"
                + RawSql.TABLE
                + "')) + COALESCE(pg_total_relation_size(to_regclass('activitylog_activity_uid')),"
                + " 0)");
    double perSecond = total / (nanos / 1e9);
    if (loadRows.isEmpty()) {
      copyPerSecond = perSecond;
    }
    loadRows.add(
        List.of(
            how,
            String.format(Locale.ROOT, "%,d", rows),
            seconds(nanos),
            Figures.rate(perSecond),
            Figures.ratio(perSecond / copyPerSecond),
            seconds(vacuum),
            String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6),
            loadAverage1()));
    bench
        .progress()
        .printf("%s: loaded in %s, %s rows/s%n", t.name(), seconds(nanos), Figures.rate(perSecond));
  }

  /** First page, deep keyset page and count of a workspace: raw and library, then partitioned. */
  private void reads(Table plain, Table part) throws Exception {
    List<Probe> plainProbes = probes(plain);
    List<Probe> partProbes = probes(part);
    long depth = depthOf(plain, plainProbes.get(0));
    checkSame(plain, part, plainProbes, partProbes);
    int[] a = new int[3];
    compare(
        "first page of one workspace (`listAfter` from the start)",
        () -> plain.raw().firstPageOfWorkspace(next(plainProbes, a, 0).workspace(), PAGE, true),
        () -> plain.library().listAfter(next(plainProbes, a, 1).query(), Sort.DEFAULT, null, PAGE),
        () -> part.library().listAfter(next(partProbes, a, 2).query(), Sort.DEFAULT, null, PAGE));
    int[] b = new int[3];
    compare(
        "keyset page about "
            + String.format(Locale.ROOT, "%,d", depth)
            + " rows into one workspace (`listAfter`)",
        () -> {
          Probe p = next(plainProbes, b, 0);
          return plain.raw().keysetPageOfWorkspace(p.workspace(), p.deep(), PAGE, true);
        },
        () -> {
          Probe p = next(plainProbes, b, 1);
          return plain.library().listAfter(p.query(), Sort.DEFAULT, p.deep(), PAGE);
        },
        () -> {
          Probe p = next(partProbes, b, 2);
          return part.library().listAfter(p.query(), Sort.DEFAULT, p.deep(), PAGE);
        });
    int[] c = new int[3];
    compare(
        "count of one workspace (`count`)",
        () -> List.of(plain.raw().countOfWorkspace(next(plainProbes, c, 0).workspace())),
        () -> List.of(plain.library().count(next(plainProbes, c, 1).query())),
        () -> List.of(part.library().count(next(partProbes, c, 2).query())));
    bench
        .report()
        .paragraph(
            "Reads, median time per call over the measured rounds (± half the spread between the"
                + " fastest and slowest round), cycling through "
                + PROBES
                + " workspaces on every side; raw JDBC is `RawSql` on the unpartitioned table the"
                + " library loaded, JSON parsed with Jackson:");
    bench
        .report()
        .table(
            List.of(
                "",
                "raw JDBC, unpartitioned",
                "library, unpartitioned",
                "library, partitioned",
                "library ÷ raw",
                "partitioned ÷ unpartitioned"),
            readRows);
  }

  private long depthOf(Table t, Probe p) throws SQLException {
    return t.raw().countOfWorkspace(p.workspace()) / 2;
  }

  private static Probe next(List<Probe> probes, int[] counters, int contender) {
    return probes.get(counters[contender]++ % PROBES);
  }

  private List<Probe> probes(Table t) throws SQLException {
    List<Probe> out = new ArrayList<>();
    for (int j = 0; j < PROBES; j++) {
      long workspace = SyntheticActivities.workspace(j * 6 % SyntheticActivities.WORKSPACES);
      long size = t.raw().countOfWorkspace(workspace);
      Cursor deep =
          t.raw()
              .cursorOfWorkspace(workspace, size / 2)
              .orElseThrow(() -> new IllegalStateException("workspace " + workspace + " is empty"));
      out.add(new Probe(workspace, deep));
    }
    return out;
  }

  /** Fails unless raw SQL and both layouts return the same activities (by uid) and counts. */
  private void checkSame(Table plain, Table part, List<Probe> plainProbes, List<Probe> partProbes)
      throws SQLException {
    for (int j = 0; j < PROBES; j++) {
      Probe p = plainProbes.get(j);
      Probe q = partProbes.get(j);
      List<String> raw =
          plain.raw().keysetPageOfWorkspace(p.workspace(), p.deep(), PAGE, false).stream()
              .map(r -> r.uid().toString())
              .toList();
      List<String> lib = uids(plain.library().listAfter(p.query(), Sort.DEFAULT, p.deep(), PAGE));
      List<String> libPart =
          uids(part.library().listAfter(q.query(), Sort.DEFAULT, q.deep(), PAGE));
      if (raw.size() != PAGE || !raw.equals(lib) || !raw.equals(libPart)) {
        throw new IllegalStateException(
            "deep page of workspace " + p.workspace() + " differs: " + raw + lib + libPart);
      }
      long counted = plain.raw().countOfWorkspace(p.workspace());
      if (plain.library().count(p.query()) != counted
          || part.library().count(q.query()) != counted) {
        throw new IllegalStateException("count of workspace " + p.workspace() + " differs");
      }
    }
  }

  private static List<String> uids(List<Activity> page) {
    return page.stream().map(a -> a.uid().toString()).toList();
  }

  /** One call of a read: returns the page, or the count as a one-element list. */
  @FunctionalInterface
  private interface Read {
    List<?> call() throws Exception;
  }

  private void compare(String label, Read raw, Read lib, Read part) throws Exception {
    List<Measurement> m =
        bench
            .runner()
            .compare(
                "PostgreSQL scale " + label,
                List.of(
                    new Contender("raw unpartitioned", () -> once(raw)),
                    new Contender("library unpartitioned", () -> once(lib)),
                    new Contender("library partitioned", () -> once(part))));
    readRows.add(
        List.of(
            label,
            cell(m.get(0)),
            cell(m.get(1)),
            cell(m.get(2)),
            Figures.ratio(m.get(1).medianNanos() / m.get(0).medianNanos()),
            Figures.ratio(m.get(2).medianNanos() / m.get(1).medianNanos())));
  }

  private static String cell(Measurement m) {
    return Figures.duration(m.medianNanos()) + " " + Figures.spread(m);
  }

  private static long once(Read read) throws Exception {
    if (read.call().isEmpty()) {
      throw new IllegalStateException("a read returned nothing");
    }
    return 1;
  }

  /** The oldest half of each table, a different way each, under a concurrent writer. */
  private void purges(Table copy, Table plain, Table part) throws Exception {
    Instant cutoff = cutoff();
    long before =
        scalar(copy.db(), "SELECT COUNT(*) FROM " + RawSql.TABLE + " WHERE created_at < ?", cutoff);
    bench
        .report()
        .paragraph(
            String.format(
                Locale.ROOT,
                "Purges of everything created before %s (the month boundary nearest the middle of"
                    + " the year: %,d rows, %.1f%% of each table), one way per table. A writer"
                    + " thread inserts one activity at a time through the library's `insert` (a"
                    + " new uid, created now, a random workspace) into the table being purged,"
                    + " pausing %d ms between inserts: first for %d s with nothing else running"
                    + " (\"quiet\"), then for as long as the purge runs. Latencies are per insert,"
                    + " by the nearest-rank method.",
                cutoff,
                before,
                100.0 * before / total,
                WRITER_PAUSE_MILLIS,
                QUIET_MILLIS / 1000));
    purge(
        copy,
        "one `DELETE … WHERE created_at < ?` (raw, one transaction)",
        () -> {
          try (Connection c = copy.db().pool().getConnection();
              PreparedStatement ps =
                  c.prepareStatement("DELETE FROM " + RawSql.TABLE + " WHERE created_at < ?")) {
            ps.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            return new long[] {ps.executeUpdate(), 1};
          }
        });
    purge(
        plain,
        "library `purge`, batches of "
            + ActivityRepository.DEFAULT_PURGE_BATCH_SIZE
            + ", unpartitioned",
        () -> {
          PurgeResult r =
              plain
                  .library()
                  .purge(
                      PurgeCriteria.createdBefore(cutoff),
                      ActivityRepository.DEFAULT_PURGE_BATCH_SIZE,
                      soFar -> true);
          return new long[] {r.removed(), r.batches()};
        });
    long partitionsBefore = partitions(part);
    purge(
        part,
        "library `purge`, partitioned by month (drops whole months)",
        () -> {
          PurgeResult r =
              part.library()
                  .purge(
                      PurgeCriteria.createdBefore(cutoff),
                      ActivityRepository.DEFAULT_PURGE_BATCH_SIZE,
                      soFar -> true);
          return new long[] {r.removed(), r.batches()};
        });
    long dropped = partitionsBefore - partitions(part);
    for (Table t : List.of(copy, plain, part)) {
      long left =
          scalar(t.db(), "SELECT COUNT(*) FROM " + RawSql.TABLE + " WHERE created_at < ?", cutoff);
      if (left != 0) {
        throw new IllegalStateException(t.name() + " kept " + left + " rows before the cutoff");
      }
    }
    bench
        .report()
        .table(
            List.of(
                "purge",
                "rows removed",
                "statements / batches",
                "purge time",
                "writer inserts (quiet / during)",
                "writer p50 quiet / during",
                "writer p99 quiet / during",
                "writer max during",
                "load avg (1 min) after"),
            purgeRows);
    bench
        .report()
        .paragraph(
            "The partitioned purge dropped "
                + dropped
                + " month partitions; every table was checked to hold no row before the cutoff"
                + " afterwards.");
  }

  /** The month boundary (UTC) nearest to the middle of the data set's year. */
  private Instant cutoff() {
    Instant first = Objects.requireNonNull(bench.data().historical(0, total).createdAt());
    Instant last = Objects.requireNonNull(bench.data().historical(total - 1, total).createdAt());
    Instant middle = first.plusMillis((last.toEpochMilli() - first.toEpochMilli()) / 2);
    YearMonth month = YearMonth.from(middle.atZone(ZoneOffset.UTC));
    Instant low = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant high = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return middle.toEpochMilli() - low.toEpochMilli() <= high.toEpochMilli() - middle.toEpochMilli()
        ? low
        : high;
  }

  /** A purge, answering the rows removed and the statements or batches it took. */
  @FunctionalInterface
  private interface Purge {
    long[] run() throws Exception;
  }

  private void purge(Table t, String how, Purge purge) throws Exception {
    bench.progress().printf("%s: %s%n", t.name(), how);
    Writer writer = new Writer(t.library(), bench.data());
    Thread thread = new Thread(writer, "scale-writer");
    thread.start();
    long start;
    long end;
    long[] result;
    try {
      Thread.sleep(QUIET_MILLIS);
      start = System.nanoTime();
      result = purge.run();
      end = System.nanoTime();
    } finally {
      writer.stop();
      thread.join();
    }
    if (writer.failure != null) {
      throw new IllegalStateException("the writer failed", writer.failure);
    }
    Percentiles quiet = writer.between(Long.MIN_VALUE, start);
    Percentiles during = writer.between(start, end);
    purgeRows.add(
        List.of(
            how,
            String.format(Locale.ROOT, "%,d", result[0]),
            String.format(Locale.ROOT, "%,d", result[1]),
            seconds(end - start),
            quiet.count() + " / " + during.count(),
            ms(quiet.at(0.5)) + " / " + ms(during.at(0.5)),
            ms(quiet.at(0.99)) + " / " + ms(during.at(0.99)),
            ms(during.max()),
            loadAverage1()));
  }

  /** Inserts one activity at a time until stopped, keeping when each started and how long. */
  private static final class Writer implements Runnable {
    private final ActivityRepository repository;
    private final SyntheticActivities data;
    private final SplittableRandom random = new SplittableRandom(11);
    private long[] starts = new long[4096];
    private long[] latencies = new long[4096];
    private int count;
    private volatile boolean stopped;
    private volatile @Nullable Throwable failure;

    Writer(ActivityRepository repository, SyntheticActivities data) {
      this.repository = repository;
      this.data = data;
    }

    void stop() {
      stopped = true;
    }

    @Override
    public void run() {
      try {
        while (!stopped) {
          NewActivity a = data.fresh(random, Instant.now());
          long start = System.nanoTime();
          repository.insert(a);
          long took = System.nanoTime() - start;
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            latencies = Arrays.copyOf(latencies, count * 2);
          }
          starts[count] = start;
          latencies[count++] = took;
          Thread.sleep(WRITER_PAUSE_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failure = e;
      }
    }

    /** The latencies of the inserts that started in [from, to); call after the thread ended. */
    Percentiles between(long from, long to) {
      long[] picked = new long[count];
      int n = 0;
      for (int i = 0; i < count; i++) {
        if (starts[i] >= from && starts[i] < to) {
          picked[n++] = latencies[i];
        }
      }
      if (n == 0) {
        // A purge shorter than one insert and its pause: the insert that overlapped it counts.
        for (int i = count - 1; i >= 0 && n == 0; i--) {
          if (starts[i] < to) {
            picked[n++] = latencies[i];
          }
        }
      }
      return Percentiles.of(picked, Math.max(1, n));
    }
  }

  private static long partitions(Table t) throws SQLException {
    return scalar(
        t.db(), "SELECT COUNT(*) FROM pg_partition_tree('" + RawSql.TABLE + "') WHERE isleaf");
  }

  private static long scalar(BenchDatabase db, String sql, Object... args) throws SQLException {
    try (Connection c = db.pool().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i] instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return "Load average at the start: " + parts[0] + " " + parts[1] + " " + parts[2] + ".";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String loadAverage1() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
