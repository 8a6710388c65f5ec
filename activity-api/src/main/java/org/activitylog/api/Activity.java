package org.activitylog.api;

import java.time.Instant;
import java.util.UUID;
import org.activitylog.api.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A stored activity: its content, identity, audit trail and soft-delete state.
 *
 * @param id the store-assigned numeric id (AISquare's {@code id})
 * @param uid the idempotency key (AISquare's {@code uid}, Brightidea's {@code id})
 * @param content what the activity says
 * @param createdAt when it happened (Brightidea's {@code date_created})
 * @param createdBy who recorded it
 * @param updatedAt when it was last changed; equal to {@code createdAt} until then
 * @param updatedBy who last changed it
 * @param deletedAt when it was soft-deleted, or null while it is not
 * @param deletedBy who soft-deleted it
 * @param active false while soft-deleted
 * @param version starts at 1 and grows by one with every change, for optimistic concurrency
 */
public record Activity(
    long id,
    UUID uid,
    ActivityContent content,
    Instant createdAt,
    @Nullable String createdBy,
    Instant updatedAt,
    @Nullable String updatedBy,
    @Nullable Instant deletedAt,
    @Nullable String deletedBy,
    boolean active,
    long version) {

  /** The longest {@code text} accepted, in characters. */
  public static final int MAX_TEXT = 10_000;

  /** The largest {@code resource} accepted, in characters of compact JSON. */
  public static final int MAX_RESOURCE = 65_536;

  /** The longest {@code created_by}, {@code updated_by} or {@code deleted_by} accepted. */
  public static final int MAX_AUDIT_NAME = 255;

  /**
   * Checks required fields and normalises times to microseconds.
   *
   * @param id the store-assigned numeric id (AISquare's {@code id})
   * @param uid the idempotency key (AISquare's {@code uid}, Brightidea's {@code id})
   * @param content what the activity says
   * @param createdAt when it happened (Brightidea's {@code date_created})
   * @param createdBy who recorded it
   * @param updatedAt when it was last changed; equal to {@code createdAt} until then
   * @param updatedBy who last changed it
   * @param deletedAt when it was soft-deleted, or null while it is not
   * @param deletedBy who soft-deleted it
   * @param active false while soft-deleted
   * @param version starts at 1 and grows by one with every change, for optimistic concurrency
   */
  public Activity {
    Checks.required("uid", uid);
    Checks.required("content", content);
    createdAt = Checks.required("created_at", Checks.time("created_at", createdAt));
    updatedAt = Checks.required("updated_at", Checks.time("updated_at", updatedAt));
    deletedAt = Checks.time("deleted_at", deletedAt);
    Checks.text("created_by", createdBy);
    Checks.text("updated_by", updatedBy);
    Checks.text("deleted_by", deletedBy);
    if (version < 1) {
      throw new ValidationException("version", "must be 1 or more", version);
    }
  }

  /**
   * {@return a freshly stored activity: version 1, active, updated when created}
   *
   * @param id the assigned id
   * @param draft the activity as recorded, with uid and creation time set
   */
  public static Activity created(long id, NewActivity draft) {
    Instant created = Checks.required("created_at", draft.createdAt());
    return new Activity(
        id,
        Checks.required("uid", draft.uid()),
        draft.content(),
        created,
        draft.createdBy(),
        created,
        draft.createdBy(),
        null,
        null,
        true,
        1);
  }

  /** {@return what happened} */
  public ActivityKind type() {
    return content.type();
  }

  /** {@return who did it} */
  public Actor actor() {
    return content.actor();
  }

  /** {@return the description, if any} */
  public @Nullable String text() {
    return content.text();
  }

  /** {@return what it happened to} */
  public JsonValue resource() {
    return content.resource();
  }

  /** {@return the owning workspace group (the tenant)} */
  public long workspaceGroupId() {
    return content.workspaceGroupId();
  }

  /** {@return whether the activity is soft-deleted} */
  public boolean isDeleted() {
    return deletedAt != null;
  }

  /**
   * {@return this activity with new content, as an update stores it}
   *
   * @param newContent the replacing content
   * @param at when the update happened
   * @param by who updated it
   */
  public Activity updated(ActivityContent newContent, Instant at, @Nullable String by) {
    return new Activity(
        id,
        uid,
        newContent,
        createdAt,
        createdBy,
        at,
        by,
        deletedAt,
        deletedBy,
        active,
        version + 1);
  }

  /**
   * {@return this activity soft-deleted}
   *
   * @param at when it was deleted
   * @param by who deleted it
   */
  public Activity deleted(Instant at, @Nullable String by) {
    return new Activity(id, uid, content, createdAt, createdBy, at, by, at, by, false, version + 1);
  }

  /**
   * {@return this activity restored from a soft delete}
   *
   * @param at when it was restored
   * @param by who restored it
   */
  public Activity restored(Instant at, @Nullable String by) {
    return new Activity(
        id, uid, content, createdAt, createdBy, at, by, null, null, true, version + 1);
  }

  /**
   * {@return this activity with its actor anonymised and every audit name cleared, as erasure by
   * {@link ErasureMode#ANONYMISE} stores it}
   *
   * @param at when it was anonymised
   */
  public Activity anonymised(Instant at) {
    ActivityContent c = content;
    ActivityContent anonymous =
        new ActivityContent(
            c.type(),
            c.actor().anonymised(),
            c.text(),
            c.resource(),
            c.workspaceGroupId(),
            c.workspaceGroup(),
            c.campaign(),
            c.details());
    return new Activity(
        id, uid, anonymous, createdAt, null, at, null, deletedAt, null, active, version + 1);
  }
}
