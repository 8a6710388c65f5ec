package org.activitylog.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * An activity to record. The {@code ActivityLog} facade fills a missing uid and creation time; a
 * repository requires both.
 *
 * @param uid the idempotency key: recording the same uid twice stores one activity
 * @param content what the activity says
 * @param createdAt when it happened
 * @param createdBy who recorded it, for the audit trail
 */
public record NewActivity(
    @Nullable UUID uid,
    ActivityContent content,
    @Nullable Instant createdAt,
    @Nullable String createdBy) {

  /**
   * Runs every entry rule on the content (the actor's, the text's, the resource's and the extension
   * slot's), however the content was built, and normalises the time to microseconds. An activity to
   * store is where every way in meets the rules; a store never builds one on read.
   *
   * @param uid the idempotency key: recording the same uid twice stores one activity
   * @param content what the activity says
   * @param createdAt when it happened
   * @param createdBy who recorded it, for the audit trail
   */
  public NewActivity {
    Checks.required("content", content).checked();
    createdAt = Checks.time("created_at", createdAt);
    Checks.maxLength("created_by", createdBy, Activity.MAX_AUDIT_NAME);
  }

  /**
   * Starts building an activity.
   *
   * @param type what happened
   * @param actor who did it
   * @return a new builder
   */
  public static Builder builder(ActivityKind type, Actor actor) {
    return new Builder(type, actor);
  }

  /**
   * {@return the same activity with the given uid}
   *
   * @param newUid the uid
   */
  public NewActivity withUid(UUID newUid) {
    return new NewActivity(newUid, content, createdAt, createdBy);
  }

  /**
   * {@return the same activity with the given creation time}
   *
   * @param time the creation time
   */
  public NewActivity withCreatedAt(Instant time) {
    return new NewActivity(uid, content, time, createdBy);
  }

  /**
   * Collects the fields of a {@link NewActivity}; every setter is optional. The content's setters
   * hand on to an {@link ActivityContent.Builder}, which checks the content when built.
   */
  public static final class Builder {
    private final ActivityContent.Builder content;
    private @Nullable UUID uid;
    private @Nullable Instant createdAt;
    private @Nullable String createdBy;

    private Builder(ActivityKind type, Actor actor) {
      this.content =
          ActivityContent.builder(
              Checks.required("activity_type", type), Checks.required("actor", actor), 0);
    }

    /**
     * Sets the description.
     *
     * @param value the text
     * @return this builder
     */
    public Builder text(@Nullable String value) {
      content.text(value);
      return this;
    }

    /**
     * Sets what the activity happened to.
     *
     * @param value any value {@link JsonValue#of(Object)} accepts
     * @return this builder
     */
    public Builder resource(@Nullable Object value) {
      content.resource(JsonValue.of(value));
      return this;
    }

    /**
     * Sets the owning workspace group (the tenant). Defaults to 0.
     *
     * @param value the workspace group id
     * @return this builder
     */
    public Builder workspaceGroupId(long value) {
      content.workspaceGroupId(value);
      return this;
    }

    /**
     * Sets the derived workspace group (AISquare's {@code workspace_group}): the one derived from
     * the user's personal workspace or the resource's context, never the owner.
     *
     * @param value the derived workspace group id, or null
     * @return this builder
     */
    public Builder derivedWorkspaceGroupId(@Nullable Long value) {
      content.derivedWorkspaceGroupId(value);
      return this;
    }

    /**
     * Sets the campaign.
     *
     * @param value the campaign, or null
     * @return this builder
     */
    public Builder campaign(@Nullable Campaign value) {
      content.campaign(value);
      return this;
    }

    /**
     * Sets the type-specific fields a wire format adds.
     *
     * @param value the fields by name, in order
     * @return this builder
     */
    public Builder extensions(Map<String, JsonValue> value) {
      content.extensions(value);
      return this;
    }

    /**
     * Sets the idempotency key; generated when not set.
     *
     * @param value the uid
     * @return this builder
     */
    public Builder uid(@Nullable UUID value) {
      this.uid = value;
      return this;
    }

    /**
     * Sets when it happened; the clock's now when not set.
     *
     * @param value the creation time
     * @return this builder
     */
    public Builder createdAt(@Nullable Instant value) {
      this.createdAt = value;
      return this;
    }

    /**
     * Sets who recorded it.
     *
     * @param value the recorder's name
     * @return this builder
     */
    public Builder createdBy(@Nullable String value) {
      this.createdBy = value;
      return this;
    }

    /**
     * Builds the activity.
     *
     * @return a new activity
     * @throws ValidationException naming the first field that breaks a rule
     */
    public NewActivity build() {
      // The constructor runs the content's entry rules, so the content builder need not.
      return new NewActivity(uid, content.unchecked(), createdAt, createdBy);
    }
  }
}
