package org.activitylog.benchmarks.db;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.activitylog.api.NewActivity;
import org.activitylog.benchmarks.data.SyntheticActivities;
import org.activitylog.jdbc.Dialect;

/**
 * Fills the activity table with a data set before the query benchmarks: plain batched inserts of
 * 1,000 rows per transaction on a connection of its own (with PostgreSQL's batch rewriting, which
 * the measured code does not get), then fresh planner statistics.
 */
public final class DatasetLoader {
  private static final int BATCH = 1_000;

  private final BenchDatabase database;
  private final RawActivityWriter writer;
  private final PrintStream progress;

  /**
   * Creates a loader.
   *
   * @param database the database
   * @param writer binds the rows
   * @param progress where progress lines go
   */
  public DatasetLoader(BenchDatabase database, RawActivityWriter writer, PrintStream progress) {
    this.database = database;
    this.writer = writer;
    this.progress = progress;
  }

  /**
   * Empties the table and loads {@code total} activities of a data set.
   *
   * @param data the data set
   * @param total how many
   * @return how long it took, in nanoseconds
   * @throws SQLException when an insert fails
   */
  public long load(SyntheticActivities data, long total) throws SQLException {
    long start = System.nanoTime();
    database.execute("TRUNCATE TABLE " + RawSql.TABLE);
    Properties props = new Properties();
    if (database.dialect() == Dialect.POSTGRESQL) {
      props.setProperty("reWriteBatchedInserts", "true");
    }
    try (Connection c = database.connectDirectly(props)) {
      List<NewActivity> batch = new ArrayList<>(BATCH);
      long reported = 0;
      for (long i = 0; i < total; i++) {
        batch.add(data.historical(i, total));
        if (batch.size() == BATCH || i == total - 1) {
          writer.insertBatch(c, false, batch, false);
          batch.clear();
        }
        if (i + 1 - reported >= total / 10) {
          reported = i + 1;
          progress.printf(
              "  loaded %,d of %,d rows in %.0f s%n",
              reported, total, (System.nanoTime() - start) / 1e9);
        }
      }
    }
    if (database.dialect() == Dialect.POSTGRESQL) {
      // A freshly loaded table has no statistics and no visibility map until autovacuum comes by;
      // a live table would have both.
      database.execute("VACUUM ANALYZE " + RawSql.TABLE);
    } else {
      database.execute("ANALYZE");
    }
    return System.nanoTime() - start;
  }
}
