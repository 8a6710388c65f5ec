package org.activitylog.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ForwardingActivityRepository;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.spi.WriteGuard;
import org.jspecify.annotations.Nullable;

/** Times every call of a repository; see {@link TimedActivityStore}. */
final class TimedRepository extends ForwardingActivityRepository {
  private final CallTimer insert;
  private final CallTimer insertAll;
  private final CallTimer findById;
  private final CallTimer findByUid;
  private final CallTimer update;
  private final CallTimer softDelete;
  private final CallTimer restore;
  private final CallTimer purgeCreatedBefore;
  private final CallTimer purgeBatch;
  private final CallTimer eraseActor;
  private final CallTimer list;
  private final CallTimer count;
  private final CallTimer listAfter;
  private final CallTimer scan;

  TimedRepository(ActivityRepository delegate, MeterRegistry registry, Tags tags) {
    super(delegate);
    this.insert = new CallTimer(registry, tags, "insert");
    this.insertAll = new CallTimer(registry, tags, "insertAll");
    this.findById = new CallTimer(registry, tags, "findById");
    this.findByUid = new CallTimer(registry, tags, "findByUid");
    this.update = new CallTimer(registry, tags, "update");
    this.softDelete = new CallTimer(registry, tags, "softDelete");
    this.restore = new CallTimer(registry, tags, "restore");
    this.purgeCreatedBefore = new CallTimer(registry, tags, "purgeCreatedBefore");
    this.purgeBatch = new CallTimer(registry, tags, "purgeBatch");
    this.eraseActor = new CallTimer(registry, tags, "eraseActor");
    this.list = new CallTimer(registry, tags, "list");
    this.count = new CallTimer(registry, tags, "count");
    this.listAfter = new CallTimer(registry, tags, "listAfter");
    this.scan = new CallTimer(registry, tags, "scan");
  }

  @Override
  public Activity insert(NewActivity activity) {
    return insert.time(() -> delegate.insert(activity));
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    return insertAll.time(() -> delegate.insertAll(activities));
  }

  @Override
  public Optional<Activity> findById(long id) {
    return findById.time(() -> delegate.findById(id));
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    return findByUid.time(() -> delegate.findByUid(workspaceGroupId, uid));
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    return this.update.time(() -> delegate.update(id, guard, update, updatedBy));
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    return softDelete.time(() -> delegate.softDelete(id, guard, deletedBy));
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    return restore.time(() -> delegate.restore(id, guard, restoredBy));
  }

  @Override
  public long purgeCreatedBefore(Instant cutoff) {
    return purgeCreatedBefore.time(() -> delegate.purgeCreatedBefore(cutoff));
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    return purgeBatch.time(() -> delegate.purgeBatch(criteria, limit));
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    return eraseActor.time(() -> delegate.eraseActor(actor, mode));
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    return list.time(() -> delegate.list(query, page, sort));
  }

  @Override
  public long count(ActivityQuery query) {
    return count.time(() -> delegate.count(query));
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    return listAfter.time(() -> delegate.listAfter(query, sort, after, limit));
  }

  @Override
  public Stream<Activity> scan(ActivityQuery query, Sort sort, int batchSize) {
    return scan.time(() -> delegate.scan(query, sort, batchSize));
  }
}
