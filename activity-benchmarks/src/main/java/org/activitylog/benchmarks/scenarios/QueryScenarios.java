package org.activitylog.benchmarks.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Cursor;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.benchmarks.data.SyntheticActivities;
import org.activitylog.benchmarks.db.CapturedStatement;
import org.activitylog.benchmarks.db.CapturingDataSource;
import org.activitylog.benchmarks.db.DatasetLoader;
import org.activitylog.benchmarks.db.QueryPlans;
import org.activitylog.benchmarks.db.RawActivity;
import org.activitylog.benchmarks.db.RawActivityReader;
import org.activitylog.benchmarks.db.RawJson;
import org.activitylog.benchmarks.db.RawSql;
import org.activitylog.benchmarks.harness.Contender;
import org.activitylog.benchmarks.harness.Figures;
import org.activitylog.benchmarks.harness.Measurement;
import org.activitylog.benchmarks.harness.Summary;
import org.activitylog.jdbc.Dialect;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.spi.ActivityRepository;
import org.jspecify.annotations.Nullable;

/**
 * Issue 3's read benchmark over a loaded data set: the first page of a workspace (with and without
 * the total), keyset pages deep into a workspace and into the whole table (the export scan), and
 * counts, each against hand-written SQL on the same table, and each deep keyset page against the
 * first page of the same listing.
 *
 * <p>Every call cycles through the same eight probes (workspaces, types, cursors) on both sides.
 * The raw baseline runs twice: reading the JSON columns as text, and also parsing them with
 * Jackson, which gives the caller what the library's typed activities give; the target is checked
 * against the second.
 */
public final class QueryScenarios {
  /** The target: the library within this factor of the hand-written SQL. */
  static final double TARGET = 1.5;

  private static final int PAGE = PageRequest.DEFAULT_SIZE;
  private static final int PROBES = 8;

  private final Bench bench;
  private final ActivityRepository library;
  private final RawActivityReader raw;
  private final List<Probe> probes = new ArrayList<>();
  private final List<Cursor> deepOverall = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();
  private final List<List<String>> depthRows = new ArrayList<>();
  private long overallDepth;
  private long workspaceDepth;

  /**
   * Creates the scenarios.
   *
   * @param bench the database and tools
   */
  public QueryScenarios(Bench bench) {
    this.bench = bench;
    this.library = bench.store().activities();
    this.raw = bench.reader();
  }

  /** One workspace, one type and a cursor halfway down the workspace's feed. */
  private record Probe(long workspace, ActivityType type, Cursor deep) {
    ActivityQuery workspaceQuery() {
      return ActivityQuery.builder().workspaceGroupId(workspace).build();
    }

    ActivityQuery workspaceAndTypeQuery() {
      return ActivityQuery.builder().workspaceGroupId(workspace).type(type).build();
    }
  }

  /**
   * Loads the data set, runs the scenarios and reports.
   *
   * @throws Exception when the database fails
   */
  public void run() throws Exception {
    long total = bench.options().rows();
    String db = bench.database().name();
    bench.progress().printf("%s: loading %,d activities%n", db, total);
    long loadNanos =
        new DatasetLoader(bench.database(), bench.writer(), bench.progress())
            .load(bench.data(), total);
    choosePlaces(total);
    bench
        .report()
        .heading(3, db + ": reads at " + String.format(Locale.ROOT, "%,d", total) + " rows");
    bench
        .report()
        .paragraph(
            String.format(
                Locale.ROOT,
                "Loaded %,d activities (%d workspace groups, %,d actors, %d types, one year) in %.0f"
                    + " s with raw batched inserts, then %s. A workspace holds about %,d"
                    + " activities; the deep workspace page starts %,d rows down, the deep page of"
                    + " all workspaces %,d rows down.",
                total,
                SyntheticActivities.WORKSPACES,
                SyntheticActivities.ACTORS,
                bench.data().types().size(),
                loadNanos / 1e9,
                bench.database().dialect() == Dialect.POSTGRESQL ? "VACUUM ANALYZE" : "ANALYZE",
                workspaceDepth * 2,
                workspaceDepth,
                overallDepth));
    checkSameResults();

    int[] n = new int[6];
    compare(
        "first page of one workspace, with its total (`list`)",
        () -> {
          Probe p = probe(n, 0);
          return library.list(p.workspaceQuery(), PageRequest.DEFAULT, Sort.DEFAULT).total();
        },
        () -> raw.firstPageOfWorkspaceWithTotal(probe(n, 1).workspace(), PAGE, true).total(),
        () -> raw.firstPageOfWorkspaceWithTotal(probe(n, 2).workspace(), PAGE, false).total());
    int[] b = new int[6];
    Measurement firstWsLib =
        compare(
            "first page of one workspace, no total (`listAfter` from the start)",
            () -> library.listAfter(probe(b, 0).workspaceQuery(), Sort.DEFAULT, null, PAGE).size(),
            () -> raw.firstPageOfWorkspace(probe(b, 1).workspace(), PAGE, true).size(),
            () -> raw.firstPageOfWorkspace(probe(b, 2).workspace(), PAGE, false).size());
    int[] c = new int[6];
    Measurement deepWsLib =
        compare(
            "keyset page "
                + String.format(Locale.ROOT, "%,d", workspaceDepth)
                + " rows into one"
                + " workspace (`listAfter`)",
            () -> {
              Probe p = probe(c, 0);
              return library.listAfter(p.workspaceQuery(), Sort.DEFAULT, p.deep(), PAGE).size();
            },
            () -> {
              Probe p = probe(c, 1);
              return raw.keysetPageOfWorkspace(p.workspace(), p.deep(), PAGE, true).size();
            },
            () -> {
              Probe p = probe(c, 2);
              return raw.keysetPageOfWorkspace(p.workspace(), p.deep(), PAGE, false).size();
            });
    Measurement firstAllLib =
        compare(
            "first page of all workspaces (`listAfter` from the start, the export scan)",
            () -> library.listAfter(ActivityQuery.ALL, Sort.DEFAULT, null, PAGE).size(),
            () -> raw.firstPageOverall(PAGE, true).size(),
            () -> raw.firstPageOverall(PAGE, false).size());
    int[] e = new int[6];
    Measurement deepAllLib =
        compare(
            "keyset page "
                + String.format(Locale.ROOT, "%,d", overallDepth)
                + " rows into all workspaces (`listAfter`, the export scan)",
            () -> library.listAfter(ActivityQuery.ALL, Sort.DEFAULT, deep(e, 0), PAGE).size(),
            () -> raw.keysetPageOverall(deep(e, 1), PAGE, true).size(),
            () -> raw.keysetPageOverall(deep(e, 2), PAGE, false).size());
    int[] f = new int[6];
    compare(
        "count of one workspace and type (`count`)",
        () -> library.count(probe(f, 0).workspaceAndTypeQuery()),
        () -> {
          Probe p = probe(f, 1);
          return raw.countOfWorkspaceAndType(p.workspace(), p.type().code());
        },
        null);
    int[] g = new int[6];
    compare(
        "count of one workspace (`count`)",
        () -> library.count(probe(g, 0).workspaceQuery()),
        () -> raw.countOfWorkspace(probe(g, 1).workspace()),
        null);

    depth("one workspace", deepWsLib, firstWsLib);
    depth("all workspaces", deepAllLib, firstAllLib);
    bench
        .report()
        .paragraph(
            "Median time per call over the measured rounds (± half the spread between the fastest"
                + " and slowest round). Raw JDBC runs the hand-written SQL of `RawSql` and reads"
                + " every column; \"parsed\" also parses the JSON columns with Jackson, which is"
                + " what the library's typed result carries, and is the baseline of the target.");
    bench
        .report()
        .table(
            List.of(
                "",
                "library",
                "raw JDBC, parsed",
                "raw JDBC, JSON as text",
                "library ÷ raw parsed",
                "library ÷ raw text",
                "target ≤ 1.5x"),
            rows);
    bench.report().paragraph("Deep keyset page against the first page of the same listing:");
    bench
        .report()
        .table(
            List.of("listing", "library deep", "library first", "deep ÷ first", "target ≤ 1.5x"),
            depthRows);
    plans();
  }

  /** Picks the probes: workspaces spread over the range, a type each, and the deep cursors. */
  private void choosePlaces(long total) throws Exception {
    List<ActivityType> types = bench.data().types();
    long sum = 0;
    for (int j = 0; j < PROBES; j++) {
      long workspace = SyntheticActivities.workspace(j * 6 % SyntheticActivities.WORKSPACES);
      long size = raw.countOfWorkspace(workspace);
      sum += size;
      Cursor deep =
          raw.cursorOfWorkspace(workspace, size / 2)
              .orElseThrow(() -> new IllegalStateException("workspace " + workspace + " is empty"));
      probes.add(new Probe(workspace, types.get(j * 13 % types.size()), deep));
    }
    workspaceDepth = sum / PROBES / 2;
    overallDepth = total / 10;
    for (int j = 0; j < PROBES; j++) {
      long depth = overallDepth + j * 1_000L;
      deepOverall.add(
          raw.cursorOverall(depth)
              .orElseThrow(() -> new IllegalStateException("no row at depth " + depth)));
    }
  }

  private Probe probe(int[] counters, int contender) {
    return probes.get(counters[contender]++ % PROBES);
  }

  private Cursor deep(int[] counters, int contender) {
    return deepOverall.get(counters[contender]++ % PROBES);
  }

  /** One call of a contender: returns something derived from the result, so it is not elided. */
  @FunctionalInterface
  private interface Call {
    long call() throws Exception;
  }

  private Measurement compare(String label, Call lib, Call rawParsed, @Nullable Call rawText)
      throws Exception {
    List<Contender> contenders = new ArrayList<>();
    contenders.add(new Contender("library", () -> once(lib)));
    contenders.add(new Contender("raw parsed", () -> once(rawParsed)));
    if (rawText != null) {
      contenders.add(new Contender("raw text", () -> once(rawText)));
    }
    List<Measurement> m = bench.runner().compare(bench.database().name() + " " + label, contenders);
    Measurement l = m.get(0);
    Measurement p = m.get(1);
    double ratio = l.medianNanos() / p.medianNanos();
    boolean met = ratio <= TARGET;
    String textCell = "n/a";
    String textRatio = "n/a";
    if (m.size() > 2) {
      Measurement t = m.get(2);
      textCell = Figures.duration(t.medianNanos()) + " " + Figures.spread(t);
      textRatio = Figures.ratio(l.medianNanos() / t.medianNanos());
    }
    rows.add(
        List.of(
            label,
            Figures.duration(l.medianNanos()) + " " + Figures.spread(l),
            Figures.duration(p.medianNanos()) + " " + Figures.spread(p),
            textCell,
            Figures.ratio(ratio),
            textRatio,
            Figures.verdict(met)));
    bench
        .summary()
        .add(
            new Summary.Verdict(
                bench.database().name(),
                label + " (library ÷ raw JDBC)",
                Figures.ratio(ratio),
                "≤ " + TARGET + "x",
                met));
    return l;
  }

  private static long once(Call call) throws Exception {
    long result = call.call();
    if (result < 0) {
      throw new IllegalStateException("a query answered " + result);
    }
    return 1;
  }

  private void depth(String listing, Measurement deep, Measurement first) {
    double ratio = deep.medianNanos() / first.medianNanos();
    boolean met = ratio <= TARGET;
    depthRows.add(
        List.of(
            listing,
            Figures.duration(deep.medianNanos()),
            Figures.duration(first.medianNanos()),
            Figures.ratio(ratio),
            Figures.verdict(met)));
    bench
        .summary()
        .add(
            new Summary.Verdict(
                bench.database().name(),
                "deep keyset page ÷ first page, " + listing + " (library)",
                Figures.ratio(ratio),
                "≤ " + TARGET + "x",
                met));
  }

  /** Fails when the library and the hand-written SQL disagree on what a query returns. */
  private void checkSameResults() throws Exception {
    Probe p = probes.get(0);
    same(
        "first page of a workspace",
        library.listAfter(p.workspaceQuery(), Sort.DEFAULT, null, PAGE),
        raw.firstPageOfWorkspace(p.workspace(), PAGE, false));
    same(
        "deep page of a workspace",
        library.listAfter(p.workspaceQuery(), Sort.DEFAULT, p.deep(), PAGE),
        raw.keysetPageOfWorkspace(p.workspace(), p.deep(), PAGE, false));
    same(
        "deep page of all workspaces",
        library.listAfter(ActivityQuery.ALL, Sort.DEFAULT, deepOverall.get(0), PAGE),
        raw.keysetPageOverall(deepOverall.get(0), PAGE, false));
    long libCount = library.count(p.workspaceAndTypeQuery());
    long rawCount = raw.countOfWorkspaceAndType(p.workspace(), p.type().code());
    if (libCount != rawCount) {
      throw new IllegalStateException(
          "count of workspace and type: library " + libCount + ", raw " + rawCount);
    }
  }

  private static void same(String what, List<Activity> lib, List<RawActivity> rawRows) {
    List<Long> a = lib.stream().map(Activity::id).toList();
    List<Long> b = rawRows.stream().map(RawActivity::id).toList();
    if (a.size() != PAGE || !a.equals(b)) {
      throw new IllegalStateException(what + ": library returned " + a + ", raw JDBC " + b);
    }
  }

  /** Adds the plans of the library's statements and of the hand-written ones, as run. */
  private void plans() throws Exception {
    CapturingDataSource capturing = new CapturingDataSource(bench.database().pool());
    QueryPlans explain = new QueryPlans(bench.database().pool(), bench.database().dialect());
    RawActivityReader capturedRaw =
        new RawActivityReader(capturing, new RawSql(bench.database().dialect()), new RawJson());
    Probe p = probes.get(1);
    try (JdbcActivityStore capturedStore =
        JdbcActivityStore.builder().dataSource(capturing).migrate(false).build()) {
      ActivityRepository lib = capturedStore.activities();
      capturing.drain();
      bench.report().heading(4, bench.database().name() + ": query plans (EXPLAIN ANALYZE)");
      plan(
          "first page of one workspace, with its total",
          capturing,
          explain,
          () -> lib.list(p.workspaceQuery(), PageRequest.DEFAULT, Sort.DEFAULT),
          () -> capturedRaw.firstPageOfWorkspaceWithTotal(p.workspace(), PAGE, false));
      plan(
          "keyset page deep into one workspace",
          capturing,
          explain,
          () -> lib.listAfter(p.workspaceQuery(), Sort.DEFAULT, p.deep(), PAGE),
          () -> capturedRaw.keysetPageOfWorkspace(p.workspace(), p.deep(), PAGE, false));
      plan(
          "keyset page deep into all workspaces",
          capturing,
          explain,
          () -> lib.listAfter(ActivityQuery.ALL, Sort.DEFAULT, deepOverall.get(1), PAGE),
          () -> capturedRaw.keysetPageOverall(deepOverall.get(1), PAGE, false));
      plan(
          "count of one workspace and type",
          capturing,
          explain,
          () -> lib.count(p.workspaceAndTypeQuery()),
          () -> capturedRaw.countOfWorkspaceAndType(p.workspace(), p.type().code()));
    }
  }

  /** Something to run once while statements are captured. */
  @FunctionalInterface
  private interface Action {
    Object run() throws Exception;
  }

  private void plan(
      String what, CapturingDataSource capturing, QueryPlans explain, Action lib, Action rawAction)
      throws Exception {
    lib.run();
    List<CapturedStatement> libStatements = capturing.drain();
    rawAction.run();
    List<CapturedStatement> rawStatements = capturing.drain();
    StringBuilder text = new StringBuilder();
    for (CapturedStatement s : libStatements) {
      text.append("-- library: ").append(s.sql()).append('\n').append(explain.explain(s));
      text.append('\n');
    }
    for (CapturedStatement s : rawStatements) {
      text.append("-- raw JDBC: ").append(s.sql()).append('\n').append(explain.explain(s));
      text.append('\n');
    }
    bench.report().paragraph(what + ":");
    bench.report().preformatted(text.toString());
  }
}
