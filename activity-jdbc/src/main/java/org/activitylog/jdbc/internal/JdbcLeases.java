package org.activitylog.jdbc.internal;

import static org.activitylog.jdbc.internal.sql.SqlArguments.int64;
import static org.activitylog.jdbc.internal.sql.SqlArguments.text;
import static org.activitylog.jdbc.internal.sql.SqlArguments.time;
import static org.activitylog.jdbc.internal.sql.SqlArguments.uuid;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.activitylog.api.ActivityLogException;
import org.activitylog.jdbc.Dialect;
import org.activitylog.jdbc.internal.sql.ActivitySql;
import org.activitylog.spi.JobLease;
import org.jdbi.v3.core.Handle;

/**
 * The job leases of a JDBC store. On H2 a lease is a row of {@code activitylog_job_lease} with an
 * expiry by the store's clock: taken by inserting the row or taking over an expired one under a row
 * lock, renewed and released only by the holder it names. A store that dies leaves its row, which
 * is taken over once it has expired. On PostgreSQL a lease is a session-level advisory lock ({@code
 * pg_try_advisory_lock}) on a connection the lease keeps from the pool until it is closed: the
 * server ends it with the session, so a node that dies frees its lease as soon as the server
 * notices the connection is gone, and {@code ttl} plays no part.
 */
public final class JdbcLeases {
  private final StoreAccess access;
  private final ActivitySql sql;
  private final Clock clock;

  /**
   * Creates the leases of a store.
   *
   * @param access the store's shared state
   * @param clock decides when an H2 lease row has expired
   */
  public JdbcLeases(StoreAccess access, Clock clock) {
    this.access = access;
    this.sql = access.sql();
    this.clock = clock;
  }

  /**
   * Takes a lease unless another holder has it.
   *
   * @param name the lease's name
   * @param ttl how long an H2 lease lasts without renewal
   * @return the lease, or empty when another holder has it
   */
  public Optional<JobLease> tryLease(String name, Duration ttl) {
    JobLease.checkName(name);
    JobLease.checkTtl(ttl);
    return sql.dialect() == Dialect.POSTGRESQL ? sessionLock(name) : row(name, ttl);
  }

  private Optional<JobLease> row(String name, Duration ttl) {
    UUID holder = UUID.randomUUID();
    boolean taken;
    try {
      taken = access.inTransaction(h -> takeRow(h, name, holder, ttl));
    } catch (ActivityLogException e) {
      // Two takers inserted the first row of a name at once; the other one has it.
      if (SqlErrors.isUniqueViolation(e)) {
        return Optional.empty();
      }
      throw e;
    }
    return taken ? Optional.of(new RowLease(name, holder, ttl)) : Optional.empty();
  }

  private boolean takeRow(Handle h, String name, UUID holder, Duration ttl) {
    Instant now = now();
    Optional<Instant> expires =
        h.createQuery(sql.findLeaseForUpdate())
            .bind("name", text(name))
            .map((rs, ctx) -> rs.getObject(2, OffsetDateTime.class).toInstant())
            .findOne();
    if (expires.isEmpty()) {
      h.createUpdate(sql.insertLease())
          .bind("name", text(name))
          .bind("holder", uuid(holder))
          .bind("expires", time(now.plus(ttl)))
          .execute();
      return true;
    }
    if (expires.get().isAfter(now)) {
      return false;
    }
    return h.createUpdate(sql.takeOverLapsedLease())
            .bind("name", text(name))
            .bind("holder", uuid(holder))
            .bind("expires", time(now.plus(ttl)))
            .bind("now", time(now))
            .execute()
        == 1;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** A lease kept as a row: renewed and released only while the row names this holder. */
  private final class RowLease implements JobLease {
    private final String name;
    private final UUID holder;
    private final Duration ttl;

    RowLease(String name, UUID holder, Duration ttl) {
      this.name = name;
      this.holder = holder;
      this.ttl = ttl;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean renew() {
      return access.update(
              sql.renewLease(),
              u ->
                  u.bind("name", text(name))
                      .bind("holder", uuid(holder))
                      .bind("expires", time(now().plus(ttl))))
          == 1;
    }

    @Override
    public void close() {
      try {
        access.update(
            sql.releaseLease(), u -> u.bind("name", text(name)).bind("holder", uuid(holder)));
      } catch (RuntimeException e) {
        // The row stays and expires after ttl, which is what a dead holder leaves too.
      }
    }

    @Override
    public String toString() {
      return "lease " + name + " held by " + holder;
    }
  }

  private Optional<JobLease> sessionLock(String name) {
    long key = advisoryKey(sql.leaseScope(), name);
    return access.call(
        () -> {
          Handle h = access.jdbi().open();
          boolean kept = false;
          try {
            boolean got =
                h.createQuery(sql.tryAdvisoryLock())
                    .bind("key", int64(key))
                    .map((rs, ctx) -> rs.getBoolean(1))
                    .one();
            if (!got) {
              return Optional.<JobLease>empty();
            }
            kept = true;
            return Optional.<JobLease>of(new SessionLease(name, key, h));
          } finally {
            if (!kept) {
              h.close();
            }
          }
        });
  }

  /**
   * The advisory lock key of a lease: the first 64 bits of a SHA-256 of the lease table's name and
   * the lease's name, so that stores in different schemas of one database take different locks.
   */
  static long advisoryKey(String scope, String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("activitylog-lease:" + scope + ":" + name).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * A lease kept as a session-level advisory lock on a connection held until {@link #close()}. Its
   * methods use that one connection, so they take turns.
   */
  private final class SessionLease implements JobLease {
    private final String name;
    private final long key;
    private final Handle handle;
    private boolean closed;

    SessionLease(String name, long key, Handle handle) {
      this.name = name;
      this.key = key;
      this.handle = handle;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public synchronized boolean renew() {
      if (closed) {
        return false;
      }
      try {
        return access.call(
            () ->
                handle
                    .createQuery(sql.holdsAdvisoryLock())
                    .bind("key", int64(key))
                    .map((rs, ctx) -> rs.getBoolean(1))
                    .one());
      } catch (ActivityLogException e) {
        // The connection is gone, and the server ends the lock with its session.
        return false;
      }
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        handle.createQuery(sql.advisoryUnlock()).bind("key", int64(key)).mapTo(Boolean.class).one();
      } catch (RuntimeException e) {
        // A broken connection: the server ends the lock with the session.
      } finally {
        handle.close();
      }
    }

    @Override
    public String toString() {
      return "lease " + name + " held as advisory lock " + key;
    }
  }
}
