package org.activitylog.jdbc.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.jdbc.internal.sql.ActivitySql;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/**
 * What the repository and the follow graph of one store share: the Jdbi instance, the dialect's
 * statements, the JSON codec, and the open/closed state. Every database call goes through {@link
 * #call} (directly or through {@link #withHandle}, {@link #inTransaction} and {@link #update}),
 * which is where driver failures become library exceptions.
 *
 * <p>{@link #call}, {@link #inTransaction} and {@link #update} are for writes: on an embedded H2
 * file they run one at a time, under the database's write lock (see {@link H2Durability} for why).
 * {@link #withHandle} is for reads only and never waits for that lock; with a read replica it runs
 * on the replica when the replica has replayed this store's writes (see {@link ReplicaReads}).
 */
public final class StoreAccess {
  private final Jdbi jdbi;
  private final ActivitySql sql;
  private final JsonColumns json = new JsonColumns();
  private final BooleanSupplier poolFull;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final @Nullable ReentrantLock writeLock;
  private final long writeWaitMillis;
  private final @Nullable ReplicaReads replica;

  /**
   * Creates the shared state.
   *
   * @param jdbi the configured Jdbi
   * @param sql the dialect's statements
   * @param poolFull whether every connection of the pool is in use, to tell a busy pool from a
   *     database that does not answer when the pool times out
   * @param writeLock the lock every write holds, or null when writes may run concurrently
   * @param writeWait how long a write waits for that lock before the store reports itself busy
   * @param replica a PostgreSQL streaming replica of the same database for reads, or null to read
   *     from the primary
   * @param replicaKey what names that replica within the process (its DataSource or its URL):
   *     stores with the same key share read-your-writes
   */
  public StoreAccess(
      Jdbi jdbi,
      ActivitySql sql,
      BooleanSupplier poolFull,
      @Nullable ReentrantLock writeLock,
      Duration writeWait,
      @Nullable Jdbi replica,
      Object replicaKey) {
    this.jdbi = jdbi;
    this.poolFull = poolFull;
    this.sql = sql;
    this.writeLock = writeLock;
    this.writeWaitMillis = writeWait.toMillis();
    this.replica = replica == null ? null : new ReplicaReads(replica, replicaKey);
  }

  Jdbi jdbi() {
    return jdbi;
  }

  ActivitySql sql() {
    return sql;
  }

  JsonColumns json() {
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
   * Runs database work that writes, translating failures; under the write lock when there is one.
   *
   * @param work the work
   * @param <T> its result
   */
  <T> T call(Supplier<T> work) {
    ReplicaReads reads = replica;
    return reads == null ? locked(work) : locked(() -> reads.afterWrite(jdbi, work.get()));
  }

  private <T> T locked(Supplier<T> work) {
    ReentrantLock lock = writeLock;
    if (lock == null || lock.isHeldByCurrentThread()) {
      return run(work);
    }
    try {
      if (!lock.tryLock(writeWaitMillis, TimeUnit.MILLISECONDS)) {
        throw new StoreUnavailableException(
            StoreUnavailableException.Reason.BUSY,
            "the activity database is busy with other writes; try again later");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(
          StoreUnavailableException.Reason.BUSY, "interrupted while waiting to write", e);
    }
    try {
      return run(work);
    } finally {
      lock.unlock();
    }
  }

  private <T> T run(Supplier<T> work) {
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
   * Runs database work that only reads, on a handle of its own.
   *
   * @param work the work
   * @param <T> its result
   */
  <T> T withHandle(HandleCallback<T, RuntimeException> work) {
    ReplicaReads reads = replica;
    if (reads != null) {
      Optional<T> fromReplica = run(() -> reads.tryRead(work));
      if (fromReplica.isPresent()) {
        return fromReplica.get();
      }
    }
    return run(() -> jdbi.withHandle(work));
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
   * Runs one insert, update or delete, again when the database rolled it back for a deadlock.
   *
   * @param statement the SQL text
   * @param bindings binds the statement's parameters
   */
  long update(String statement, UnaryOperator<Update> bindings) {
    return call(
        () ->
            LostRaceRetry.statement(
                () ->
                    jdbi.withHandle(
                        h -> (long) bindings.apply(h.createUpdate(statement)).execute())));
  }
}
