package org.activitylog.benchmarks.scenarios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.NewActivity;
import org.activitylog.benchmarks.data.FreshActivities;
import org.activitylog.benchmarks.harness.Contender;
import org.activitylog.benchmarks.harness.Figures;
import org.activitylog.benchmarks.harness.Measurement;
import org.activitylog.benchmarks.harness.Operation;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.WriteGuard;

/**
 * Issue 10's write path: time per call of the facade's {@code record} and {@code update} (a PUT)
 * for a requester who may write its group, next to the repository's own {@code insert} and {@code
 * update} on the same table, so the figure shows what the facade adds.
 */
public final class FacadeScenarios {
  private static final int UPDATE_TARGETS = 1_000;

  private final Bench bench;

  /**
   * Creates the scenarios.
   *
   * @param bench the database and tools
   */
  public FacadeScenarios(Bench bench) {
    this.bench = bench;
  }

  /**
   * Runs them and reports.
   *
   * @throws Exception when the database fails
   */
  public void run() throws Exception {
    ActivityRepository repository = bench.store().activities();
    ActivityLog log = ActivityLog.builder(bench.store()).build();
    bench.truncate();
    FreshActivities forFacade = new FreshActivities(bench.data(), 3_001, Instant.now());
    FreshActivities forRepository = new FreshActivities(bench.data(), 3_002, Instant.now());
    // The host may write every group, so the facade's checks pass and are measured.
    Requester host = Requester.system("bench");
    List<Measurement> record =
        bench
            .runner()
            .compare(
                bench.database().name() + " facade record",
                List.of(
                    new Contender("facade record", new OneRow(forFacade, a -> log.record(host, a))),
                    new Contender(
                        "repository insert", new OneRow(forRepository, repository::insert))));
    bench.truncate();
    List<Activity> targets = repository.insertAll(forFacade.next(UPDATE_TARGETS));
    int[] next = {0};
    List<Measurement> update =
        bench
            .runner()
            .compare(
                bench.database().name() + " facade update",
                List.of(
                    new Contender(
                        "facade update",
                        () -> {
                          Activity t = targets.get(next[0]++ % targets.size());
                          log.update(host, t.id(), ActivityUpdate.text("put " + next[0]), null);
                          return 1;
                        }),
                    new Contender(
                        "repository update",
                        () -> {
                          Activity t = targets.get(next[0]++ % targets.size());
                          repository.update(
                              t.id(),
                              WriteGuard.TRUSTED,
                              ActivityUpdate.text("put " + next[0]),
                              "b");
                          return 1;
                        })));
    bench.truncate();
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("record one activity", record));
    rows.add(row("update one activity (PUT)", update));
    bench.report().heading(3, bench.database().name() + ": facade writes (time per call)");
    bench.report().table(List.of("", "facade", "repository", "facade ÷ repository"), rows);
  }

  private static List<String> row(String label, List<Measurement> m) {
    return List.of(
        label,
        Figures.duration(m.get(0).medianNanos()) + " " + Figures.spread(m.get(0)),
        Figures.duration(m.get(1).medianNanos()) + " " + Figures.spread(m.get(1)),
        Figures.ratio(m.get(0).medianNanos() / m.get(1).medianNanos()));
  }

  /** Writes one activity, built outside the timed region. */
  private static final class OneRow implements Operation {
    private final FreshActivities source;
    private final java.util.function.Consumer<NewActivity> write;
    private NewActivity draft;

    OneRow(FreshActivities source, java.util.function.Consumer<NewActivity> write) {
      this.source = source;
      this.write = write;
      this.draft = source.next();
    }

    @Override
    public void prepare() {
      draft = source.next();
    }

    @Override
    public long run() {
      write.accept(draft);
      return 1;
    }
  }
}
