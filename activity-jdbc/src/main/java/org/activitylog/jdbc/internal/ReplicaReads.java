package org.activitylog.jdbc.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a store's reads to a PostgreSQL streaming replica while keeping read-your-writes: every
 * write a store commits raises a watermark to the primary's WAL position after it, and a read goes
 * to the replica only when the replica has replayed at least that far. Otherwise it goes to the
 * primary, so a caller never reads a state older than its own acknowledged writes. The stores of
 * one process that read from the same replica (the same DataSource, or the same URL) share one
 * watermark, so they see each other's writes at once too.
 *
 * <p>Writes made by other processes (other nodes) are seen once the replica replays them: reads are
 * eventually consistent across nodes, as a replica is. A replica that cannot be reached sends reads
 * to the primary for {@link #REPLICA_PAUSE} before it is tried again, so an outage of the replica
 * costs one connection timeout, not one per read. A read the replica cancels because it conflicts
 * with WAL replay (SQLState {@code 40001}) runs again on the primary.
 */
final class ReplicaReads {
  /** How long reads stay on the primary after the replica failed to answer. */
  static final Duration REPLICA_PAUSE = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ReplicaReads.class);

  // Byte offsets in the WAL, comparable as numbers; NULL on a server that is not in recovery.
  private static final String PRIMARY_POSITION =
      "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint";
  private static final String REPLAYED_POSITION =
      "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint";

  // Weak keys: a watermark lives as long as a store that reads from its replica.
  private static final Map<Object, AtomicLong> WATERMARKS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Jdbi replica;

  // Held only so that the weak map keeps this replica's watermark while the store lives.
  @SuppressWarnings({"unused", "UnusedVariable"})
  private final Object replicaKey;

  private final AtomicLong written;
  // System.nanoTime() before which reads skip the replica; 0 when it answered last.
  private final AtomicLong pausedUntil = new AtomicLong();

  /**
   * Routes reads to a replica.
   *
   * @param replica the replica's Jdbi
   * @param replicaKey what names the replica within this process: its DataSource, or its URL
   */
  ReplicaReads(Jdbi replica, Object replicaKey) {
    this.replica = replica;
    this.replicaKey = replicaKey;
    this.written = WATERMARKS.computeIfAbsent(replicaKey, key -> new AtomicLong());
  }

  /**
   * Raises the watermark to the primary's WAL position now; called after a write committed there.
   *
   * @param primary the primary's Jdbi
   * @param result what the write returned
   * @return {@code result}
   * @param <T> the write's result
   */
  <T> T afterWrite(Jdbi primary, T result) {
    Long position =
        primary.withHandle(h -> h.createQuery(PRIMARY_POSITION).mapTo(Long.class).one());
    if (position != null) {
      written.accumulateAndGet(position, Math::max);
    }
    return result;
  }

  /**
   * Runs a read on the replica when it has replayed this store's writes and answers.
   *
   * @param work the read
   * @return its result, or empty when the read must go to the primary
   * @param <T> the result
   */
  <T> Optional<T> tryRead(HandleCallback<T, RuntimeException> work) {
    long paused = pausedUntil.get();
    if (paused != 0 && System.nanoTime() - paused < 0) {
      return Optional.empty();
    }
    Handle handle;
    try {
      handle = replica.open();
    } catch (JdbiException e) {
      pause(e);
      return Optional.empty();
    }
    try (handle) {
      Long replayed;
      try {
        replayed = handle.createQuery(REPLAYED_POSITION).mapTo(Long.class).one();
      } catch (JdbiException e) {
        pause(e);
        return Optional.empty();
      }
      // A server that is not in recovery (a promoted replica, or a URL that reached the primary)
      // has every committed write.
      if (replayed != null && replayed < written.get()) {
        return Optional.empty();
      }
      try {
        return Optional.of(work.withHandle(handle));
      } catch (JdbiException e) {
        if (cancelledByReplay(e)) {
          return Optional.empty();
        }
        throw e;
      }
    }
  }

  private static boolean cancelledByReplay(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private void pause(@Nullable Exception cause) {
    pausedUntil.set(System.nanoTime() + REPLICA_PAUSE.toNanos());
    LOG.warn(
        "activitylog: the read replica does not answer; reads go to the primary for {} s",
        REPLICA_PAUSE.toSeconds(),
        cause);
  }
}
