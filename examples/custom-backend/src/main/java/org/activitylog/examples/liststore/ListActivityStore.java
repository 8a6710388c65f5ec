package org.activitylog.examples.liststore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Cursor;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.QueryMatching;
import org.activitylog.spi.StoredActivities;
import org.activitylog.spi.WriteGuard;
import org.activitylog.spi.JobLease;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.jspecify.annotations.Nullable;

/**
 * A small storage backend written against the SPI alone: activities in a list, follow edges in a
 * set, every call {@code synchronized} on the shared {@link Shelf}. Thread-safe, and slow on
 * purpose: every read scans the whole list. It shows how little the SPI asks once the SPI's helpers
 * do the rule-heavy parts: {@link QueryMatching} filters and orders every read, and {@link
 * StoredActivities} computes what each write stores.
 */
public final class ListActivityStore implements ActivityStore {

  /** The storage that one or more stores share, as application nodes share a database. */
  private static final class Shelf {
    /** In id order, because ids only grow and new activities go at the end. */
    final List<Activity> activities = new ArrayList<>();

    final Set<Edge> edges = new LinkedHashSet<>();
    long lastId;

    /** Job leases by name, as a lease table would keep them. */
    final Map<String, LeaseRow> leases = new HashMap<>();
  }

  private record Edge(ActorRef follower, ActorRef followee) {}

  private record LeaseRow(UUID holder, Instant expiresAt) {}

  private final Shelf shelf;
  private final Clock clock;
  private volatile boolean closed;
  private final ActivityRepository activities = new Activities();
  private final FollowGraph follows = new Follows();

  private ListActivityStore(Shelf shelf, Clock clock) {
    this.shelf = shelf;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * {@return a new, empty store}
   *
   * @param clock stamps {@code updated_at} and {@code deleted_at}
   */
  public static ListActivityStore open(Clock clock) {
    return new ListActivityStore(new Shelf(), clock);
  }

  /**
   * {@return another store on the same storage: what one writes, the other reads at once}
   *
   * @param existing the store whose storage to share
   * @param clock stamps {@code updated_at} and {@code deleted_at}
   */
  public static ListActivityStore sharing(ListActivityStore existing, Clock clock) {
    return new ListActivityStore(existing.shelf, clock);
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
   * <p>Here a lease is a row of the shared storage with an expiry by this store's clock: it lapses
   * {@code ttl} after it was taken or renewed, and may then be taken over.
   */
  @Override
  public Optional<JobLease> tryLease(String name, Duration ttl) {
    JobLease.checkName(name);
    JobLease.checkTtl(ttl);
    requireOpen();
    UUID holder = UUID.randomUUID();
    synchronized (shelf) {
      Instant now = clock.instant();
      LeaseRow row = shelf.leases.get(name);
      if (row != null && row.expiresAt().isAfter(now)) {
        return Optional.empty();
      }
      shelf.leases.put(name, new LeaseRow(holder, now.plus(ttl)));
    }
    return Optional.of(
        new JobLease() {
          @Override
          public String name() {
            return name;
          }

          @Override
          public boolean renew() {
            synchronized (shelf) {
              LeaseRow row = shelf.leases.get(name);
              if (row == null || !row.holder().equals(holder)) {
                return false;
              }
              shelf.leases.put(name, new LeaseRow(holder, clock.instant().plus(ttl)));
              return true;
            }
          }

          @Override
          public void close() {
            synchronized (shelf) {
              LeaseRow row = shelf.leases.get(name);
              if (row != null && row.holder().equals(holder)) {
                shelf.leases.remove(name);
              }
            }
          }
        });
  }

  /** Closes this store only; the storage stays for other stores sharing it. */
  @Override
  public void close() {
    closed = true;
  }

  /** Checked first in every call: a closed store must fail, not answer from stale storage. */
  private void requireOpen() {
    if (closed) {
      throw new StoreUnavailableException(
          StoreUnavailableException.Reason.FAILED, "the list store is closed");
    }
  }

  private final class Activities implements ActivityRepository {

    @Override
    public Activity insert(NewActivity activity) {
      return insertAll(List.of(activity)).get(0);
    }

    @Override
    public List<Activity> insertAll(List<NewActivity> batch) {
      requireOpen();
      // Checked before anything is stored, so a bad activity leaves the whole batch unstored.
      for (NewActivity a : batch) {
        if (a.uid() == null) {
          throw new ValidationException("uid", "is required", null);
        }
        if (a.createdAt() == null) {
          throw new ValidationException("created_at", "is required", null);
        }
      }
      synchronized (shelf) {
        List<Activity> stored = new ArrayList<>();
        for (NewActivity a : batch) {
          UUID uid = Objects.requireNonNull(a.uid());
          // Also finds a key stored earlier in this batch: a repeated key is stored once.
          Activity found = byKey(a.content().workspaceGroupId(), uid).orElse(null);
          if (found == null) {
            found = StoredActivities.created(++shelf.lastId, a);
            shelf.activities.add(found);
          }
          stored.add(found);
        }
        return stored;
      }
    }

    @Override
    public Optional<Activity> findById(long id) {
      requireOpen();
      synchronized (shelf) {
        return shelf.activities.stream().filter(a -> a.id() == id).findFirst();
      }
    }

    @Override
    public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
      requireOpen();
      synchronized (shelf) {
        return byKey(workspaceGroupId, uid);
      }
    }

    private Optional<Activity> byKey(long group, UUID uid) {
      return shelf.activities.stream()
          .filter(a -> a.workspaceGroupId() == group && a.uid().equals(uid))
          .findFirst();
    }

    @Override
    public Activity update(long id, WriteGuard guard, ActivityUpdate update, @Nullable String by) {
      requireAuditName("updated_by", by);
      return change(
          id,
          found -> {
            // Checked on the row as it is under the lock, so no other write comes in between.
            Activity a = guard.admitChange(found);
            return StoredActivities.changes(update, a.content())
                ? StoredActivities.updated(a, update, clock.instant(), by)
                : a;
          });
    }

    @Override
    public Activity softDelete(long id, WriteGuard guard, @Nullable String by) {
      requireAuditName("deleted_by", by);
      return change(
          id,
          found -> {
            Activity a = guard.admitChange(found);
            return a.isDeleted() ? a : StoredActivities.deleted(a, clock.instant(), by);
          });
    }

    @Override
    public Activity restore(long id, WriteGuard guard, @Nullable String by) {
      requireAuditName("updated_by", by);
      return change(
          id,
          found -> {
            Activity a = guard.admitRestore(found);
            return a.isDeleted() ? StoredActivities.restored(a, clock.instant(), by) : a;
          });
    }

    /** Replaces one activity with what {@code next} makes of it, under the lock. */
    private Activity change(long id, Function<@Nullable Activity, Activity> next) {
      requireOpen();
      synchronized (shelf) {
        for (int i = 0; i < shelf.activities.size(); i++) {
          if (shelf.activities.get(i).id() == id) {
            Activity changed = next.apply(shelf.activities.get(i));
            shelf.activities.set(i, changed);
            return changed;
          }
        }
        // The guard answers for a missing id as for a hidden one: the same NotFoundException.
        return next.apply(null);
      }
    }

    /** One batch: the oldest matching activities, by creation time and then id. */
    @Override
    public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
      if (limit < 1) {
        throw new ValidationException("limit", "must be 1 or more", limit);
      }
      requireOpen();
      synchronized (shelf) {
        List<Activity> doomed =
            shelf.activities.stream()
                .filter(criteria::matches)
                .sorted(Comparator.comparing(Activity::createdAt).thenComparingLong(Activity::id))
                .limit(limit)
                .toList();
        shelf.activities.removeAll(doomed);
        return doomed.isEmpty()
            ? PurgedBatch.NONE
            : new PurgedBatch(doomed.size(), doomed.get(doomed.size() - 1).createdAt());
      }
    }

    @Override
    public long eraseActor(ActorRef actor, ErasureMode mode) {
      Predicate<Activity> ofActor = a -> a.actor().ref().equals(actor);
      if (mode == ErasureMode.REMOVE) {
        return removeIf(ofActor);
      }
      requireOpen();
      synchronized (shelf) {
        long changed = 0;
        for (int i = 0; i < shelf.activities.size(); i++) {
          if (ofActor.test(shelf.activities.get(i))) {
            shelf.activities.set(
                i, StoredActivities.anonymised(shelf.activities.get(i), clock.instant()));
            changed++;
          }
        }
        return changed;
      }
    }

    private long removeIf(Predicate<Activity> doomed) {
      requireOpen();
      synchronized (shelf) {
        int before = shelf.activities.size();
        shelf.activities.removeIf(doomed);
        return before - shelf.activities.size();
      }
    }

    @Override
    public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
      List<Activity> all = matching(query, sort, null);
      int from = (int) Math.min(page.offset(), all.size());
      int to = Math.min(from + page.size(), all.size());
      return Page.of(all.subList(from, to), all.size(), page);
    }

    @Override
    public long count(ActivityQuery query) {
      return matching(query, Sort.DEFAULT, null).size();
    }

    @Override
    public List<Activity> listAfter(
        ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
      if (limit < 1) {
        throw new ValidationException("limit", "must be 1 or more", limit);
      }
      List<Activity> all = matching(query, sort, after);
      return all.subList(0, Math.min(limit, all.size()));
    }

    /** Every match after a cursor, sorted; the follow graph is read under the same lock. */
    private List<Activity> matching(ActivityQuery query, Sort sort, @Nullable Cursor after) {
      requireOpen();
      synchronized (shelf) {
        ActorRef follower = query.followedBy();
        Set<ActorRef> followed = follower == null ? Set.of() : followingLocked(follower);
        return shelf.activities.stream()
            .filter(a -> QueryMatching.matches(query, a, followed))
            .filter(a -> QueryMatching.isAfter(a, after, sort))
            .sorted(QueryMatching.comparator(sort))
            .toList();
      }
    }
  }

  private final class Follows implements FollowGraph {

    @Override
    public boolean follow(ActorRef follower, ActorRef followee) {
      if (follower.equals(followee)) {
        throw new ValidationException("followee", "must not be the follower itself", followee);
      }
      requireOpen();
      synchronized (shelf) {
        return shelf.edges.add(new Edge(follower, followee));
      }
    }

    @Override
    public boolean unfollow(ActorRef follower, ActorRef followee) {
      requireOpen();
      synchronized (shelf) {
        return shelf.edges.remove(new Edge(follower, followee));
      }
    }

    @Override
    public Set<ActorRef> following(ActorRef follower) {
      requireOpen();
      synchronized (shelf) {
        return followingLocked(follower);
      }
    }

    @Override
    public long removeActor(ActorRef actor) {
      requireOpen();
      synchronized (shelf) {
        int before = shelf.edges.size();
        shelf.edges.removeIf(e -> e.follower().equals(actor) || e.followee().equals(actor));
        return before - shelf.edges.size();
      }
    }
  }

  /** Who an actor follows, as an unmodifiable copy; the caller holds the lock. */
  private Set<ActorRef> followingLocked(ActorRef follower) {
    return shelf.edges.stream()
        .filter(e -> e.follower().equals(follower))
        .map(Edge::followee)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static void requireAuditName(String field, @Nullable String name) {
    if (name != null && name.length() > Activity.MAX_AUDIT_NAME) {
      throw new ValidationException(
          field, "must be at most " + Activity.MAX_AUDIT_NAME + " characters", name);
    }
  }
}
