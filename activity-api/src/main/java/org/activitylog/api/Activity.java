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

  /**
   * The largest {@link ActivityContent#extensions()} accepted where activities enter (builders,
   * wire readers, updates), in characters of the slot written as one compact JSON object. Rows a
   * store already holds are read back whatever their size.
   */
  public static final int MAX_EXTENSIONS = 1_048_576;

  /** The longest name of an extension field, in characters. */
  public static final int MAX_EXTENSION_NAME = 255;

  /** The longest {@code created_by}, {@code updated_by} or {@code deleted_by} accepted. */
  public static final int MAX_AUDIT_NAME = 255;

  /**
   * Checks only the shape (required fields, times in range, a version of 1 or more) and normalises
   * times to microseconds. This is the trusted way a backend rebuilds a stored row, whose parts
   * were checked when they entered: a store reads its rows back with this constructor and {@link
   * ActivityContent}'s, {@link UserSimple}'s and {@link Member}'s, not with the builders, which
   * also run the entry rules (well-formed audit names here; see the other records for theirs).
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
    if (version < 1) {
      throw new ValidationException("version", "must be 1 or more", version);
    }
  }

  /**
   * Starts building an activity as an insert stores it: updated when created ({@code updatedAt}
   * equal to {@code createdAt}), active, not deleted, version 1, no audit names.
   *
   * @param id the store-assigned numeric id
   * @param uid the idempotency key
   * @param content what the activity says
   * @param createdAt when it happened
   * @return a new builder
   */
  public static Builder builder(long id, UUID uid, ActivityContent content, Instant createdAt) {
    return new Builder(id, uid, content, createdAt);
  }

  /** {@return a builder holding this activity's fields, to change some of them} */
  public Builder toBuilder() {
    return builder(id, uid, content, createdAt)
        .createdBy(createdBy)
        .updatedAt(updatedAt)
        .updatedBy(updatedBy)
        .deletedAt(deletedAt)
        .deletedBy(deletedBy)
        .active(active)
        .version(version);
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

  /** Collects the fields of an {@link Activity}; every setter is optional. */
  public static final class Builder {
    private long id;
    private UUID uid;
    private ActivityContent content;
    private Instant createdAt;
    private @Nullable String createdBy;
    private @Nullable Instant updatedAt;
    private @Nullable String updatedBy;
    private @Nullable Instant deletedAt;
    private @Nullable String deletedBy;
    private boolean active = true;
    private long version = 1;

    private Builder(long id, UUID uid, ActivityContent content, Instant createdAt) {
      this.id = id;
      this.uid = uid;
      this.content = content;
      this.createdAt = createdAt;
    }

    /**
     * Sets the store-assigned numeric id.
     *
     * @param value the id
     * @return this builder
     */
    public Builder id(long value) {
      this.id = value;
      return this;
    }

    /**
     * Sets the idempotency key.
     *
     * @param value the uid
     * @return this builder
     */
    public Builder uid(UUID value) {
      this.uid = value;
      return this;
    }

    /**
     * Sets what the activity says.
     *
     * @param value the content
     * @return this builder
     */
    public Builder content(ActivityContent value) {
      this.content = value;
      return this;
    }

    /**
     * Sets when it happened.
     *
     * @param value the creation time
     * @return this builder
     */
    public Builder createdAt(Instant value) {
      this.createdAt = value;
      return this;
    }

    /**
     * Sets who recorded it.
     *
     * @param value the name, or null for none
     * @return this builder
     */
    public Builder createdBy(@Nullable String value) {
      this.createdBy = value;
      return this;
    }

    /**
     * Sets when it was last changed; the creation time when not set.
     *
     * @param value the time
     * @return this builder
     */
    public Builder updatedAt(Instant value) {
      this.updatedAt = value;
      return this;
    }

    /**
     * Sets who last changed it.
     *
     * @param value the name, or null for none
     * @return this builder
     */
    public Builder updatedBy(@Nullable String value) {
      this.updatedBy = value;
      return this;
    }

    /**
     * Sets when it was soft-deleted.
     *
     * @param value the time, or null while it is not
     * @return this builder
     */
    public Builder deletedAt(@Nullable Instant value) {
      this.deletedAt = value;
      return this;
    }

    /**
     * Sets who soft-deleted it.
     *
     * @param value the name, or null for none
     * @return this builder
     */
    public Builder deletedBy(@Nullable String value) {
      this.deletedBy = value;
      return this;
    }

    /**
     * Sets whether it is active: false while soft-deleted.
     *
     * @param value the flag
     * @return this builder
     */
    public Builder active(boolean value) {
      this.active = value;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param value the version, 1 or more
     * @return this builder
     */
    public Builder version(long value) {
      this.version = value;
      return this;
    }

    /**
     * Builds the activity, checking also that the audit names are well-formed. The content is taken
     * as it is: it was checked where it entered ({@link ActivityContent.Builder#build()}, {@link
     * NewActivity}), and a store changes stored rows through this builder.
     *
     * @return a new activity
     * @throws ValidationException naming the first field that breaks a rule
     */
    public Activity build() {
      Activity activity =
          new Activity(
              id,
              uid,
              content,
              createdAt,
              createdBy,
              updatedAt != null ? updatedAt : createdAt,
              updatedBy,
              deletedAt,
              deletedBy,
              active,
              version);
      Checks.text("created_by", createdBy);
      Checks.text("updated_by", updatedBy);
      Checks.text("deleted_by", deletedBy);
      return activity;
    }
  }
}
