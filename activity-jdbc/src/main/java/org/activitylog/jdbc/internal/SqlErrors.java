package org.activitylog.jdbc.internal;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.activitylog.api.ActivityLogException;
import org.activitylog.api.ConflictException;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Turns driver and pool failures into the library's exceptions. The messages are fixed text: they
 * never carry the SQL, the bound values or the connection settings. The driver's exception stays
 * attached as the cause, for the operator's logs.
 */
public final class SqlErrors {
  /**
   * SQLStates that mean the database is gone or refusing work for now: PostgreSQL's shutdown and
   * startup states, H2's broken-connection, closed-database and lock-timeout codes.
   */
  private static final Set<String> UNAVAILABLE_STATES =
      Set.of(
          "57P01", // admin_shutdown
          "57P02", // crash_shutdown
          "57P03", // cannot_connect_now
          "57014", // query_canceled (statement timeout)
          "90067", // H2: connection is broken
          "90098", // H2: database is closed
          "90121", // H2: database called at shutdown
          "90020", // H2: database file is locked by another process
          "HYT00"); // H2: lock timeout

  private SqlErrors() {}

  /**
   * {@return the library exception for a failure while talking to the database}
   *
   * @param failure a Jdbi, pool or driver exception
   */
  public static ActivityLogException translate(Throwable failure) {
    SQLException sql = sqlCause(failure);
    Throwable cause = sql != null ? sql : failure;
    String state = sql == null ? null : sql.getSQLState();
    if (isUnavailable(sql, state)) {
      return new StoreUnavailableException(
          "the activity database cannot be reached; try again later", cause);
    }
    if (state != null && state.startsWith("40")) {
      return new StoreUnavailableException(
          "the activity database gave up on a concurrent transaction; try again", cause);
    }
    if ("23505".equals(state)) {
      return new ConflictException(
          "the activity conflicts with one stored at the same time; read it again and retry");
    }
    if (state != null && state.startsWith("22")) {
      return new ValidationException(
          "activity", "holds a value the database cannot store (for example a NUL character)");
    }
    if (state != null && state.startsWith("42")) {
      return new StoreUnavailableException(
          "the activity database schema is missing or out of date; start the store with"
              + " migrations on, or apply the DDL from JdbcActivityStore.schemaSql",
          cause);
    }
    return new StoreUnavailableException("the activity database failed the operation", cause);
  }

  /**
   * {@return whether a failure is a unique-key violation, as when two transactions insert one uid}
   *
   * @param failure any exception
   */
  public static boolean isUniqueViolation(Throwable failure) {
    SQLException sql = sqlCause(failure);
    return sql != null && "23505".equals(sql.getSQLState());
  }

  /**
   * {@return whether a failure means the database cannot be reached, as opposed to refusing a
   * statement}
   *
   * @param failure any exception
   */
  public static boolean isConnectionFailure(Throwable failure) {
    SQLException sql = sqlCause(failure);
    return isUnavailable(sql, sql == null ? null : sql.getSQLState());
  }

  private static boolean isUnavailable(@Nullable SQLException sql, @Nullable String state) {
    if (sql == null) {
      return false;
    }
    return sql instanceof SQLTransientConnectionException
        || sql instanceof SQLNonTransientConnectionException
        || sql instanceof SQLRecoverableException
        || sql instanceof SQLTimeoutException
        || (state != null
            && (state.startsWith("08")
                || state.startsWith("53")
                || UNAVAILABLE_STATES.contains(state)));
  }

  /** The most specific SQLException in a cause chain, looking into batch failures. */
  static @Nullable SQLException sqlCause(Throwable failure) {
    SQLException found = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e) {
        found = e;
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
          found = e.getNextException();
        }
        if (found.getSQLState() != null) {
          return found;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return found;
  }
}
