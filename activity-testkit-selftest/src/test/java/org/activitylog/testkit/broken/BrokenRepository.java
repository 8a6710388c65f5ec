package org.activitylog.testkit.broken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityQuery.DeletedFilter;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Cursor;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.spi.QueryMatching;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Passes every call to another repository. Each broken backend extends it and overrides one method
 * to add one bug; unchanged, it passes the whole contract, so a failure of a broken backend is its
 * bug's doing. Unlike the published {@link org.activitylog.spi.ForwardingActivityRepository}, it
 * leaves {@code scan} to the interface's default, which walks this repository's {@link #listAfter},
 * so that a paging bug shows in scans as it would in a backend that inherits the default; and
 * likewise {@code purge} and {@code purgeCreatedBefore}, which run this repository's {@link
 * #purgeBatch}.
 */
class BrokenRepository implements ActivityRepository {
  private static final Sort BY_ID = new Sort(Sort.Field.ID, Sort.Direction.ASC);
  private static final Sort OLDEST_FIRST = new Sort(Sort.Field.DATE_CREATED, Sort.Direction.ASC);

  /** The working repository underneath. */
  protected final ActivityRepository delegate;

  BrokenRepository(ActivityRepository delegate) {
    this.delegate = delegate;
  }

  /**
   * How an activity read from the delegate is reported: unchanged here; a backend whose bug lies in
   * what it reports overrides this, and every method returns activities through it.
   *
   * @param stored the activity as the delegate returned it
   */
  protected Activity view(Activity stored) {
    return stored;
  }

  /**
   * Every activity a query matches, in a sort order, for backends that page by hand.
   *
   * @param query the filters
   * @param sort the order
   */
  protected final List<Activity> matches(ActivityQuery query, Sort sort) {
    return delegate
        .scan(query, BY_ID, 100)
        .map(this::view)
        .sorted(QueryMatching.comparator(sort))
        .toList();
  }

  /**
   * Every activity purge criteria match, soft-deleted ones included or not, the oldest first: for
   * backends whose bug is in which rows a purge batch picks.
   *
   * @param criteria the criteria
   * @param withDeleted whether soft-deleted activities are among them
   */
  protected final List<Activity> purgeMatches(PurgeCriteria criteria, boolean withDeleted) {
    ActivityQuery inRange =
        ActivityQuery.builder()
            .createdBetween(criteria.createdFrom(), criteria.createdBefore())
            .deleted(withDeleted ? DeletedFilter.INCLUDE : DeletedFilter.EXCLUDE)
            .build();
    return delegate
        .scan(inRange, OLDEST_FIRST, 100)
        .filter(criteria::matches)
        .collect(Collectors.toList());
  }

  /**
   * Deletes one activity for good, for backends that pick a batch's rows themselves: a batch of one
   * over its creation microsecond, group and type, which holds no other activity in the kit's purge
   * tests.
   *
   * @param activity the activity
   */
  protected final void deleteRow(Activity activity) {
    delegate.purgeBatch(
        PurgeCriteria.builder(activity.createdAt().plus(1, ChronoUnit.MICROS))
            .createdFrom(activity.createdAt())
            .workspaceGroupId(activity.workspaceGroupId())
            .type(activity.type())
            .build(),
        1);
  }

  /**
   * Deletes activities one by one and reports them as one batch.
   *
   * @param batch the activities, the newest last
   */
  protected final PurgedBatch deleteAll(List<Activity> batch) {
    batch.forEach(this::deleteRow);
    return batch.isEmpty()
        ? PurgedBatch.NONE
        : new PurgedBatch(
            batch.size(),
            batch.stream().map(Activity::createdAt).max(Instant::compareTo).orElseThrow());
  }

  @Override
  public Activity insert(NewActivity activity) {
    return view(delegate.insert(activity));
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    return delegate.insertAll(activities).stream().map(this::view).toList();
  }

  @Override
  public Optional<Activity> findById(long id) {
    return delegate.findById(id).map(this::view);
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    return delegate.findByUid(workspaceGroupId, uid).map(this::view);
  }

  /**
   * A guard with another expected version, for backends whose bug is in the version they expect:
   * the caller's groups and rules still hold on the delegate's locked row.
   *
   * @param guard the caller's guard
   * @param expectedVersion the version the bug chose, or null for none
   */
  protected static WriteGuard withVersion(WriteGuard guard, @Nullable Long expectedVersion) {
    return new WriteGuard(
        guard.readableGroups(), guard.writableGroups(), guard.requesterRules(), expectedVersion);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    return view(delegate.update(id, guard, update, updatedBy));
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    return view(delegate.softDelete(id, guard, deletedBy));
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    return view(delegate.restore(id, guard, restoredBy));
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    return delegate.purgeBatch(criteria, limit);
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    return delegate.eraseActor(actor, mode);
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    return delegate.list(query, page, sort).map(this::view);
  }

  @Override
  public long count(ActivityQuery query) {
    return delegate.count(query);
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    return delegate.listAfter(query, sort, after, limit).stream().map(this::view).toList();
  }

  /** The control: the contract run against the forwarding repository with no bug added. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, BrokenRepository::new);
    }
  }
}
