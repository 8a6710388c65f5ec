package org.activitylog.memory.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.memory.internal.MemoryStorage.LeaseRow;
import org.activitylog.spi.JobLease;

/**
 * The job leases of an in-memory store: one row per name in the shared storage, so that every store
 * on that storage (every "node") sees the others' leases. A lease lapses {@code ttl} after it was
 * taken or renewed, by the clock of the store that looks; a lapsed lease may be taken over.
 */
public final class MemoryLeases {
  private final MemoryStorage storage;
  private final Clock clock;
  private final AtomicBoolean closed;

  /**
   * Leases over shared storage.
   *
   * @param storage the storage
   * @param clock decides when a lease lapses
   * @param closed set when the owning store is closed
   */
  public MemoryLeases(MemoryStorage storage, Clock clock, AtomicBoolean closed) {
    this.storage = storage;
    this.clock = clock;
    this.closed = closed;
  }

  /**
   * Takes a lease unless another holder has it and it has not lapsed.
   *
   * @param name the lease's name
   * @param ttl how long it lasts without renewal
   * @return the lease, or empty when another holder has it
   */
  public Optional<JobLease> tryLease(String name, Duration ttl) {
    JobLease.checkName(name);
    JobLease.checkTtl(ttl);
    UUID holder = UUID.randomUUID();
    return storage.write(
        closed,
        () -> {
          Instant now = clock.instant();
          LeaseRow row = storage.leases.get(name);
          if (row != null && row.expiresAt().isAfter(now)) {
            return Optional.empty();
          }
          storage.leases.put(name, new LeaseRow(holder, now.plus(ttl)));
          return Optional.of(new Lease(name, holder, ttl));
        });
  }

  /** One holder's lease. */
  private final class Lease implements JobLease {
    private final String name;
    private final UUID holder;
    private final Duration ttl;

    Lease(String name, UUID holder, Duration ttl) {
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
      return storage.write(
          closed,
          () -> {
            LeaseRow row = storage.leases.get(name);
            if (row == null || !row.holder().equals(holder)) {
              return false;
            }
            storage.leases.put(name, new LeaseRow(holder, clock.instant().plus(ttl)));
            return true;
          });
    }

    @Override
    public void close() {
      try {
        storage.write(closed, this::release);
      } catch (StoreUnavailableException e) {
        // The store was closed first: the row stays and lapses, as a dead node's would.
      }
    }

    /**
     * Deletes the lease's row if it still names this holder; the caller holds the lock.
     *
     * @return the row deleted, or empty when the row was gone or another holder's
     */
    private Optional<LeaseRow> release() {
      LeaseRow row = storage.leases.get(name);
      if (row == null || !row.holder().equals(holder)) {
        return Optional.empty();
      }
      storage.leases.remove(name);
      return Optional.of(row);
    }
  }
}
