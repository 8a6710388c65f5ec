package org.activitylog.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
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
import org.jspecify.annotations.Nullable;

/**
 * An {@link ActivityRepository} that passes every call, {@link #scan} included, to another one: the
 * base of decorators (metrics, caching, sharding, fault injection). Override the methods the
 * decorator changes; the rest keep the delegate's behaviour, so a decorator that changes nothing
 * passes the testkit exactly as its delegate does.
 */
public class ForwardingActivityRepository implements ActivityRepository {

  /** The repository every call goes to unless a subclass overrides it. */
  protected final ActivityRepository delegate;

  /**
   * Wraps a repository.
   *
   * @param delegate the repository to pass calls to
   */
  public ForwardingActivityRepository(ActivityRepository delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public Activity insert(NewActivity activity) {
    return delegate.insert(activity);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    return delegate.insertAll(activities);
  }

  @Override
  public Optional<Activity> findById(long id) {
    return delegate.findById(id);
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    return delegate.findByUid(workspaceGroupId, uid);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    return delegate.update(id, guard, update, updatedBy);
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    return delegate.softDelete(id, guard, deletedBy);
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    return delegate.restore(id, guard, restoredBy);
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    return delegate.purgeBatch(criteria, limit);
  }

  /**
   * Passes the purge to the delegate, which may remove whole ranges faster than batches through
   * this decorator would. A decorator that changes {@link #purgeBatch} and wants purges to see the
   * change overrides this and {@link #purgeCreatedBefore} too.
   */
  @Override
  public PurgeResult purge(PurgeCriteria criteria, int batchSize, Predicate<PurgeResult> progress) {
    return delegate.purge(criteria, batchSize, progress);
  }

  @Override
  public long purgeCreatedBefore(Instant cutoff) {
    return delegate.purgeCreatedBefore(cutoff);
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    return delegate.eraseActor(actor, mode);
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    return delegate.list(query, page, sort);
  }

  @Override
  public long count(ActivityQuery query) {
    return delegate.count(query);
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    return delegate.listAfter(query, sort, after, limit);
  }

  /**
   * Passes the scan to the delegate, which may stream more efficiently than keyset pages through
   * this decorator would. A decorator that changes {@link #listAfter} and wants scans to see the
   * change overrides this too.
   */
  @Override
  public Stream<Activity> scan(ActivityQuery query, Sort sort, int batchSize) {
    return delegate.scan(query, sort, batchSize);
  }
}
