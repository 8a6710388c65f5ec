package org.activitylog.benchmarks.scenarios;

import java.io.PrintStream;
import java.sql.SQLException;
import org.activitylog.benchmarks.BenchmarkOptions;
import org.activitylog.benchmarks.data.SyntheticActivities;
import org.activitylog.benchmarks.db.BenchDatabase;
import org.activitylog.benchmarks.db.RawActivityReader;
import org.activitylog.benchmarks.db.RawActivityWriter;
import org.activitylog.benchmarks.db.RawSql;
import org.activitylog.benchmarks.harness.Report;
import org.activitylog.benchmarks.harness.RoundRunner;
import org.activitylog.benchmarks.harness.Summary;
import org.activitylog.jdbc.JdbcActivityStore;

/**
 * What every scenario of one database works with: the database, the library's store on its pool,
 * the raw JDBC baselines on the same pool, the data, the runner and where results go.
 *
 * @param options the run's options
 * @param database the database under test
 * @param store the library's store, built on the database's pool
 * @param writer the raw JDBC insert baseline
 * @param reader the raw JDBC read baseline
 * @param data the data generator
 * @param runner runs the rounds
 * @param report the results
 * @param summary the checked targets
 * @param progress where progress lines go
 */
public record Bench(
    BenchmarkOptions options,
    BenchDatabase database,
    JdbcActivityStore store,
    RawActivityWriter writer,
    RawActivityReader reader,
    SyntheticActivities data,
    RoundRunner runner,
    Report report,
    Summary summary,
    PrintStream progress) {

  /**
   * Empties the activity table between scenarios.
   *
   * @throws SQLException when it fails
   */
  public void truncate() throws SQLException {
    database.execute("TRUNCATE TABLE " + RawSql.TABLE);
  }
}
