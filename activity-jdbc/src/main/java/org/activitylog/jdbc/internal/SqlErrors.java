package org.activitylog.jdbc.internal;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.activitylog.api.ActivityLogException;
import org.activitylog.api.ConflictException;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.StoreUnavailableException.Reason;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Turns driver and pool failures into the library's exceptions, each {@link
 * StoreUnavailableException} with the {@link Reason} that tells a caller whether waiting helps. The
 * messages are fixed text that says what to do: they never carry the SQL, the bound values, paths
 * or the connection settings. The driver's exception stays attached as the cause, for the
 * operator's logs.
 */
public final class SqlErrors {
  static final String UNREACHABLE = "the activity database cannot be reached; try again later";
  static final String POOL_BUSY =
      "every connection to the activity database is in use; try again shortly, or raise the"
          + " store's poolSize";
  static final String CONFLICT_RETRY =
      "the activity database gave up on a concurrent transaction; try again";
  static final String TOO_MANY_CONNECTIONS =
      "the activity database refuses more connections; try again shortly, or raise its"
          + " connection limit";
  static final String STATEMENT_TIMEOUT =
      "the activity database did not finish within the statement timeout; retry when it is less"
          + " loaded, or raise the store's statementTimeout";
  static final String LOCK_TIMEOUT =
      "the activity data is locked by another transaction for longer than the lock timeout; end"
          + " that transaction, or raise the store's lockTimeout";
  static final String LOCKED =
      "the activity database is in use by another process; stop that process, or give this one"
          + " a data directory of its own";
  static final String DAMAGED =
      "the activity database is damaged; restore it from a backup before starting again";
  static final String SCHEMA =
      "the activity database schema is missing or out of date; start the store with"
          + " migrations on, or apply the DDL from JdbcActivityStore.schemaSql";
  static final String LOGIN =
      "the activity database refused the login; check the configured credentials";
  static final String RESOURCES =
      "the activity database ran out of disk space or memory; an operator must free some";
  static final String FAILED = "the activity database failed the operation; see the server log";

  /**
   * The database is gone or refusing work for now: PostgreSQL's shutdown and startup states, H2's
   * broken-connection and closed-database codes. Class 08 (connection exception) is added by
   * prefix.
   */
  private static final Set<String> UNREACHABLE_STATES =
      Set.of(
          "57P01", // admin_shutdown
          "57P02", // crash_shutdown
          "57P03", // cannot_connect_now
          "90067", // H2: connection is broken
          "90098", // H2: database is closed
          "90121"); // H2: database called at shutdown

  /** PostgreSQL's query_canceled (statement_timeout, setQueryTimeout); H2's statement canceled. */
  private static final String STATEMENT_CANCELED = "57014";

  private static final Set<String> LOCK_TIMEOUT_STATES =
      Set.of(
          "55P03", // PostgreSQL: lock_not_available (lock_timeout)
          "HYT00"); // H2: lock timeout

  private static final Set<String> DAMAGED_STATES =
      Set.of(
          "XX001", // PostgreSQL: data_corrupted
          "XX002", // PostgreSQL: index_corrupted
          "90030", // H2: file corrupted
          "90048"); // H2: file version error (not a database file this H2 can read)

  private static final Set<String> SCHEMA_STATES =
      Set.of(
          "3F000", // PostgreSQL: invalid_schema_name
          "90079"); // H2: schema not found

  /** H2: database may be already in use (its file is locked by another process). */
  private static final String H2_FILE_LOCKED = "90020";

  private SqlErrors() {}

  /**
   * {@return the library exception for a failure while talking to the database}
   *
   * @param failure a Jdbi, pool or driver exception
   */
  public static ActivityLogException translate(Throwable failure) {
    return translate(failure, () -> true);
  }

  /**
   * {@return the library exception for a failure while talking to the database through a pool whose
   * state can be asked}
   *
   * @param failure a Jdbi, pool or driver exception
   * @param poolFull whether every connection of the pool is in use; asked only when the pool timed
   *     out before any connection attempt failed, which happens both when the pool is full and when
   *     opening a connection takes longer than the timeout (a server that does not answer)
   */
  public static ActivityLogException translate(Throwable failure, BooleanSupplier poolFull) {
    if (isPoolTimeoutWithoutCause(failure)) {
      return poolFull.getAsBoolean()
          ? new StoreUnavailableException(Reason.BUSY, POOL_BUSY, failure)
          : new StoreUnavailableException(Reason.UNREACHABLE, UNREACHABLE, failure);
    }
    SQLException sql = sqlCause(failure);
    Throwable cause = sql != null ? sql : failure;
    String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    if ("23505".equals(state)) {
      return new ConflictException(
          "the activity conflicts with one stored at the same time; read it again and retry");
    }
    if (state.startsWith("22")) {
      return new ValidationException(
          "activity", "holds a value the database cannot store (for example a NUL character)");
    }
    Reason reason = reason(sql, state);
    return new StoreUnavailableException(reason, message(reason, state), cause);
  }

  private static Reason reason(@Nullable SQLException sql, String state) {
    if (H2_FILE_LOCKED.equals(state)) {
      return Reason.LOCKED;
    }
    if (STATEMENT_CANCELED.equals(state)
        || LOCK_TIMEOUT_STATES.contains(state)
        || sql instanceof SQLTimeoutException) {
      return Reason.TIMEOUT;
    }
    if (DAMAGED_STATES.contains(state)) {
      return Reason.DAMAGED;
    }
    if (state.startsWith("42") || SCHEMA_STATES.contains(state)) {
      return Reason.SCHEMA;
    }
    if (state.startsWith("40") || "53300".equals(state)) {
      return Reason.BUSY;
    }
    if (state.startsWith("08")
        || UNREACHABLE_STATES.contains(state)
        || (state.isEmpty()
            && (sql instanceof SQLTransientConnectionException
                || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException))) {
      return Reason.UNREACHABLE;
    }
    return Reason.FAILED;
  }

  private static String message(Reason reason, String state) {
    return switch (reason) {
      case UNREACHABLE -> UNREACHABLE;
      case BUSY -> "53300".equals(state) ? TOO_MANY_CONNECTIONS : CONFLICT_RETRY;
      case TIMEOUT -> LOCK_TIMEOUT_STATES.contains(state) ? LOCK_TIMEOUT : STATEMENT_TIMEOUT;
      case LOCKED -> LOCKED;
      case DAMAGED -> DAMAGED;
      case SCHEMA -> SCHEMA;
      case FAILED -> state.startsWith("28") ? LOGIN : state.startsWith("53") ? RESOURCES : FAILED;
    };
  }

  /**
   * Whether the pool timed out waiting for a connection with no connection failure to tell why:
   * HikariCP then throws a {@link SQLTransientConnectionException} with no cause and no SQLState.
   * When connecting failed, the same exception carries that failure as its cause, and the cause
   * says what is wrong.
   */
  private static boolean isPoolTimeoutWithoutCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException e
          && e.getCause() == null
          && e.getNextException() == null
          && e.getSQLState() == null) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
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
   * {@return whether a failure is PostgreSQL's deadlock_detected: this transaction was rolled back
   * to break a lock cycle with another one, so running it again can succeed}
   *
   * @param failure any exception
   */
  public static boolean isDeadlock(Throwable failure) {
    SQLException sql = sqlCause(failure);
    return sql != null && "40P01".equals(sql.getSQLState());
  }

  /**
   * {@return whether a failure comes from the state of the database (unreachable, busy, locked by
   * another process, damaged, timed out) rather than from the statement, so that repeating the
   * statement at once cannot help}
   *
   * @param failure any exception
   */
  public static boolean isDatabaseCondition(Throwable failure) {
    return translate(failure) instanceof StoreUnavailableException e
        && e.reason() != Reason.FAILED
        && e.reason() != Reason.SCHEMA;
  }

  /**
   * The most specific SQLException in a cause chain, looking into batch failures: the deepest one
   * with a SQLState, since pools and Jdbi wrap the driver's exception that says what happened.
   */
  static @Nullable SQLException sqlCause(Throwable failure) {
    SQLException found = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e) {
        SQLException candidate = e;
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
          candidate = e.getNextException();
        }
        if (found == null || found.getSQLState() == null || candidate.getSQLState() != null) {
          found = candidate;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return found;
  }
}
