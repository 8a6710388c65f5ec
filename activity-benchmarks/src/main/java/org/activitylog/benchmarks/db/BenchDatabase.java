package org.activitylog.benchmarks.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.activitylog.jdbc.Dialect;

/**
 * One database under test and the connection pool both contenders share: the library gets it as its
 * host-owned DataSource and the raw JDBC code borrows from it, so pool and driver settings are the
 * same on both sides.
 */
public final class BenchDatabase implements AutoCloseable {
  private final String name;
  private final Dialect dialect;
  private final String url;
  private final HikariDataSource pool;

  private BenchDatabase(String name, Dialect dialect, String url, HikariDataSource pool) {
    this.name = name;
    this.dialect = dialect;
    this.url = url;
    this.pool = pool;
  }

  /**
   * Opens a pool on a database.
   *
   * @param name the name shown in the results, such as "H2 file"
   * @param dialect which database it is
   * @param url its JDBC URL, credentials included
   */
  public static BenchDatabase open(String name, Dialect dialect, String url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("bench-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
    config.setJdbcUrl(url);
    // One caller thread, the recorder's writer and the loader: four is plenty, and a fixed size
    // keeps the pool from opening connections during a measurement.
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(4);
    return new BenchDatabase(name, dialect, url, new HikariDataSource(config));
  }

  /**
   * Opens another pool on the same PostgreSQL database whose connections resolve unqualified table
   * names in one schema first (pgjdbc's {@code currentSchema}), so the raw SQL of {@link RawSql}
   * reads that schema's tables. The schema must exist before a statement runs.
   *
   * @param schema a plain lower-case identifier
   */
  public BenchDatabase inSchema(String schema) {
    if (!schema.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("schema must be a plain identifier; was " + schema);
    }
    String separator = url.contains("?") ? "&" : "?";
    return open(name + " " + schema, dialect, url + separator + "currentSchema=" + schema);
  }

  /** The name shown in the results. */
  public String name() {
    return name;
  }

  /** Which database it is. */
  public Dialect dialect() {
    return dialect;
  }

  /** The shared pool. */
  public HikariDataSource pool() {
    return pool;
  }

  /**
   * A connection outside the pool, for bulk loading with driver settings of its own.
   *
   * @param extra driver properties added to those of the URL
   * @throws SQLException when it cannot connect
   */
  public Connection connectDirectly(Properties extra) throws SQLException {
    return DriverManager.getConnection(url, extra);
  }

  /**
   * Runs statements outside any measurement, such as TRUNCATE or ANALYZE, in autocommit mode.
   *
   * @param statements the SQL
   * @throws SQLException when one fails
   */
  public void execute(String... statements) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
