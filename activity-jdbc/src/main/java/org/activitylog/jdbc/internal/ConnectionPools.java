package org.activitylog.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.time.Duration;
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
   * @return the pool; the caller closes it
   */
  public static HikariDataSource create(
      String url,
      @Nullable String user,
      @Nullable String password,
      int size,
      Duration connectionTimeout) {
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
    if (url.startsWith("jdbc:postgresql:")) {
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
}
