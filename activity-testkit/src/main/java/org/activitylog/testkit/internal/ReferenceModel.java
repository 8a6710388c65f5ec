package org.activitylog.testkit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ConflictException;
import org.activitylog.api.Cursor;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.QueryMatching;
import org.activitylog.spi.StoredActivities;
import org.jspecify.annotations.Nullable;

/**
 * What a store should hold, written from the javadoc of {@code ActivityRepository} and {@code
 * FollowGraph} as plainly as possible: a list of activities and a list of follow edges, searched
 * from start to end on every call. It is slow and obviously right, which is its whole job. Each
 * write stores the state {@link StoredActivities} computes and each read filters and orders with
 * {@link QueryMatching}: the SPI's statement of those rules, which the contract's own tests check
 * against expectations written out by hand; the model adds only the bookkeeping around them.
 *
 * <p>It does not assign ids: the store under test does, and the model takes the id the store
 * returned for each new activity, if no activity ever had it.
 */
public final class ReferenceModel {

  /** The id to offer when the store under test returned none: the model then uses a placeholder. */
  public static final long NO_ID = Long.MIN_VALUE;

  /** Placeholder ids lie from {@link #NO_ID} + 1 to {@link #NO_ID} + this. */
  static final long PLACEHOLDERS = 1_000_000;

  /** A follow edge. */
  private record Edge(ActorRef follower, ActorRef followee) {}

  private final Clock clock;
  private final List<Activity> activities = new ArrayList<>();
  private final Set<Long> idsHandedOut = new HashSet<>();
  private final List<Edge> edges = new ArrayList<>();
  private long placeholders;

  /**
   * An empty model.
   *
   * @param clock the store's clock, which stamps updates, deletes, restores and erasures
   */
  public ReferenceModel(Clock clock) {
    this.clock = clock;
  }

  /**
   * Stores an activity unless its (workspace group, uid) key is stored already; then returns the
   * stored one, soft-deleted or not.
   *
   * @param draft the activity
   * @param offeredId the id the store under test gave it, or {@link #NO_ID}; used only if no
   *     activity ever had it, otherwise the model stores it under a placeholder id that matches no
   *     real one
   * @return the stored activity
   */
  public Activity insert(NewActivity draft, long offeredId) {
    return insertAll(List.of(draft), new long[] {offeredId}).get(0);
  }

  /**
   * Stores a batch: each activity as {@link #insert} does, in order, so a key repeated in the batch
   * is stored once, from its first occurrence.
   *
   * @param drafts the activities
   * @param offeredIds the id the store under test returned at each position, or {@link #NO_ID}
   * @return the stored activities, in the order given
   */
  public List<Activity> insertAll(List<NewActivity> drafts, long[] offeredIds) {
    List<Activity> result = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      NewActivity draft = drafts.get(i);
      UUID uid = Objects.requireNonNull(draft.uid(), "uid");
      Optional<Activity> stored = findByUid(draft.content().workspaceGroupId(), uid);
      if (stored.isPresent()) {
        result.add(stored.get());
        continue;
      }
      long id = offeredIds[i];
      if (id == NO_ID || idsHandedOut.contains(id)) {
        id = NO_ID + 1 + placeholders++;
      }
      idsHandedOut.add(id);
      Activity created = StoredActivities.created(id, draft);
      activities.add(created);
      result.add(created);
    }
    return result;
  }

  /**
   * {@return the activity with an id, soft-deleted or not}
   *
   * @param id the id
   */
  public Optional<Activity> findById(long id) {
    for (Activity a : activities) {
      if (a.id() == id) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * {@return the activity with a key, soft-deleted or not}
   *
   * @param workspaceGroupId the workspace group
   * @param uid the uid
   */
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    for (Activity a : activities) {
      if (a.workspaceGroupId() == workspaceGroupId && a.uid().equals(uid)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * Replaces the fields an update gives. The expected version is compared first; an update that
   * leaves the content as stored changes nothing; otherwise {@code updated_at} and {@code
   * updated_by} are stamped and the version grows by one.
   *
   * @param id the id
   * @param update the fields
   * @param expectedVersion the version expected, or null
   * @param by who updates
   * @return the activity as stored after
   * @throws NotFoundException when no activity has the id
   * @throws ConflictException when the version is not the expected one
   */
  public Activity update(
      long id, ActivityUpdate update, @Nullable Long expectedVersion, @Nullable String by) {
    Activity a = existing(id);
    if (expectedVersion != null && expectedVersion != a.version()) {
      throw new ConflictException("version " + a.version() + ", not " + expectedVersion);
    }
    if (!StoredActivities.changes(update, a.content())) {
      return a;
    }
    return replace(StoredActivities.updated(a, update, now(), by));
  }

  /**
   * Soft-deletes, unless deleted already.
   *
   * @param id the id
   * @param by who deletes
   * @return the activity as stored after
   * @throws NotFoundException when no activity has the id
   */
  public Activity softDelete(long id, @Nullable String by) {
    Activity a = existing(id);
    if (a.isDeleted()) {
      return a;
    }
    return replace(StoredActivities.deleted(a, now(), by));
  }

  /**
   * Restores, unless not deleted.
   *
   * @param id the id
   * @param by who restores
   * @return the activity as stored after
   * @throws NotFoundException when no activity has the id
   */
  public Activity restore(long id, @Nullable String by) {
    Activity a = existing(id);
    if (!a.isDeleted()) {
      return a;
    }
    return replace(StoredActivities.restored(a, now(), by));
  }

  /**
   * Deletes for good what was created strictly before a cutoff.
   *
   * @param cutoff the first creation time kept
   * @return how many were deleted
   */
  public long purgeCreatedBefore(Instant cutoff) {
    long before = activities.size();
    activities.removeIf(a -> a.createdAt().isBefore(cutoff));
    return before - activities.size();
  }

  /**
   * Removes an actor's activities, or replaces the actor with its anonymous profile and clears the
   * audit names, stamping {@code updated_at} and adding one to the version.
   *
   * @param actor the actor
   * @param mode how
   * @return how many activities changed
   */
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    List<Activity> ofActor =
        activities.stream().filter(a -> a.actor().ref().equals(actor)).toList();
    if (mode == ErasureMode.REMOVE) {
      activities.removeAll(ofActor);
      return ofActor.size();
    }
    Instant now = now();
    for (Activity a : ofActor) {
      replace(StoredActivities.anonymised(a, now));
    }
    return ofActor.size();
  }

  /**
   * {@return one page of the matches and their total}
   *
   * @param query the filters
   * @param page the page
   * @param sort the order
   */
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    List<Activity> all = matching(query, sort);
    List<Activity> items = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (i >= page.offset() && items.size() < page.size()) {
        items.add(all.get(i));
      }
    }
    return Page.of(items, all.size(), page);
  }

  /**
   * {@return how many activities match}
   *
   * @param query the filters
   */
  public long count(ActivityQuery query) {
    return matching(query, new Sort(Sort.Field.ID, Sort.Direction.ASC)).size();
  }

  /**
   * {@return up to {@code limit} matches that come after a cursor}
   *
   * @param query the filters
   * @param sort the order
   * @param after the cursor, or null for the start
   * @param limit the most to return
   */
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    if (limit < 1) {
      throw new ValidationException("limit", "must be 1 or more", limit);
    }
    List<Activity> out = new ArrayList<>();
    for (Activity a : matching(query, sort)) {
      if (QueryMatching.isAfter(a, after, sort) && out.size() < limit) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * {@return every match in order}
   *
   * @param query the filters
   * @param sort the order
   */
  public List<Activity> scan(ActivityQuery query, Sort sort) {
    return matching(query, sort);
  }

  /**
   * Makes one actor follow another.
   *
   * @param follower who follows
   * @param followee who is followed
   * @return whether the edge is new
   * @throws ValidationException when an actor would follow itself
   */
  public boolean follow(ActorRef follower, ActorRef followee) {
    if (follower.equals(followee)) {
      throw new ValidationException("followee", "must not be the follower itself", followee);
    }
    Edge e = new Edge(follower, followee);
    if (edges.contains(e)) {
      return false;
    }
    edges.add(e);
    return true;
  }

  /**
   * Stops one actor following another.
   *
   * @param follower who followed
   * @param followee who was followed
   * @return whether an edge was removed
   */
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    return edges.remove(new Edge(follower, followee));
  }

  /**
   * {@return everyone an actor follows}
   *
   * @param follower the follower
   */
  public Set<ActorRef> following(ActorRef follower) {
    Set<ActorRef> out = new HashSet<>();
    for (Edge e : edges) {
      if (e.follower().equals(follower)) {
        out.add(e.followee());
      }
    }
    return Set.copyOf(out);
  }

  /**
   * Removes every edge from or to an actor.
   *
   * @param actor the actor
   * @return how many edges were removed
   */
  public long removeActor(ActorRef actor) {
    long before = edges.size();
    edges.removeIf(e -> e.follower().equals(actor) || e.followee().equals(actor));
    return before - edges.size();
  }

  // ---------------------------------------------------------------------------------------------

  /** Every match of a query, in a sort order with ties broken by id. */
  private List<Activity> matching(ActivityQuery q, Sort sort) {
    Set<ActorRef> followed = q.followedBy() == null ? Set.of() : following(q.followedBy());
    List<Activity> out = new ArrayList<>();
    for (Activity a : activities) {
      if (QueryMatching.matches(q, a, followed)) {
        out.add(a);
      }
    }
    out.sort(QueryMatching.comparator(sort));
    return out;
  }

  private Activity existing(long id) {
    return findById(id).orElseThrow(NotFoundException::new);
  }

  private Activity replace(Activity next) {
    for (int i = 0; i < activities.size(); i++) {
      if (activities.get(i).id() == next.id()) {
        activities.set(i, next);
      }
    }
    return next;
  }

  private Instant now() {
    return clock.instant();
  }
}
