package org.activitylog.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Builds the HikariCP pool a store owns when it is given a JDBC URL instead of a DataSource. */
public final class ConnectionPools {
  /**
   * H2's codes for a connection that is dead for good. H2 does not use SQLState class 08 for them,
   * so HikariCP would hand the dead connection out again; evicting it on the first failure means
   * the next call opens a fresh one and works as soon as the database is back.
   */
  private static final Set<String> H2_DEAD_CONNECTION = Set.of("90067", "90098", "90121");

  private ConnectionPools() {}

  /**
   * Creates a pool. It opens no connection until the first use, so a database that is down at start
   * is reported by that use as unavailable rather than by a pool exception.
   *
   * @param url the JDBC URL
   * @param user the user, or null when the URL carries it
   * @param password the password, or null
   * @param size the most connections
   * @param connectionTimeout how long a caller waits for a connection before the store reports
   *     itself unavailable
   * @param lockTimeout how long a statement waits for a row lock another transaction holds, set on
   *     every connection the pool opens
   * @return the pool; the caller closes it
   */
  public static HikariDataSource create(
      String url,
      @Nullable String user,
      @Nullable String password,
      int size,
      Duration connectionTimeout,
      Duration lockTimeout) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("activitylog");
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(Math.min(2, size));
    long timeoutMillis = connectionTimeout.toMillis();
    config.setConnectionTimeout(timeoutMillis);
    config.setValidationTimeout(Math.max(250, Math.min(timeoutMillis, 2_000)));
    config.setInitializationFailTimeout(-1);
    long lockMillis = lockTimeout.toMillis();
    if (url.startsWith("jdbc:h2:")) {
      config.setConnectionInitSql("SET LOCK_TIMEOUT " + lockMillis);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      config.setConnectionInitSql("SET lock_timeout = " + lockMillis);
      // No idle connections are kept while the server is down: HikariCP's background connection
      // attempts then stop between calls instead of backing off to 5 s, so the first call after
      // the server is back connects at once (an embedded H2 keeps its idle connections, which
      // keep the database open).
      config.setMinimumIdle(0);
      // Keeps bound values (a uid in a duplicate-key detail, for example) out of the driver's
      // exception messages, which end up in logs.
      config.addDataSourceProperty("logServerErrorDetail", "false");
      config.addDataSourceProperty("ApplicationName", "activitylog");
    }
    config.setExceptionOverride(
        new SQLExceptionOverride() {
          @java.lang.Override
          public SQLExceptionOverride.Override adjudicate(SQLException e) {
            return H2_DEAD_CONNECTION.contains(e.getSQLState())
                ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
          }
        });
    return new HikariDataSource(config);
  }

  /**
   * Opens one connection straight through the driver, with the pool's URL and settings. The pool
   * retries a failed connect until its connection timeout, which is right for an outage but makes a
   * store that can never open (a database file locked by another process, wrong credentials) wait
   * before it says so; this fails at once with the driver's own exception.
   *
   * @param pool the pool whose settings to use
   * @return the connection; the caller closes it
   * @throws SQLException when the driver cannot connect
   */
  public static Connection connectOnce(HikariDataSource pool) throws SQLException {
    Properties properties = new Properties();
    properties.putAll(pool.getDataSourceProperties());
    if (pool.getUsername() != null) {
      properties.setProperty("user", pool.getUsername());
    }
    if (pool.getPassword() != null) {
      properties.setProperty("password", pool.getPassword());
    }
    return DriverManager.getConnection(pool.getJdbcUrl(), properties);
  }

  /**
   * {@return whether every connection the pool may open is in use, so that a timed-out wait means a
   * busy pool rather than a database that does not answer}
   *
   * @param pool the pool
   */
  public static boolean isFull(HikariDataSource pool) {
    HikariPoolMXBean state = pool.getHikariPoolMXBean();
    return state == null || state.getActiveConnections() >= pool.getMaximumPoolSize();
  }
}
