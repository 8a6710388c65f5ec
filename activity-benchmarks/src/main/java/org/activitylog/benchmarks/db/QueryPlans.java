package org.activitylog.benchmarks.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.activitylog.jdbc.Dialect;

/**
 * Runs a captured statement under {@code EXPLAIN ANALYZE} with the values it was bound to, so the
 * plan shown is the one the measured statement got.
 */
public final class QueryPlans {
  private final DataSource dataSource;
  private final Dialect dialect;

  /**
   * Creates the helper.
   *
   * @param dataSource where connections come from
   * @param dialect the database
   */
  public QueryPlans(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * The plan of a statement, as the database prints it.
   *
   * @param statement the statement and its values
   * @throws SQLException when EXPLAIN fails
   */
  public String explain(CapturedStatement statement) throws SQLException {
    String prefix =
        dialect == Dialect.POSTGRESQL ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
    StringBuilder plan = new StringBuilder();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(prefix + statement.sql())) {
      statement.replay(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }
}
