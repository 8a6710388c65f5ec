package org.activitylog.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.jspecify.annotations.Nullable;

/**
 * The part of a repository the recorder uses: inserts idempotent on uid, and lookups to check them.
 * activity-recorder's tests cannot use the in-memory backend (its tests run the testkit, which
 * depends on activity-recorder: Maven forbids the cycle); the testkit's recorder contract runs the
 * same behaviour against every real one.
 */
final class MapRepository implements ActivityRepository {
  private final ConcurrentHashMap<UUID, Activity> byUid = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong rowsWritten = new AtomicLong();

  @Override
  public Activity insert(NewActivity activity) {
    return byUid.computeIfAbsent(
        activity.uid(),
        uid -> {
          rowsWritten.incrementAndGet();
          return Activity.created(ids.incrementAndGet(), activity);
        });
  }

  @Override
  public synchronized List<Activity> insertAll(List<NewActivity> activities) {
    List<Activity> stored = new ArrayList<>(activities.size());
    for (NewActivity a : activities) {
      stored.add(insert(a));
    }
    return stored;
  }

  /** Rows ever written; more than {@link #size()} would mean a uid was stored twice. */
  long rowsWritten() {
    return rowsWritten.get();
  }

  int size() {
    return byUid.size();
  }

  @Override
  public Optional<Activity> findById(long id) {
    return byUid.values().stream().filter(a -> a.id() == id).findFirst();
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    return Optional.ofNullable(byUid.get(uid))
        .filter(a -> a.workspaceGroupId() == workspaceGroupId);
  }

  @Override
  public Activity update(
      long id, ActivityUpdate update, @Nullable Long expectedVersion, @Nullable String updatedBy) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Activity softDelete(long id, @Nullable String deletedBy) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Activity restore(long id, @Nullable String restoredBy) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long count(ActivityQuery query) {
    return byUid.size();
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    throw new UnsupportedOperationException();
  }
}
