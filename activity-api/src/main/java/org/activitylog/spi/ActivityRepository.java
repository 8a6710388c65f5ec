package org.activitylog.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
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
   * A trusted {@link #update(long, WriteGuard, ActivityUpdate, String) update}: {@link
   * WriteGuard#trusted} with the expected version. Backends implement the guarded form only.
   *
   * @param id the activity's id
   * @param update the new values
   * @param expectedVersion when not null, the update happens only if the stored version is this
   * @param updatedBy who updates it, or null to record no name
   * @return the updated activity
   */
  default Activity update(
      long id, ActivityUpdate update, @Nullable Long expectedVersion, @Nullable String updatedBy) {
    return update(id, WriteGuard.trusted(expectedVersion), update, updatedBy);
  }

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
   * A trusted {@link #softDelete(long, WriteGuard, String) soft delete}. Backends implement the
   * guarded form only.
   *
   * @param id the activity's id
   * @param deletedBy who deletes it, or null to record no name
   * @return the activity as stored after the delete
   */
  default Activity softDelete(long id, @Nullable String deletedBy) {
    return softDelete(id, WriteGuard.TRUSTED, deletedBy);
  }

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
   * A trusted {@link #restore(long, WriteGuard, String) restore}. Backends implement the guarded
   * form only.
   *
   * @param id the activity's id
   * @param restoredBy who restores it, or null to record no name
   * @return the activity as stored after the restore
   */
  default Activity restore(long id, @Nullable String restoredBy) {
    return restore(id, WriteGuard.TRUSTED, restoredBy);
  }

  /**
   * Deletes for good every activity created strictly before an instant, soft-deleted or not: the
   * retention sweep.
   *
   * @param cutoff the first creation time that is kept
   * @return how many activities were deleted
   */
  long purgeCreatedBefore(Instant cutoff);

  /**
   * Removes or anonymises every activity of an actor, soft-deleted ones included. The actor is
   * matched by kind and id: a user and a member are different actors whatever their ids. An
   * anonymised activity is stored as {@link StoredActivities#anonymised} describes it; a
   * soft-deleted one stays deleted.
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
