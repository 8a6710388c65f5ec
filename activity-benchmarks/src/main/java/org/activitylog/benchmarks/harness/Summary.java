package org.activitylog.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;

/** Every target checked during a run, for the summary table at the end. */
public final class Summary {
  private final List<Verdict> verdicts = new ArrayList<>();

  /**
   * One checked target.
   *
   * @param database the database
   * @param scenario what was measured
   * @param result the measured figure, such as a ratio
   * @param target the target, such as "≤ 1.25x"
   * @param met whether the result meets it
   */
  public record Verdict(
      String database, String scenario, String result, String target, boolean met) {}

  /**
   * Notes a checked target.
   *
   * @param verdict the outcome
   */
  public void add(Verdict verdict) {
    verdicts.add(verdict);
  }

  /** The outcomes so far, in order. */
  public List<Verdict> verdicts() {
    return List.copyOf(verdicts);
  }

  /**
   * Adds the summary table to a report.
   *
   * @param report the report
   */
  public void writeTo(Report report) {
    List<List<String>> rows = new ArrayList<>();
    for (Verdict v : verdicts) {
      rows.add(
          List.of(v.database(), v.scenario(), v.result(), v.target(), Figures.verdict(v.met())));
    }
    report.table(List.of("database", "scenario", "result", "target", ""), rows);
  }
}
