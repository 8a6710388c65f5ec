package org.activitylog.api;

import java.util.Map;
import org.activitylog.api.internal.Checks;
import org.activitylog.api.internal.Extensions;
import org.activitylog.api.internal.JsonCodec;
import org.jspecify.annotations.Nullable;

/**
 * What an activity says, as opposed to its identity and audit trail: the part an update replaces.
 *
 * @param type what happened
 * @param actor who did it, with the profile as it was then
 * @param text a description, at most {@value Activity#MAX_TEXT} characters; absent for types that
 *     have none
 * @param resource what it happened to, as any JSON value; at most {@value Activity#MAX_RESOURCE}
 *     characters of compact JSON
 * @param workspaceGroupId the tenant: the workspace group that owns the activity and whose members
 *     may read it
 * @param derivedWorkspaceGroupId AISquare's {@code workspace_group}: the group derived from the
 *     user's personal workspace or the resource's context, if any; never the owner, so it neither
 *     grants access nor filters a query, but the facade checks the requester may read it
 * @param campaign the campaign, if any: a grouping of activities a query can filter by, such as
 *     Brightidea's campaigns
 * @param extensions the type-specific fields a wire format or host adds, by name, unmodifiable, in
 *     the order given: empty when there are none; stored exactly, each value as given (JSON {@code
 *     null}, {@code []}, {@code {}} and {@code ""} stay members, distinct from an absent one). A
 *     store may read the members back in another order (PostgreSQL's {@code jsonb} sorts them),
 *     which equality ignores, as for a JSON object
 */
public record ActivityContent(
    ActivityKind type,
    Actor actor,
    @Nullable String text,
    JsonValue resource,
    long workspaceGroupId,
    @Nullable Long derivedWorkspaceGroupId,
    @Nullable Campaign campaign,
    Map<String, JsonValue> extensions) {

  /**
   * Checks only the shape: type, actor and tenant present and in range, the extension slot copied
   * with its names checked. This is the trusted way a backend rebuilds stored content, checked when
   * it entered; the entry rules (the actor's own, the text's length, the resource's depth and size,
   * the slot's size) run in {@link #of}, {@link Builder#build()}, {@link NewActivity}, {@link
   * ActivityUpdate} and the wire readers.
   *
   * @param type what happened
   * @param actor who did it, with the profile as it was then
   * @param text a description, at most {@value Activity#MAX_TEXT} characters; absent for types that
   *     have none
   * @param resource what it happened to, as any JSON value; at most {@value Activity#MAX_RESOURCE}
   *     characters of compact JSON, nested at most {@value JsonValue#MAX_DEPTH} deep
   * @param workspaceGroupId the tenant: the workspace group that owns the activity and whose
   *     members may read it
   * @param derivedWorkspaceGroupId AISquare's {@code workspace_group}: the group derived from the
   *     user's personal workspace or the resource's context, if any; never the owner, so it neither
   *     grants access nor filters a query, but the facade checks the requester may read it
   * @param campaign the campaign, if any: a grouping of activities a query can filter by, such as
   *     Brightidea's campaigns
   * @param extensions the type-specific fields a wire format or host adds, by name, unmodifiable,
   *     in the order given: empty when there are none; stored exactly, each value as given (JSON
   *     {@code null}, {@code []}, {@code {}} and {@code ""} stay members, distinct from an absent
   *     one). A store may read the members back in another order (PostgreSQL's {@code jsonb} sorts
   *     them), which equality ignores, as for a JSON object
   * @throws ValidationException naming the first field that is missing or out of range
   */
  public ActivityContent {
    ActivityKind.checkCode(Checks.required("activity_type", type).code());
    Checks.required("actor", actor);
    resource = resource == null ? JsonValue.nullValue() : resource;
    Checks.nonNegative("workspace_group_id", workspaceGroupId);
    extensions = Extensions.copy(extensions);
  }

  /**
   * Runs the entry rules of the parts a constructor leaves alone: the actor's own, the text's
   * length, the resource's depth and size. The extension slot is checked by its callers, which know
   * whether it entered here.
   */
  static void check(
      @Nullable ActivityKind type,
      @Nullable Actor actor,
      @Nullable String text,
      @Nullable JsonValue resource) {
    ActivityKind.checkCode(Checks.required("activity_type", type).code());
    Actors.check(Checks.required("actor", actor));
    Checks.maxLength("text", text, Activity.MAX_TEXT);
    if (resource != null) {
      // Depth first: a value built from the records directly was never checked, and the length
      // count below recurses as deep as the value goes.
      JsonCodec.checkEntry("resource", resource);
      if (JsonCodec.longerThan(resource, Activity.MAX_RESOURCE)) {
        throw new ValidationException(
            "resource", "must be at most " + Activity.MAX_RESOURCE + " characters as JSON");
      }
    }
  }

  /** {@return this content when it meets every entry rule, its extension slot included} */
  ActivityContent checked() {
    check(type, actor, text, resource);
    Extensions.check(extensions);
    return this;
  }

  /**
   * Content with only the required parts.
   *
   * @param type what happened
   * @param actor who did it
   * @param workspaceGroupId the owning workspace group
   * @return the content, with no text, resource, campaign or extensions
   */
  public static ActivityContent of(ActivityKind type, Actor actor, long workspaceGroupId) {
    return builder(type, actor, workspaceGroupId).build();
  }

  /**
   * Starts building content; the optional parts start absent.
   *
   * @param type what happened
   * @param actor who did it
   * @param workspaceGroupId the owning workspace group
   * @return a new builder
   */
  public static Builder builder(ActivityKind type, Actor actor, long workspaceGroupId) {
    return new Builder(type, actor, workspaceGroupId);
  }

  /** {@return a builder holding this content, to change some of it} */
  public Builder toBuilder() {
    return builder(type, actor, workspaceGroupId)
        .text(text)
        .resource(resource)
        .derivedWorkspaceGroupId(derivedWorkspaceGroupId)
        .campaign(campaign)
        .storedExtensions(extensions);
  }

  /** Collects the parts of an {@link ActivityContent}; every setter is optional. */
  public static final class Builder {
    private ActivityKind type;
    private Actor actor;
    private @Nullable String text;
    private JsonValue resource = JsonValue.nullValue();
    private long workspaceGroupId;
    private @Nullable Long derivedWorkspaceGroupId;
    private @Nullable Campaign campaign;
    private Map<String, JsonValue> extensions = Map.of();
    private boolean extensionsGiven;

    private Builder(ActivityKind type, Actor actor, long workspaceGroupId) {
      this.type = type;
      this.actor = actor;
      this.workspaceGroupId = workspaceGroupId;
    }

    /**
     * Sets what happened.
     *
     * @param value the type
     * @return this builder
     */
    public Builder type(ActivityKind value) {
      this.type = value;
      return this;
    }

    /**
     * Sets who did it, with the profile as it was then.
     *
     * @param value the actor
     * @return this builder
     */
    public Builder actor(Actor value) {
      this.actor = value;
      return this;
    }

    /**
     * Sets the description.
     *
     * @param value the text, or null for none
     * @return this builder
     */
    public Builder text(@Nullable String value) {
      this.text = value;
      return this;
    }

    /**
     * Sets what it happened to; JSON {@code null} when not set.
     *
     * @param value the resource
     * @return this builder
     */
    public Builder resource(JsonValue value) {
      this.resource = value;
      return this;
    }

    /**
     * Sets the owning workspace group (the tenant).
     *
     * @param value the workspace group id
     * @return this builder
     */
    public Builder workspaceGroupId(long value) {
      this.workspaceGroupId = value;
      return this;
    }

    /**
     * Sets the derived workspace group (AISquare's {@code workspace_group}), never the owner.
     *
     * @param value the derived workspace group id, or null
     * @return this builder
     */
    public Builder derivedWorkspaceGroupId(@Nullable Long value) {
      this.derivedWorkspaceGroupId = value;
      return this;
    }

    /**
     * Sets the campaign.
     *
     * @param value the campaign, or null
     * @return this builder
     */
    public Builder campaign(@Nullable Campaign value) {
      this.campaign = value;
      return this;
    }

    /**
     * Sets the type-specific fields; empty when not set.
     *
     * @param value the fields by name, in order
     * @return this builder
     */
    public Builder extensions(Map<String, JsonValue> value) {
      this.extensions = Checks.required("extensions", value);
      this.extensionsGiven = true;
      return this;
    }

    /** Builds without the entry rules, for a caller that runs them itself ({@link NewActivity}). */
    ActivityContent unchecked() {
      return new ActivityContent(
          type,
          actor,
          text,
          resource,
          workspaceGroupId,
          derivedWorkspaceGroupId,
          campaign,
          extensions);
    }

    /** Keeps fields that were checked when they entered, so a stored row is never refused. */
    private Builder storedExtensions(Map<String, JsonValue> value) {
      this.extensions = value;
      return this;
    }

    /**
     * Builds the content, checking the size and depth of extension fields given to this builder
     * (those kept by {@link ActivityContent#toBuilder()} were checked when they entered).
     *
     * @return new content
     * @throws ValidationException naming the first part that breaks a rule
     */
    public ActivityContent build() {
      check(type, actor, text, resource);
      ActivityContent content =
          new ActivityContent(
              type,
              actor,
              text,
              resource,
              workspaceGroupId,
              derivedWorkspaceGroupId,
              campaign,
              extensions);
      if (extensionsGiven) {
        Extensions.check(content.extensions());
      }
      return content;
    }
  }
}
