package org.activitylog.testkit.broken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.activitylog.spi.JobLease;
import org.activitylog.testkit.MutableClock;

/**
 * Job leases kept as a JDBC backend keeps them on H2: one row per name holding its holder and its
 * expiry, taken by inserting the row or by a conditional update of an expired one, renewed and
 * released by statements that name the holder. Each method is one statement, so a broken lease
 * table overrides the one statement its bug is in. Sibling stores share one table, as nodes share a
 * database. Unchanged, it keeps every rule of the kit's lease tests.
 */
class LeaseTable {

  /**
   * A row of the table.
   *
   * @param holder the token of the holder
   * @param expiresAt when the lease lapses unless renewed
   */
  record Row(UUID holder, Instant expiresAt) {}

  /** The rows, by the key a name is stored under. */
  protected final ConcurrentMap<String, Row> rows = new ConcurrentHashMap<>();

  /**
   * Takes a lease: inserts its row, or takes over an expired one.
   *
   * @param name the lease's name
   * @param ttl its time to live
   * @param clock the taking store's clock
   */
  final Optional<JobLease> tryLease(String name, Duration ttl, Clock clock) {
    JobLease.checkName(name);
    JobLease.checkTtl(ttl);
    UUID holder = UUID.randomUUID();
    Instant now = clock.instant();
    String key = key(name);
    boolean taken =
        rows.putIfAbsent(key, new Row(holder, now.plus(ttl))) == null
            || takeOverExpired(key, holder, now, now.plus(ttl));
    return taken ? Optional.of(new Lease(name, key, holder, ttl, clock)) : Optional.empty();
  }

  /**
   * {@return the key a name's row is stored under: the name}
   *
   * @param name the lease's name
   */
  protected String key(String name) {
    return name;
  }

  /**
   * {@code UPDATE lease SET holder = ?, expires_at = ? WHERE name = ? AND expires_at <= ?}.
   *
   * @return whether the row was taken over
   */
  protected boolean takeOverExpired(String key, UUID holder, Instant now, Instant expires) {
    Row row = rows.get(key);
    return row != null
        && !row.expiresAt().isAfter(now)
        && rows.replace(key, row, new Row(holder, expires));
  }

  /**
   * {@code UPDATE lease SET expires_at = ? WHERE name = ? AND holder = ?}.
   *
   * @return whether a row was updated
   */
  protected boolean renew(String key, UUID holder, Instant expires) {
    Row row = rows.get(key);
    return row != null
        && row.holder().equals(holder)
        && rows.replace(key, row, new Row(holder, expires));
  }

  /** {@code DELETE FROM lease WHERE name = ? AND holder = ?}. */
  protected void release(String key, UUID holder) {
    Row row = rows.get(key);
    if (row != null && row.holder().equals(holder)) {
      rows.remove(key, row);
    }
  }

  /** One holder's lease. */
  private final class Lease implements JobLease {
    private final String name;
    private final String key;
    private final UUID holder;
    private final Duration ttl;
    private final Clock clock;

    Lease(String name, String key, UUID holder, Duration ttl, Clock clock) {
      this.name = name;
      this.key = key;
      this.holder = holder;
      this.ttl = ttl;
      this.clock = clock;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean renew() {
      return LeaseTable.this.renew(key, holder, clock.instant().plus(ttl));
    }

    @Override
    public void close() {
      release(key, holder);
    }
  }

  /** The control: the kit run against the lease table with no bug added. */
  static final class Contract extends BrokenContract {
    @Override
    protected org.activitylog.spi.ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withLeaseTable(clock, new LeaseTable());
    }
  }
}
