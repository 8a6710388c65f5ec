package org.activitylog.benchmarks.harness;

/**
 * One repetition of the work a contender is measured on: an insert of one batch, one query, and so
 * on. Only {@link #run()} is timed.
 */
@FunctionalInterface
public interface Operation {

  /**
   * Prepares the next {@link #run()} outside the timed region, for example by building the rows it
   * inserts, so that both contenders are measured on the database work alone.
   *
   * @throws Exception when preparing fails; the benchmark stops
   */
  default void prepare() throws Exception {}

  /**
   * Does the work once.
   *
   * @return how many units (rows, queries) it processed, for the per-unit figures
   * @throws Exception when the work fails; the benchmark stops
   */
  long run() throws Exception;
}
