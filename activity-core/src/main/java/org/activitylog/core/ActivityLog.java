package org.activitylog.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.activitylog.api.AccessDeniedException;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ConflictException;
import org.activitylog.api.Cursor;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.ErasureResult;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.Uids;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.jspecify.annotations.Nullable;

/**
 * The entry point a host application calls: records activities and serves them back, checking every
 * call against the {@link Requester}.
 *
 * <ul>
 *   <li>On a private site (the default) an anonymous requester gets {@link UnauthorizedException}
 *       for everything; on a public site it may read the workspace groups made public.
 *   <li>A requester sees only the workspace groups it may read. Reading, updating or deleting an
 *       activity it may not see fails with exactly the {@link NotFoundException} of an id that does
 *       not exist.
 *   <li>Missing uids and creation times are filled from the injected generator and clock.
 * </ul>
 *
 * <pre>{@code
 * ActivityLog log = ActivityLog.builder(store).build();
 * Requester alice = Requester.user(ActorRef.user(7), "alice", Set.of(1L), Set.of(1L));
 * log.record(alice, NewActivity.builder(ActivityType.USER_LOGIN, user).workspaceGroupId(1).build());
 * Page<Activity> page = log.list(alice, ActivityQuery.ALL, PageRequest.DEFAULT, Sort.DEFAULT);
 * }</pre>
 *
 * <p>Thread-safe when the store is.
 */
public final class ActivityLog {
  /** The largest page a requester may ask for unless {@link Builder#maxPageSize} says otherwise. */
  public static final int DEFAULT_MAX_PAGE_SIZE = 100;

  private static final Sort FIRST_BY_ID = new Sort(Sort.Field.ID, Sort.Direction.ASC);

  private final ActivityStore store;
  private final Clock clock;
  private final Supplier<UUID> uids;
  private final @Nullable Set<Long> publicGroups;
  private final int maxPageSize;

  private ActivityLog(Builder builder) {
    this.store = builder.store;
    this.clock = builder.clock;
    this.uids = builder.uids != null ? builder.uids : Uids.timeOrdered(builder.clock);
    this.publicGroups = builder.publicGroups;
    this.maxPageSize = builder.maxPageSize;
  }

  /**
   * Starts configuring a log over a store.
   *
   * @param store the storage backend
   * @return a new builder
   */
  public static Builder builder(ActivityStore store) {
    return new Builder(store);
  }

  /** {@return the largest page a requester may ask for} */
  public int maxPageSize() {
    return maxPageSize;
  }

  /** {@return whether anonymous requesters may read (a public site)} */
  public boolean isPublic() {
    return publicGroups != null;
  }

  /**
   * Records an activity, filling a missing uid and creation time. Recording a uid that its
   * workspace group already holds returns the stored activity and changes nothing. Uids are unique
   * per workspace group: the same uid in another group is another activity, so whether a uid is
   * used outside the requester's groups never shows in the answer.
   *
   * @param requester who records it; must be allowed to read and write the activity's workspace
   *     group
   * @param activity the activity
   * @return the stored activity, or the one its workspace group already holds under its uid
   * @throws UnauthorizedException when the requester is anonymous
   * @throws AccessDeniedException when it may not write (or read) the workspace group, or may not
   *     read the derived {@code workspace_group}
   */
  public Activity record(Requester requester, NewActivity activity) {
    return recordAll(requester, List.of(activity)).get(0);
  }

  /**
   * Records many activities in one batch; see {@link #record}. Nothing is stored when one of them
   * is rejected.
   *
   * @param requester who records them
   * @param activities the activities
   * @return the stored activities, in the order given
   */
  public List<Activity> recordAll(Requester requester, List<NewActivity> activities) {
    requireAuthenticated(requester, "recording activities");
    List<NewActivity> complete = new ArrayList<>(activities.size());
    for (NewActivity a : activities) {
      Objects.requireNonNull(a, "activity");
      long group = a.content().workspaceGroupId();
      // The store answers only from this group (its key is the group and the uid), so checking
      // the group here is checking what is returned: no second look, nothing to race with.
      if (!requester.canWrite(group) || !requester.canRead(group)) {
        throw new AccessDeniedException(
            "the requester may not record into workspace group " + group);
      }
      // The derived group names the context the activity comes from; a requester may name only a
      // context it can see, so no activity points into another tenant.
      Long derived = a.content().derivedWorkspaceGroupId();
      if (derived != null && !requester.canRead(derived)) {
        throw new AccessDeniedException(
            "the requester may not derive an activity from workspace group " + derived);
      }
      // One new activity at most, not one per filled field: each runs the content's entry rules.
      boolean named = a.createdBy() == null && requester.name() != null;
      complete.add(
          a.uid() != null && a.createdAt() != null && !named
              ? a
              : new NewActivity(
                  a.uid() != null ? a.uid() : uids.get(),
                  a.content(),
                  a.createdAt() != null ? a.createdAt() : clock.instant(),
                  named ? requester.name() : a.createdBy()));
    }
    return store.activities().insertAll(complete);
  }

  /**
   * {@return one activity by its numeric id (AISquare's {@code id})}
   *
   * @param requester who asks
   * @param id the id
   * @throws NotFoundException when it does not exist, is soft-deleted, or the requester may not see
   *     it
   */
  public Activity get(Requester requester, long id) {
    requireRead(requester);
    return visible(requester, store.activities().findById(id));
  }

  /**
   * {@return one activity by its uid (Brightidea's activity {@code id})} A uid is unique within a
   * workspace group; when several of the groups the requester may read hold it, the one with the
   * lowest id (the first recorded) answers, so the answer depends only on those groups.
   *
   * @param requester who asks
   * @param uid the uid
   * @throws NotFoundException when none of the groups it may read holds the uid in an activity that
   *     is not soft-deleted
   */
  public Activity getByUid(Requester requester, UUID uid) {
    Objects.requireNonNull(uid, "uid");
    // The look-up is the scoped query itself: rows of other groups are never read.
    return scope(requester, ActivityQuery.builder().uid(uid).build())
        .flatMap(q -> store.activities().listAfter(q, FIRST_BY_ID, null, 1).stream().findFirst())
        .orElseThrow(NotFoundException::new);
  }

  /**
   * Updates an activity ({@code PUT /api/v1/activity/{id}/}): the fields given replace the stored
   * ones; id, uid, creation fields and workspace groups stay. An update that leaves every field as
   * stored changes nothing and returns the activity as it is, version and {@code updated_at}
   * included.
   *
   * @param requester who updates it; must be allowed to write its workspace group
   * @param id the activity's id
   * @param update the new values
   * @param expectedVersion when not null, the update fails with {@link ConflictException} unless
   *     the stored version is this one
   * @return the activity as stored after the update
   * @throws NotFoundException when it does not exist, is soft-deleted, or the requester may not see
   *     it
   * @throws AccessDeniedException when the requester may read its workspace group but not write it
   * @throws ConflictException when {@code expectedVersion} is given and is not the stored version
   * @throws UnauthorizedException when the requester is anonymous
   */
  public Activity update(
      Requester requester, long id, ActivityUpdate update, @Nullable Long expectedVersion) {
    requireAuthenticated(requester, "updating activities");
    // One store call: the store checks the guard on the row it locks for the write, so what the
    // check saw is what is written, and no retry is needed here.
    return store
        .activities()
        .update(id, guard(requester, expectedVersion), update, requester.name());
  }

  /**
   * Soft-deletes an activity: it disappears from reads but can be restored.
   *
   * @param requester who deletes it
   * @param id the activity's id
   * @return the activity as stored after the delete
   * @throws NotFoundException when it does not exist, is already deleted, or the requester may not
   *     see it
   * @throws AccessDeniedException when the requester may read its workspace group but not write it
   * @throws UnauthorizedException when the requester is anonymous
   */
  public Activity delete(Requester requester, long id) {
    requireAuthenticated(requester, "deleting activities");
    return store.activities().softDelete(id, guard(requester, null), requester.name());
  }

  /**
   * Restores a soft-deleted activity.
   *
   * @param requester who restores it
   * @param id the activity's id
   * @return the activity as stored after the restore
   * @throws NotFoundException when it does not exist, is not deleted, or the requester may not
   *     write its workspace group
   * @throws UnauthorizedException when the requester is anonymous
   */
  public Activity restore(Requester requester, long id) {
    requireAuthenticated(requester, "restoring activities");
    return store.activities().restore(id, guard(requester, null), requester.name());
  }

  /**
   * {@return one page of the activities a query matches among those the requester may read}
   *
   * @param requester who asks
   * @param query the filters
   * @param page which page
   * @param sort the order
   * @throws ValidationException naming {@code page_size} when the page is larger than {@link
   *     #maxPageSize}
   */
  public Page<Activity> list(
      Requester requester, ActivityQuery query, PageRequest page, Sort sort) {
    checkPageSize(page.size());
    Optional<ActivityQuery> scoped = scope(requester, query);
    return scoped.isPresent()
        ? store.activities().list(scoped.get(), page, sort)
        : Page.of(List.of(), 0, page);
  }

  /**
   * {@return how many activities a query matches among those the requester may read}
   *
   * @param requester who asks
   * @param query the filters
   */
  public long count(Requester requester, ActivityQuery query) {
    return scope(requester, query).map(q -> store.activities().count(q)).orElse(0L);
  }

  /**
   * Keyset paging: up to {@code limit} matching activities after a cursor.
   *
   * @param requester who asks
   * @param query the filters
   * @param sort the order
   * @param after where the previous page ended, or null for the first page
   * @param limit the page size, {@value PageRequest#MIN_SIZE} to {@link #maxPageSize}
   * @return up to {@code limit} activities, in sort order; fewer only at the end
   * @throws ValidationException naming {@code page_size} when the limit is out of those bounds
   */
  public List<Activity> listAfter(
      Requester requester, ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    checkPageSize(limit);
    return scope(requester, query)
        .map(q -> store.activities().listAfter(q, sort, after, limit))
        .orElse(List.of());
  }

  /**
   * Streams every matching activity the requester may read, in sort order, for exports. Close the
   * stream when done.
   *
   * @param requester who asks
   * @param query the filters
   * @param sort the order
   * @return a lazy stream of the matching activities, to be closed by the caller
   */
  public Stream<Activity> scan(Requester requester, ActivityQuery query, Sort sort) {
    return scope(requester, query)
        .map(q -> store.activities().scan(q, sort, 500))
        .orElse(Stream.empty());
  }

  /**
   * Makes the requester follow an actor.
   *
   * @param requester the follower; must be an authenticated user
   * @param followee who to follow
   * @return true when the edge is new
   * @throws ValidationException naming {@code followee} when it is the anonymous actor: its feed
   *     would be every erased person's activities
   */
  public boolean follow(Requester requester, ActorRef followee) {
    refuseAnonymous("followee", followee);
    return store.follows().follow(self(requester), followee);
  }

  /**
   * Makes the requester stop following an actor.
   *
   * @param requester the follower; must be an authenticated user
   * @param followee who to stop following
   * @return true when an edge was removed
   */
  public boolean unfollow(Requester requester, ActorRef followee) {
    return store.follows().unfollow(self(requester), followee);
  }

  /**
   * {@return everyone the requester follows}
   *
   * @param requester the follower; must be an authenticated user
   */
  public Set<ActorRef> following(Requester requester) {
    return store.follows().following(self(requester));
  }

  /**
   * Administrative: erases an actor everywhere, every workspace group, soft-deleted activities
   * included, and removes its follow edges. Not access-checked: call it from trusted code only.
   *
   * @param actor the actor to erase
   * @param mode remove the activities or anonymise them
   * @return how much was erased
   * @throws ValidationException naming {@code actor} when it is the anonymous actor, which stands
   *     for every person already erased, in every workspace group
   */
  public ErasureResult eraseActor(ActorRef actor, ErasureMode mode) {
    refuseAnonymous("actor", actor);
    long activities = store.activities().eraseActor(actor, mode);
    long edges = store.follows().removeActor(actor);
    return new ErasureResult(activities, edges);
  }

  private static void refuseAnonymous(String field, ActorRef actor) {
    if (Arguments.required(field, actor).isAnonymous()) {
      throw new ValidationException(
          field, "is the anonymous actor that stands for every erased person", actor);
    }
  }

  /**
   * Administrative: deletes for good every activity created before an instant, for retention, in
   * batches of short transactions ({@link
   * org.activitylog.spi.ActivityRepository#purgeCreatedBefore}). Not access-checked: call it from
   * trusted code only. For ages per type and workspace group, and for running on several nodes, use
   * a {@link RetentionJob}.
   *
   * @param cutoff the first creation time that is kept
   * @return how many activities were deleted
   */
  public long purgeCreatedBefore(Instant cutoff) {
    return store.activities().purgeCreatedBefore(Arguments.required("cutoff", cutoff));
  }

  private void checkPageSize(int size) {
    if (size < PageRequest.MIN_SIZE || size > maxPageSize) {
      throw new ValidationException(
          "page_size", "must be between " + PageRequest.MIN_SIZE + " and " + maxPageSize, size);
    }
  }

  private ActorRef self(Requester requester) {
    requireAuthenticated(requester, "following");
    if (requester.actor() == null) {
      throw new ValidationException("following", "needs a requester with an actor identity");
    }
    return requester.actor();
  }

  private void requireAuthenticated(Requester requester, String what) {
    if (!requester.isAuthenticated()) {
      throw new UnauthorizedException("Authentication is required for " + what);
    }
  }

  private void requireRead(Requester requester) {
    if (!requester.isAuthenticated() && publicGroups == null) {
      throw new UnauthorizedException("Authentication is required on a private site");
    }
  }

  private boolean canRead(Requester requester, long group) {
    return requester.isAuthenticated()
        ? requester.canRead(group)
        : publicGroups != null && publicGroups.contains(group);
  }

  private Activity visible(Requester requester, Optional<Activity> found) {
    return found
        .filter(a -> !a.isDeleted() && canRead(requester, a.workspaceGroupId()))
        .orElseThrow(NotFoundException::new);
  }

  /** What an authenticated requester may change, for the store to check on the locked row. */
  private static WriteGuard guard(Requester requester, @Nullable Long expectedVersion) {
    return requester.allGroups()
        ? WriteGuard.requester(null, null, expectedVersion)
        : WriteGuard.requester(
            requester.readableGroups(), requester.writableGroups(), expectedVersion);
  }

  /** The query narrowed to what the requester may read; empty when that is nothing. */
  private Optional<ActivityQuery> scope(Requester requester, ActivityQuery query) {
    requireRead(requester);
    if (requester.allGroups()) {
      return Optional.of(query);
    }
    Set<Long> allowed = requester.isAuthenticated() ? requester.readableGroups() : publicGroups;
    Objects.requireNonNull(allowed);
    Set<Long> groups = new HashSet<>(allowed);
    if (!query.workspaceGroupIds().isEmpty()) {
      groups.retainAll(query.workspaceGroupIds());
    }
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ActivityQuery(
            query.ids(),
            query.uids(),
            query.types(),
            query.actors(),
            groups,
            query.campaignIds(),
            query.createdFrom(),
            query.createdBefore(),
            query.followedBy(),
            query.deleted()));
  }

  /** Configures an {@link ActivityLog}. */
  public static final class Builder {
    private final ActivityStore store;
    private Clock clock = Clock.systemUTC();
    private @Nullable Supplier<UUID> uids;
    private @Nullable Set<Long> publicGroups;
    private int maxPageSize = DEFAULT_MAX_PAGE_SIZE;

    private Builder(ActivityStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Sets the clock that stamps creation times. Defaults to the system UTC clock.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets the generator of uids for activities recorded without one. Defaults to time-ordered
     * version 7 UUIDs, which keep the uid index append-mostly.
     *
     * @param value the generator
     * @return this builder
     */
    public Builder uidGenerator(Supplier<UUID> value) {
      this.uids = Objects.requireNonNull(value, "uidGenerator");
      return this;
    }

    /**
     * Makes the site private, the default: anonymous requesters get an unauthorized error.
     *
     * @return this builder
     */
    public Builder privateAccess() {
      this.publicGroups = null;
      return this;
    }

    /**
     * Makes the site public: anonymous requesters may read these workspace groups, and nothing
     * else; they never write.
     *
     * @param groups the workspace groups anonymous requesters may read
     * @return this builder
     */
    public Builder publicAccess(Set<Long> groups) {
      this.publicGroups = Set.copyOf(groups);
      return this;
    }

    /**
     * Sets the largest page a requester may ask for, in {@code list} and {@code listAfter}.
     * Defaults to {@value ActivityLog#DEFAULT_MAX_PAGE_SIZE}, the Brightidea API's documented
     * limit.
     *
     * @param value the largest page size, 1 or more
     * @return this builder
     * @throws ValidationException naming {@code max_page_size} when it is below 1
     */
    public Builder maxPageSize(int value) {
      if (value < PageRequest.MIN_SIZE) {
        throw new ValidationException("max_page_size", "must be 1 or more", value);
      }
      this.maxPageSize = value;
      return this;
    }

    /**
     * Builds the log.
     *
     * @return a new log
     */
    public ActivityLog build() {
      return new ActivityLog(this);
    }
  }
}
