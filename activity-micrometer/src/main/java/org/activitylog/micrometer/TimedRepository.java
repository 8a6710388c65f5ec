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
    this.eraseActor = new CallTimer(registry, tags, "eraseActor");
    this.list = new CallTimer(registry, tags, "list");
    this.count = new CallTimer(registry, tags, "count");
    this.listAfter = new CallTimer(registry, tags, "listAfter");
    this.scan = new CallTimer(registry, tags, "scan");
  }

  @Override
  public Activity insert(NewActivity activity) {
    long start = insert.start();
    try {
      Activity result = delegate.insert(activity);
      insert.success(start);
      return result;
    } catch (RuntimeException e) {
      insert.failure(start, e);
      throw e;
    }
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    long start = insertAll.start();
    try {
      List<Activity> result = delegate.insertAll(activities);
      insertAll.success(start);
      return result;
    } catch (RuntimeException e) {
      insertAll.failure(start, e);
      throw e;
    }
  }

  @Override
  public Optional<Activity> findById(long id) {
    long start = findById.start();
    try {
      Optional<Activity> result = delegate.findById(id);
      findById.success(start);
      return result;
    } catch (RuntimeException e) {
      findById.failure(start, e);
      throw e;
    }
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    long start = findByUid.start();
    try {
      Optional<Activity> result = delegate.findByUid(workspaceGroupId, uid);
      findByUid.success(start);
      return result;
    } catch (RuntimeException e) {
      findByUid.failure(start, e);
      throw e;
    }
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    long start = this.update.start();
    try {
      Activity result = delegate.update(id, guard, update, updatedBy);
      this.update.success(start);
      return result;
    } catch (RuntimeException e) {
      this.update.failure(start, e);
      throw e;
    }
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    long start = softDelete.start();
    try {
      Activity result = delegate.softDelete(id, guard, deletedBy);
      softDelete.success(start);
      return result;
    } catch (RuntimeException e) {
      softDelete.failure(start, e);
      throw e;
    }
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    long start = restore.start();
    try {
      Activity result = delegate.restore(id, guard, restoredBy);
      restore.success(start);
      return result;
    } catch (RuntimeException e) {
      restore.failure(start, e);
      throw e;
    }
  }

  @Override
  public long purgeCreatedBefore(Instant cutoff) {
    long start = purgeCreatedBefore.start();
    try {
      long result = delegate.purgeCreatedBefore(cutoff);
      purgeCreatedBefore.success(start);
      return result;
    } catch (RuntimeException e) {
      purgeCreatedBefore.failure(start, e);
      throw e;
    }
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    long start = eraseActor.start();
    try {
      long result = delegate.eraseActor(actor, mode);
      eraseActor.success(start);
      return result;
    } catch (RuntimeException e) {
      eraseActor.failure(start, e);
      throw e;
    }
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    long start = list.start();
    try {
      Page<Activity> result = delegate.list(query, page, sort);
      list.success(start);
      return result;
    } catch (RuntimeException e) {
      list.failure(start, e);
      throw e;
    }
  }

  @Override
  public long count(ActivityQuery query) {
    long start = count.start();
    try {
      long result = delegate.count(query);
      count.success(start);
      return result;
    } catch (RuntimeException e) {
      count.failure(start, e);
      throw e;
    }
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    long start = listAfter.start();
    try {
      List<Activity> result = delegate.listAfter(query, sort, after, limit);
      listAfter.success(start);
      return result;
    } catch (RuntimeException e) {
      listAfter.failure(start, e);
      throw e;
    }
  }

  @Override
  public Stream<Activity> scan(ActivityQuery query, Sort sort, int batchSize) {
    long start = scan.start();
    try {
      Stream<Activity> result = delegate.scan(query, sort, batchSize);
      scan.success(start);
      return result;
    } catch (RuntimeException e) {
      scan.failure(start, e);
      throw e;
    }
  }
}
