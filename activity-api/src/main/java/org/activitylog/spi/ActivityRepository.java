package org.activitylog.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Stores activities. Implementations must be thread-safe. They trust their caller for access
 * control (the {@code ActivityLog} facade does it), except that they evaluate the {@link
 * WriteGuard} it passes with each write of a stored activity, and stamp update and delete times
 * from the {@link java.time.Clock} they were built with.
 *
 * <p>Every failure is an {@link org.activitylog.api.ActivityLogException}: {@link
 * ValidationException} for bad input, {@link NotFoundException} for an unknown id, {@link
 * ConflictException} for a version mismatch, {@link StoreUnavailableException} when the store
 * cannot be reached. The testkit's {@code ActivityRepositoryContract} states every rule.
 *
 * <p>What is written reads back equal ({@link Activity#equals}) through every read: {@link
 * #findById}, {@link #findByUid}, {@link #list}, {@link #listAfter} and {@link #scan}. Every text
 * keeps every character, an empty text stays apart from an absent one, and absent values stay apart
 * from {@code false}, zero and empty ones; every time keeps its microseconds, the model's
 * precision, over the model's whole range; lists keep their order. A JSON resource compares as
 * {@link org.activitylog.api.JsonValue} does: numbers by value and objects without regard to key
 * order, so neither a number's notation ({@code 1.0} or {@code 1}) nor the order of an object's
 * keys need survive storage. The one exception is U+0000, which some databases cannot store
 * (PostgreSQL): an activity holding it is either stored whole or refused with a {@link
 * ValidationException}, never altered. The type is the other: it is stored as its {@link
 * org.activitylog.api.ActivityKind#code() code} and read back as the store's {@link
 * org.activitylog.api.ActivityCatalogue} resolves the code, so a host type the catalogue does not
 * register reads as an {@link org.activitylog.api.UnknownActivityType} of the same code. Filters
 * and updates compare types by code.
 *
 * <p>Writes of a stored activity take a {@link WriteGuard}: the facade passes what the requester
 * may see and write, and the store checks it on the row it locks for the write, so one store call
 * both checks and writes.
 *
 * <p>{@link StoredActivities} computes the state each write stores and {@link QueryMatching}
 * decides what each read returns, in which order: a backend that works in Java calls them, one that
 * works in SQL must agree with them.
 */
public interface ActivityRepository {

  /**
   * Stores an activity, or returns the stored one when its workspace group already holds its uid:
   * the pair (workspace group, uid) is the idempotency key, so a retried insert never creates a
   * second activity. Uids are unique per owning workspace group, not across groups: the same uid in
   * another group is another activity, and never changes what this insert does or returns. The
   * returned activity therefore always belongs to the given activity's workspace group. The group
   * is the owning one, {@code workspace_group_id}, never the derived {@code workspace_group}.
   *
   * <p>A soft-deleted activity still holds its uid: inserting the uid again returns it, still
   * deleted. A purged or erased activity no longer does: its uid can be recorded again, as a new
   * activity.
   *
   * @param activity the activity, with uid and creation time set
   * @return the stored activity, version 1 when new
   * @throws ValidationException when the uid or creation time is missing
   */
  Activity insert(NewActivity activity);

  /**
   * Stores many activities at once, each idempotent on its (workspace group, uid) key as {@link
   * #insert} is. A key that appears twice in one batch is stored once, from its first occurrence,
   * and both positions of the result hold the stored activity; one uid in two groups of a batch is
   * two activities. New activities are stored in the order given, so their ids grow in that order.
   *
   * @param activities the activities, each with uid and creation time set
   * @return the stored activities, in the order given, each in the workspace group it was given
   * @throws ValidationException when any activity lacks its uid or creation time; nothing of the
   *     batch is stored then, whatever its size
   */
  List<Activity> insertAll(List<NewActivity> activities);

  /**
   * Finds an activity by its numeric id, soft-deleted ones included.
   *
   * @param id the id
   * @return the activity, or empty when no activity has that id
   */
  Optional<Activity> findById(long id);

  /**
   * Finds an activity by its idempotency key, soft-deleted ones included. There is no look-up by
   * uid alone: a uid names an activity only within its workspace group. To find a uid among several
   * groups, list with {@link ActivityQuery.Builder#uid} and the groups (the facade's {@code
   * getByUid} does, taking the lowest id when more than one group holds the uid).
   *
   * @param workspaceGroupId the owning workspace group
   * @param uid the uid
   * @return the activity, or empty when that group holds no activity with that uid
   */
  Optional<Activity> findByUid(long workspaceGroupId, UUID uid);

  /**
   * Replaces the fields an update gives, stamps {@code updated_at} from the clock and {@code
   * updated_by}, and increments the version, as {@link StoredActivities#updated} does. The id, uid,
   * creation fields and workspace groups never change, and neither does the soft-delete state: an
   * update of a soft-deleted activity leaves it deleted. An update that leaves every field as
   * stored ({@link StoredActivities#changes} false) writes nothing and returns the stored activity,
   * version and audit fields unchanged; the expected version is compared first all the same.
   *
   * <p>The guard is checked on the row as it is locked for the write, in the same transaction
   * ({@link WriteGuard#admitChange}); a write that fails it changes nothing.
   *
   * @param id the activity's id
   * @param guard who may write, and the expected version
   * @param update the new values
   * @param updatedBy who updates it, or null to record no name
   * @return the updated activity
   * @throws NotFoundException when no activity has the id, or the guard may not see it
   * @throws org.activitylog.api.AccessDeniedException when the guard may see it but not write it
   * @throws ConflictException when the stored version is not the guard's expected one
   * @throws ValidationException naming {@code updated_by} when it is longer than {@value
   *     Activity#MAX_AUDIT_NAME} characters; nothing changes then
   */
  Activity update(long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy);

  /**
   * Soft-deletes an activity: sets {@code deleted_at} and {@code updated_at} from the clock, {@code
   * deleted_by} and {@code updated_by}, {@code is_active=false}, and adds one to the version, as
   * {@link StoredActivities#deleted} does. Deleting a deleted activity changes nothing and returns
   * it.
   *
   * @param id the activity's id
   * @param guard who may write, checked on the locked row as {@link WriteGuard#admitChange} does
   * @param deletedBy who deletes it, or null to record no name
   * @return the activity as stored after the delete
   * @throws NotFoundException when no activity has the id, or the guard may not see it
   * @throws org.activitylog.api.AccessDeniedException when the guard may see it but not write it
   * @throws ConflictException when the stored version is not the guard's expected one
   * @throws ValidationException naming {@code deleted_by} when it is longer than {@value
   *     Activity#MAX_AUDIT_NAME} characters; nothing changes then
   */
  Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy);

  /**
   * Undoes a soft delete: clears {@code deleted_at} and {@code deleted_by}, sets {@code is_active},
   * stamps {@code updated_at} and {@code updated_by}, and adds one to the version, as {@link
   * StoredActivities#restored} does. Restoring an activity that is not deleted changes nothing and
   * returns it.
   *
   * @param id the activity's id
   * @param guard who may write, checked on the locked row as {@link WriteGuard#admitRestore} does
   * @param restoredBy who restores it, or null to record no name
   * @return the activity as stored after the restore
   * @throws NotFoundException when no activity has the id, or the guard may not restore it
   * @throws ConflictException when the stored version is not the guard's expected one
   * @throws ValidationException naming {@code updated_by} when it is longer than {@value
   *     Activity#MAX_AUDIT_NAME} characters; nothing changes then
   */
  Activity restore(long id, WriteGuard guard, @Nullable String restoredBy);

  /**
   * Deletes for good one batch of a purge, in one short transaction of its own: up to {@code limit}
   * of the oldest activities the criteria match, soft-deleted ones included. This is the one purge
   * method a backend implements; {@link #purge} and {@link #purgeCreatedBefore} run it batch by
   * batch.
   *
   * <ul>
   *   <li><b>Which rows.</b> Those {@link PurgeCriteria#matches} accepts: created in {@code
   *       [createdFrom, createdBefore)}, of an included and not excluded type and owning group.
   *       Nothing else is touched: not an activity created at the cutoff or later, not one of an
   *       excluded type or group, and never a follow edge (the follow graph holds actors, not
   *       activities, and erasing an actor is what removes its edges).
   *   <li><b>Order.</b> The oldest first, by creation time and then id, so that a purge stopped
   *       after any batch has removed a prefix of the history it was asked for, never a hole in the
   *       middle of it.
   *   <li><b>Atomicity.</b> The batch deletes all its rows or none, and a reader sees either all of
   *       them or none of them. A purged activity is gone as an erased one is: its uid can be
   *       recorded again, as a new activity.
   *   <li><b>Locks.</b> Rows another transaction holds locked (an update, a soft delete, an erasure
   *       in progress) may be skipped rather than waited for; a later batch or a later purge
   *       removes them. A batch holds its own locks only until it commits, so a writer or reader
   *       waits on a purge for one batch at most.
   * </ul>
   *
   * @param criteria which activities to delete
   * @param limit the most activities to delete, 1 or more
   * @return how many it deleted and the newest creation time among them
   * @throws ValidationException naming {@code limit} when it is below 1; nothing is deleted then
   */
  PurgedBatch purgeBatch(PurgeCriteria criteria, int limit);

  /**
   * Deletes for good every activity the criteria match, in batches of {@code batchSize} rows, each
   * batch its own transaction ({@link #purgeBatch}), the oldest first; reports its figures after
   * every batch and returns them at the end. The purge ends when a batch deletes fewer rows than
   * the batch size.
   *
   * <p>It is resumable: it keeps no state outside the store, so after a crash, a cancel or a
   * failure the same call started again carries on with what is left. It stops between batches,
   * keeping what earlier batches deleted, when {@code progress} answers false or when the calling
   * thread is interrupted (the interrupt stays set); the result then says it is not complete.
   *
   * <p>It is not a snapshot: each batch deletes what matches when it runs. An activity created
   * during the purge with a creation time before the cutoff (a late import, a recorder's retry) may
   * or may not be deleted by it; the next purge deletes it. Each batch starts at the newest
   * creation time the one before it deleted, so an activity inserted with an older time than that
   * waits for the next purge too, as does a row that was locked when its batch ran.
   *
   * <p>The default runs {@link #purgeBatch} in a loop, so every backend gets it; a backend that can
   * remove whole ranges faster (dropping time partitions) may override it, keeping these rules.
   *
   * @param criteria which activities to delete
   * @param batchSize the most activities each batch deletes, 1 or more; {@link
   *     #DEFAULT_PURGE_BATCH_SIZE} suits most stores
   * @param progress called after every batch with the figures so far ({@code complete} true after
   *     the last one); its answer is whether to go on
   * @return the figures at the end
   * @throws ValidationException naming {@code batch_size} when it is below 1; nothing is deleted
   *     then
   */
  default PurgeResult purge(
      PurgeCriteria criteria, int batchSize, Predicate<PurgeResult> progress) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(progress, "progress");
    if (batchSize < 1) {
      throw new ValidationException("batch_size", "must be 1 or more", batchSize);
    }
    long removed = 0;
    long batches = 0;
    PurgeCriteria next = criteria;
    while (!Thread.currentThread().isInterrupted()) {
      PurgedBatch batch = purgeBatch(next, batchSize);
      removed += batch.deleted();
      batches++;
      boolean done = batch.deleted() < batchSize;
      PurgeResult soFar = new PurgeResult(removed, batches, done);
      if (!progress.test(soFar) || done) {
        return soFar;
      }
      // Rows older than this are gone (or were locked): the next batch need not read past them.
      next = next.startingAt(Objects.requireNonNull(batch.newestCreatedAt(), "newestCreatedAt"));
    }
    return new PurgeResult(removed, batches, false);
  }

  /** The batch size of {@link #purgeCreatedBefore}, and the retention job's default: 1,000 rows. */
  int DEFAULT_PURGE_BATCH_SIZE = 1000;

  /**
   * Deletes for good every activity created strictly before an instant, soft-deleted or not, in
   * every workspace group: the simple retention sweep. It is {@link #purge} with {@link
   * PurgeCriteria#createdBefore(Instant)}, in batches of {@value #DEFAULT_PURGE_BATCH_SIZE}, so it
   * is not one transaction: a reader may see it half done, and if the calling thread is interrupted
   * it stops between batches and returns what it deleted so far (the interrupt stays set). Its
   * rules are {@link #purge}'s.
   *
   * @param cutoff the first creation time that is kept
   * @return how many activities were deleted
   */
  default long purgeCreatedBefore(Instant cutoff) {
    return purge(PurgeCriteria.createdBefore(cutoff), DEFAULT_PURGE_BATCH_SIZE, soFar -> true)
        .removed();
  }

  /**
   * Removes or anonymises every activity of an actor, soft-deleted ones included. The actor is
   * matched by kind and id: a user and a member are different actors whatever their ids. An
   * anonymised activity is stored as {@link StoredActivities#anonymised} describes it; a
   * soft-deleted one stays deleted.
   *
   * <p>Erasure stays complete when it meets a purge running at the same time: every activity of the
   * actor that existed when the erasure began is then either erased or purged, none is left as it
   * was, and the erasure does not fail because a purge deleted some of them under it.
   *
   * @param actor the actor to erase
   * @param mode whether to delete the activities or replace the actor with {@link
   *     StoredActivities#anonymousActor the anonymous actor} of its kind
   * @return how many activities were changed
   */
  long eraseActor(ActorRef actor, ErasureMode mode);

  /**
   * {@return one page of the activities a query matches, in a sort order, with the total}
   *
   * @param query the filters
   * @param page which page
   * @param sort the order; ties broken by id
   */
  Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort);

  /**
   * {@return how many activities a query matches}
   *
   * @param query the filters
   */
  long count(ActivityQuery query);

  /**
   * {@return up to {@code limit} matching activities that come after a cursor in a sort order,
   * without an offset: keyset paging}
   *
   * @param query the filters
   * @param sort the order; ties broken by id
   * @param after the position to continue after, or null to start at the beginning. A position, not
   *     a row: the activity it was taken from may since have been deleted, purged or erased
   * @param limit the most activities to return, 1 or more
   * @throws ValidationException naming {@code limit} when it is below 1
   */
  List<Activity> listAfter(ActivityQuery query, Sort sort, @Nullable Cursor after, int limit);

  /**
   * {@return every matching activity in sort order, fetched lazily in keyset batches: for exports
   * of any size} No connection or lock is held between batches, so the caller may write while it
   * scans. An activity inserted, changed or deleted during the scan may or may not appear, but none
   * is returned twice, and every other matching activity is returned.
   *
   * @param query the filters
   * @param sort the order
   * @param batchSize how many activities each round trip fetches, 1 or more
   * @throws ValidationException naming {@code batch_size} when it is below 1
   */
  default Stream<Activity> scan(ActivityQuery query, Sort sort, int batchSize) {
    if (batchSize < 1) {
      throw new ValidationException("batch_size", "must be 1 or more", batchSize);
    }
    Iterator<Activity> it =
        new Iterator<>() {
          private List<Activity> batch = new ArrayList<>();
          private int next;
          private @Nullable Cursor cursor;
          private boolean exhausted;

          @Override
          public boolean hasNext() {
            if (next < batch.size()) {
              return true;
            }
            if (exhausted) {
              return false;
            }
            batch = listAfter(query, sort, cursor, batchSize);
            next = 0;
            exhausted = batch.size() < batchSize;
            if (!batch.isEmpty()) {
              cursor = Cursor.after(batch.get(batch.size() - 1));
            }
            return !batch.isEmpty();
          }

          @Override
          public Activity next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return batch.get(next++);
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }
}
