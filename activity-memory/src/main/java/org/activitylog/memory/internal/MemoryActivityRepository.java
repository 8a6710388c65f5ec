package org.activitylog.memory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Cursor;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.ValidationException;
import org.activitylog.memory.internal.MemoryStorage.UidKey;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.spi.QueryMatching;
import org.activitylog.spi.StoredActivities;
import org.activitylog.spi.WriteGuard;
import org.jspecify.annotations.Nullable;

/**
 * The activities of an in-memory store. Reads take the storage's read lock, writes its write lock,
 * so every operation is atomic; queries scan every stored activity.
 */
public final class MemoryActivityRepository implements ActivityRepository {
  /** The order a purge deletes in: by creation time, then id. */
  private static final Comparator<Activity> OLDEST_FIRST =
      Comparator.comparing(Activity::createdAt).thenComparingLong(Activity::id);

  private final MemoryStorage storage;
  private final Clock clock;
  private final AtomicBoolean closed;
  private final ActivityCatalogue catalogue;

  /**
   * A repository over shared storage.
   *
   * @param storage the storage
   * @param clock stamps {@code updated_at} and {@code deleted_at}
   * @param closed set when the owning store is closed
   * @param catalogue rebuilds each stored type from its code, as a database-backed store would
   */
  public MemoryActivityRepository(
      MemoryStorage storage, Clock clock, AtomicBoolean closed, ActivityCatalogue catalogue) {
    this.storage = storage;
    this.clock = clock;
    this.closed = closed;
    this.catalogue = catalogue;
  }

  @Override
  public Activity insert(NewActivity activity) {
    return insertAll(List.of(activity)).get(0);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    // Every activity is checked before any is stored, so a bad one leaves the store unchanged.
    for (NewActivity a : activities) {
      Objects.requireNonNull(a, "activity");
      if (a.uid() == null) {
        throw new ValidationException("uid", "is required", null);
      }
      if (a.createdAt() == null) {
        throw new ValidationException("created_at", "is required", null);
      }
    }
    return storage.write(
        closed,
        () -> {
          List<Activity> stored = new ArrayList<>(activities.size());
          for (NewActivity a : activities) {
            UidKey key =
                new UidKey(a.content().workspaceGroupId(), Objects.requireNonNull(a.uid()));
            Long existing = storage.idByUid.get(key);
            if (existing != null) {
              stored.add(storage.byId.get(existing));
            } else {
              Activity created =
                  withStoredType(StoredActivities.created(storage.nextId.getAndIncrement(), a));
              storage.byId.put(created.id(), created);
              storage.idByUid.put(key, created.id());
              stored.add(created);
            }
          }
          return stored;
        });
  }

  @Override
  public Optional<Activity> findById(long id) {
    return storage.read(
        closed,
        () -> {
          return Optional.ofNullable(storage.byId.get(id));
        });
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    UidKey key = new UidKey(workspaceGroupId, Objects.requireNonNull(uid, "uid"));
    return storage.read(
        closed,
        () -> {
          Long id = storage.idByUid.get(key);
          return id == null ? Optional.empty() : Optional.ofNullable(storage.byId.get(id));
        });
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(guard, "guard");
    requireAuditName("updated_by", updatedBy);
    return storage.write(
        closed,
        () -> {
          Activity current = guard.admitChange(storage.byId.get(id));
          if (!StoredActivities.changes(update, current.content())) {
            return current;
          }
          return replace(StoredActivities.updated(current, update, now(), updatedBy));
        });
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    Objects.requireNonNull(guard, "guard");
    requireAuditName("deleted_by", deletedBy);
    return storage.write(
        closed,
        () -> {
          Activity current = guard.admitChange(storage.byId.get(id));
          return current.isDeleted()
              ? current
              : replace(StoredActivities.deleted(current, now(), deletedBy));
        });
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    Objects.requireNonNull(guard, "guard");
    requireAuditName("updated_by", restoredBy);
    return storage.write(
        closed,
        () -> {
          Activity current = guard.admitRestore(storage.byId.get(id));
          return current.isDeleted()
              ? replace(StoredActivities.restored(current, now(), restoredBy))
              : current;
        });
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    Objects.requireNonNull(criteria, "criteria");
    if (limit < 1) {
      throw new ValidationException("limit", "must be 1 or more", limit);
    }
    return storage.write(
        closed,
        () -> {
          List<Activity> doomed =
              storage.byId.values().stream()
                  .filter(criteria::matches)
                  .sorted(OLDEST_FIRST)
                  .limit(limit)
                  .toList();
          for (Activity a : doomed) {
            storage.byId.remove(a.id());
            storage.idByUid.remove(UidKey.of(a));
          }
          return doomed.isEmpty()
              ? PurgedBatch.NONE
              : new PurgedBatch(doomed.size(), doomed.get(doomed.size() - 1).createdAt());
        });
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(mode, "mode");
    Predicate<Activity> ofActor = a -> a.actor().ref().equals(actor);
    if (mode == ErasureMode.REMOVE) {
      return removeIf(ofActor);
    }
    return storage.write(
        closed,
        () -> {
          Instant now = now();
          List<Activity> matching = storage.byId.values().stream().filter(ofActor).toList();
          for (Activity a : matching) {
            replace(StoredActivities.anonymised(a, now));
          }
          return matching.size();
        });
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    Objects.requireNonNull(page, "page");
    List<Activity> matches = matching(query, sort, null, Integer.MAX_VALUE);
    int from = (int) Math.min(page.offset(), matches.size());
    int to = Math.min(from + page.size(), matches.size());
    return Page.of(matches.subList(from, to), matches.size(), page);
  }

  @Override
  public long count(ActivityQuery query) {
    Objects.requireNonNull(query, "query");
    if (QueryMatching.hasEmptyTimeRange(query)) {
      return 0;
    }
    return storage.read(
        closed,
        () -> {
          Set<ActorRef> followed = followedSet(query);
          return storage.byId.values().stream()
              .filter(a -> QueryMatching.matches(query, a, followed))
              .count();
        });
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    if (limit < 1) {
      throw new ValidationException("limit", "must be 1 or more", limit);
    }
    return matching(query, sort, after, limit);
  }

  /** The matches after a cursor, in sort order, at most {@code limit} of them. */
  private List<Activity> matching(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(sort, "sort");
    if (QueryMatching.hasEmptyTimeRange(query)) {
      return List.of();
    }
    return storage.read(
        closed,
        () -> {
          Set<ActorRef> followed = followedSet(query);
          Predicate<Activity> wanted =
              a ->
                  QueryMatching.matches(query, a, followed)
                      && QueryMatching.isAfter(a, after, sort);
          if (sort.field() == Sort.Field.ID) {
            // The map is already in id order: walk it and stop at the limit instead of sorting.
            Collection<Activity> inOrder =
                sort.direction() == Sort.Direction.ASC
                    ? storage.byId.values()
                    : storage.byId.descendingMap().values();
            List<Activity> found = new ArrayList<>();
            for (Iterator<Activity> it = inOrder.iterator();
                it.hasNext() && found.size() < limit; ) {
              Activity a = it.next();
              if (wanted.test(a)) {
                found.add(a);
              }
            }
            return found;
          }
          return storage.byId.values().stream()
              .filter(wanted)
              .sorted(QueryMatching.comparator(sort))
              .limit(limit)
              .toList();
        });
  }

  /** Who the query's {@code followedBy} actor follows; the caller holds the lock. */
  private Set<ActorRef> followedSet(ActivityQuery query) {
    ActorRef follower = query.followedBy();
    return follower == null ? Set.of() : MemoryFollowGraph.followedBy(storage, follower);
  }

  private long removeIf(Predicate<Activity> doomed) {
    return storage.write(
        closed,
        () -> {
          long removed = 0;
          for (Iterator<Map.Entry<Long, Activity>> it = storage.byId.entrySet().iterator();
              it.hasNext(); ) {
            Activity a = it.next().getValue();
            if (doomed.test(a)) {
              it.remove();
              storage.idByUid.remove(UidKey.of(a));
              removed++;
            }
          }
          return removed;
        });
  }

  /** Stores a new state of an activity; the caller holds the write lock. */
  private Activity replace(Activity next) {
    Activity stored = withStoredType(next);
    storage.byId.put(stored.id(), stored);
    return stored;
  }

  /**
   * The activity with its type as a database-backed store reads it back: the catalogue's type for
   * the code, so a host type this store was not given reads as {@code UnknownActivityType} here
   * too, and an application tested on this store meets what it will meet in production.
   */
  private Activity withStoredType(Activity a) {
    ActivityContent c = a.content();
    ActivityKind type = catalogue.resolve(c.type().code());
    if (type.equals(c.type())) {
      return a;
    }
    return a.toBuilder().content(c.toBuilder().type(type).build()).build();
  }

  private Instant now() {
    return clock.instant();
  }

  private static void requireAuditName(String field, @Nullable String name) {
    if (name != null && name.length() > Activity.MAX_AUDIT_NAME) {
      throw new ValidationException(
          field, "must be at most " + Activity.MAX_AUDIT_NAME + " characters", name);
    }
  }
}
