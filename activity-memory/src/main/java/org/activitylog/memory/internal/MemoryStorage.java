package org.activitylog.memory.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.activitylog.api.Activity;
import org.activitylog.api.ActorRef;
import org.activitylog.api.StoreUnavailableException;

/**
 * The heap storage that one or more stores share: activities by id, the uid index and the follow
 * edges, all guarded by one read-write lock. One lock for both makes a {@code followedBy} listing
 * see the follow graph and the activities at the same instant.
 */
public final class MemoryStorage {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** Sorted by id, so a listing by id can walk it in order and stop early. */
  final NavigableMap<Long, Activity> byId = new TreeMap<>();

  /**
   * The idempotency key, (workspace group, uid) to id: a uid is unique within the group that owns
   * the activity, so one group's uids never decide what another group's inserts do.
   */
  final Map<UidKey, Long> idByUid = new HashMap<>();

  /**
   * An activity's idempotency key.
   *
   * @param workspaceGroupId the owning workspace group
   * @param uid the uid
   */
  record UidKey(long workspaceGroupId, UUID uid) {
    static UidKey of(Activity activity) {
      return new UidKey(activity.workspaceGroupId(), activity.uid());
    }
  }

  /** Follower to the actors it follows. */
  final Map<ActorRef, Set<ActorRef>> following = new HashMap<>();

  /** Followee to its followers: the reverse index, so removing an actor is not a full scan. */
  final Map<ActorRef, Set<ActorRef>> followers = new HashMap<>();

  final AtomicLong nextId = new AtomicLong(1);

  /** Job leases by name: who holds each and until when, as a lease table would keep them. */
  final Map<String, LeaseRow> leases = new HashMap<>();

  /**
   * A lease's holder and expiry.
   *
   * @param holder the taker's token
   * @param expiresAt when the lease lapses unless renewed
   */
  record LeaseRow(UUID holder, Instant expiresAt) {}

  /** Creates empty storage. */
  public MemoryStorage() {}

  /**
   * Runs a read under the read lock, once the store is known to be open.
   *
   * @param closed the owning store's closed flag
   * @param work the read
   * @param <T> its result
   */
  <T> T read(AtomicBoolean closed, Supplier<T> work) {
    requireOpen(closed);
    lock.readLock().lock();
    try {
      return work.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Runs a change under the write lock, once the store is known to be open.
   *
   * @param closed the owning store's closed flag
   * @param work the change
   * @param <T> its result
   */
  <T> T write(AtomicBoolean closed, Supplier<T> work) {
    requireOpen(closed);
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void requireOpen(AtomicBoolean closed) {
    if (closed.get()) {
      throw new StoreUnavailableException(
          StoreUnavailableException.Reason.FAILED,
          "the in-memory store is closed; calls need a store that is open");
    }
  }
}
