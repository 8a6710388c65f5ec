package org.activitylog.jdbc.internal;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.jdbc.internal.json.ActivityJson;
import org.activitylog.jdbc.internal.sql.ActivitySql;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * What the repository and the follow graph of one store share: the Jdbi instance, the dialect's
 * statements, the JSON codec, and the open/closed state. Every database call goes through {@link
 * #call}, which is where driver failures become library exceptions.
 */
public final class StoreAccess {
  private final Jdbi jdbi;
  private final ActivitySql sql;
  private final ActivityJson json;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates the shared state.
   *
   * @param jdbi the configured Jdbi
   * @param sql the dialect's statements
   * @param json the JSON codec
   */
  public StoreAccess(Jdbi jdbi, ActivitySql sql, ActivityJson json) {
    this.jdbi = jdbi;
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
          "the activity store is closed", new IllegalStateException("closed"));
    }
    try {
      return work.get();
    } catch (JdbiException e) {
      throw SqlErrors.translate(e);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException) {
        throw SqlErrors.translate(e);
      }
      throw e;
    }
  }
}
