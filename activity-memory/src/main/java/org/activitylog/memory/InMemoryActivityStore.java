package org.activitylog.memory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.memory.internal.MemoryActivityRepository;
import org.activitylog.memory.internal.MemoryFollowGraph;
import org.activitylog.memory.internal.MemoryLeases;
import org.activitylog.memory.internal.MemoryStorage;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.JobLease;

/**
 * An {@link ActivityStore} that keeps everything on the Java heap. Thread-safe.
 *
 * <pre>{@code
 * ActivityStore store = InMemoryActivityStore.create(Clock.systemUTC());
 * ActivityLog log = ActivityLog.builder(store).build();
 * }</pre>
 *
 * <p>Limits, by design:
 *
 * <ul>
 *   <li>Nothing is persisted: the activities live as long as the storage object and are lost when
 *       the JVM exits.
 *   <li>Every activity is held on the heap, so memory grows with the number of activities.
 *   <li>Every listing, count and filter scans all stored activities and sorts the matches (only a
 *       listing ordered by {@code id} stops early); one read-write lock serialises every write
 *       against every read.
 * </ul>
 *
 * <p>It suits tests and small applications, up to around a hundred thousand activities. This figure
 * is a design estimate, not a measurement.
 *
 * <p>Several stores can share one storage, as application nodes share one database: see {@link
 * #sharingStorageWith(InMemoryActivityStore, Clock)}.
 */
public final class InMemoryActivityStore implements ActivityStore {
  private final MemoryStorage storage;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final MemoryActivityRepository activities;
  private final MemoryFollowGraph follows;
  private final MemoryLeases leases;
  private final ActivityCatalogue catalogue;

  private InMemoryActivityStore(MemoryStorage storage, Clock clock, ActivityCatalogue catalogue) {
    this.storage = storage;
    this.catalogue = catalogue;
    this.activities = new MemoryActivityRepository(storage, clock, closed, catalogue);
    this.follows = new MemoryFollowGraph(storage, closed);
    this.leases = new MemoryLeases(storage, clock, closed);
  }

  /**
   * {@return a new, empty store that knows the standard types ({@link
   * ActivityCatalogue#standard()})}
   *
   * @param clock the clock that stamps {@code updated_at} and {@code deleted_at}
   */
  public static InMemoryActivityStore create(Clock clock) {
    return create(clock, ActivityCatalogue.standard());
  }

  /**
   * {@return a new, empty store that reads types back through a catalogue} Like a database-backed
   * store, it keeps each activity's type code and reads it back as the catalogue's type: a host
   * type missing from the catalogue reads as an {@link org.activitylog.api.UnknownActivityType}.
   *
   * @param clock the clock that stamps {@code updated_at} and {@code deleted_at}
   * @param catalogue the types to read back, for example {@code
   *     ActivityCatalogue.standard().with(ShopActivity.class)}
   */
  public static InMemoryActivityStore create(Clock clock, ActivityCatalogue catalogue) {
    return new InMemoryActivityStore(
        new MemoryStorage(),
        Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(catalogue, "catalogue"));
  }

  /**
   * {@return another store on the same storage as an existing one: what one writes, the other reads
   * at once} Closing either does not affect the other. The new store reads types through the
   * existing one's catalogue.
   *
   * @param existing the store whose storage to share
   * @param clock the clock of the new store
   */
  public static InMemoryActivityStore sharingStorageWith(
      InMemoryActivityStore existing, Clock clock) {
    return new InMemoryActivityStore(
        Objects.requireNonNull(existing, "existing").storage,
        Objects.requireNonNull(clock, "clock"),
        existing.catalogue);
  }

  @Override
  public ActivityRepository activities() {
    return activities;
  }

  @Override
  public FollowGraph follows() {
    return follows;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here a lease is a row of the shared storage: every store {@linkplain #sharingStorageWith
   * sharing it} sees it. It lapses {@code ttl} after it was taken or last renewed, by the clock of
   * the store that looks, and may then be taken over; closing the store does not release it, and a
   * lease closed after its store stays until it lapses.
   */
  @Override
  public Optional<JobLease> tryLease(String name, Duration ttl) {
    return leases.tryLease(name, ttl);
  }

  /**
   * Closes this store: its repository and follow graph then fail with {@link
   * org.activitylog.api.StoreUnavailableException} of reason {@code FAILED}, which is not
   * transient: waiting does not reopen a closed store. The storage stays for other stores sharing
   * it.
   */
  @Override
  public void close() {
    closed.set(true);
  }
}
