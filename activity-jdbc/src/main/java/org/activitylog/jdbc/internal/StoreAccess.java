package org.activitylog.jdbc.internal;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.jdbc.internal.json.ActivityJson;
import org.activitylog.jdbc.internal.sql.ActivitySql;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Update;

/**
 * What the repository and the follow graph of one store share: the Jdbi instance, the dialect's
 * statements, the JSON codec, and the open/closed state. Every database call goes through {@link
 * #call} (directly or through {@link #withHandle}, {@link #inTransaction} and {@link #update}),
 * which is where driver failures become library exceptions.
 */
public final class StoreAccess {
  private final Jdbi jdbi;
  private final ActivitySql sql;
  private final ActivityJson json;
  private final BooleanSupplier poolFull;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates the shared state.
   *
   * @param jdbi the configured Jdbi
   * @param sql the dialect's statements
   * @param json the JSON codec
   * @param poolFull whether every connection of the pool is in use, to tell a busy pool from a
   *     database that does not answer when the pool times out
   */
  public StoreAccess(Jdbi jdbi, ActivitySql sql, ActivityJson json, BooleanSupplier poolFull) {
    this.jdbi = jdbi;
    this.poolFull = poolFull;
    this.sql = sql;
    this.json = json;
  }

  Jdbi jdbi() {
    return jdbi;
  }

  ActivitySql sql() {
    return sql;
  }

  ActivityJson json() {
    return json;
  }

  /**
   * Marks the store closed; later calls fail as unavailable. Returns whether it was open.
   *
   * @return whether the store was open before this call
   */
  public boolean markClosed() {
    return closed.compareAndSet(false, true);
  }

  /**
   * Runs database work, translating failures.
   *
   * @param work the work
   * @param <T> its result
   */
  <T> T call(Supplier<T> work) {
    if (closed.get()) {
      throw new StoreUnavailableException(
          StoreUnavailableException.Reason.FAILED,
          "the activity store is closed; calls need a store that is open");
    }
    try {
      return work.get();
    } catch (JdbiException e) {
      throw SqlErrors.translate(e, poolFull);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException) {
        throw SqlErrors.translate(e, poolFull);
      }
      throw e;
    }
  }

  /**
   * Runs database work on a handle of its own, each statement committing by itself.
   *
   * @param work the work
   * @param <T> its result
   */
  <T> T withHandle(HandleCallback<T, RuntimeException> work) {
    return call(() -> jdbi.withHandle(work));
  }

  /**
   * Runs database work in one transaction, rolled back when it throws.
   *
   * @param work the work
   * @param <T> its result
   */
  <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
    return call(() -> jdbi.inTransaction(work));
  }

  /**
   * Runs one insert, update or delete.
   *
   * @param statement the SQL text
   * @param bindings binds the statement's parameters
   */
  long update(String statement, UnaryOperator<Update> bindings) {
    return withHandle(h -> (long) bindings.apply(h.createUpdate(statement)).execute());
  }
}
