package org.activitylog.api;

import org.activitylog.api.internal.Checks;
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
 * @param workspaceGroup the workspace group derived from the resource's context, if different
 * @param campaign the Brightidea campaign, if any
 * @param details the Brightidea type-specific fields; {@link BrightideaDetails#NONE} when there are
 *     none
 */
public record ActivityContent(
    ActivityKind type,
    Actor actor,
    @Nullable String text,
    JsonValue resource,
    long workspaceGroupId,
    @Nullable Long workspaceGroup,
    @Nullable Campaign campaign,
    BrightideaDetails details) {

  /**
   * Checks required fields and size limits.
   *
   * @param type what happened
   * @param actor who did it, with the profile as it was then
   * @param text a description, at most {@value Activity#MAX_TEXT} characters; absent for types that
   *     have none
   * @param resource what it happened to, as any JSON value; at most {@value Activity#MAX_RESOURCE}
   *     characters of compact JSON
   * @param workspaceGroupId the tenant: the workspace group that owns the activity and whose
   *     members may read it
   * @param workspaceGroup the workspace group derived from the resource's context, if different
   * @param campaign the Brightidea campaign, if any
   * @param details the Brightidea type-specific fields; {@link BrightideaDetails#NONE} when there
   *     are none
   */
  public ActivityContent {
    ActivityKind.checkCode(Checks.required("activity_type", type).code());
    Checks.required("actor", actor);
    Checks.maxLength("text", text, Activity.MAX_TEXT);
    resource = resource == null ? JsonValue.nullValue() : resource;
    if (JsonCodec.longerThan(resource, Activity.MAX_RESOURCE)) {
      throw new ValidationException(
          "resource", "must be at most " + Activity.MAX_RESOURCE + " characters as JSON");
    }
    Checks.nonNegative("workspace_group_id", workspaceGroupId);
    details = details == null ? BrightideaDetails.NONE : details;
  }

  /**
   * Content with only the required parts.
   *
   * @param type what happened
   * @param actor who did it
   * @param workspaceGroupId the owning workspace group
   * @return the content, with no text, resource, campaign or details
   */
  public static ActivityContent of(ActivityKind type, Actor actor, long workspaceGroupId) {
    return new ActivityContent(
        type,
        actor,
        null,
        JsonValue.nullValue(),
        workspaceGroupId,
        null,
        null,
        BrightideaDetails.NONE);
  }
}
