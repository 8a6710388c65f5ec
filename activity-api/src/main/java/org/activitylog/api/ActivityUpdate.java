package org.activitylog.api;

import org.activitylog.api.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * The new values of an update ({@code PUT /api/v1/activity/{id}/}). A field given replaces the
 * stored one; a field left null keeps it, as the seed's example body, which sends only {@code user}
 * and {@code text}, requires. The id, uid and creation fields never change.
 *
 * <p>To blank the text, give an empty string; to clear the resource, give {@link
 * JsonValue#nullValue()}; to clear the type-specific fields, give {@link BrightideaDetails#NONE}.
 *
 * @param type the new type
 * @param actor the new actor profile
 * @param text the new text
 * @param resource the new resource
 * @param workspaceGroupId the new owning workspace group
 * @param workspaceGroup the new derived workspace group
 * @param campaign the new campaign
 * @param details the new type-specific fields
 */
public record ActivityUpdate(
    @Nullable ActivityType type,
    @Nullable Actor actor,
    @Nullable String text,
    @Nullable JsonValue resource,
    @Nullable Long workspaceGroupId,
    @Nullable Long workspaceGroup,
    @Nullable Campaign campaign,
    @Nullable BrightideaDetails details) {

  /** An update that changes nothing but the audit fields and version. */
  public static final ActivityUpdate NONE =
      new ActivityUpdate(null, null, null, null, null, null, null, null);

  /**
   * Checks the limits of the given fields.
   *
   * @param type the new type
   * @param actor the new actor profile
   * @param text the new text
   * @param resource the new resource
   * @param workspaceGroupId the new owning workspace group
   * @param workspaceGroup the new derived workspace group
   * @param campaign the new campaign
   * @param details the new type-specific fields
   */
  public ActivityUpdate {
    Checks.maxLength("text", text, Activity.MAX_TEXT);
  }

  /**
   * {@return an update of the text alone}
   *
   * @param text the new text
   */
  public static ActivityUpdate text(String text) {
    return NONE.withText(text);
  }

  /**
   * {@return this update also replacing the text}
   *
   * @param newText the new text
   */
  public ActivityUpdate withText(String newText) {
    return new ActivityUpdate(
        type, actor, newText, resource, workspaceGroupId, workspaceGroup, campaign, details);
  }

  /**
   * {@return this update also replacing the actor}
   *
   * @param newActor the new actor profile
   */
  public ActivityUpdate withActor(Actor newActor) {
    return new ActivityUpdate(
        type, newActor, text, resource, workspaceGroupId, workspaceGroup, campaign, details);
  }

  /**
   * {@return this update also replacing the resource}
   *
   * @param newResource the new resource
   */
  public ActivityUpdate withResource(JsonValue newResource) {
    return new ActivityUpdate(
        type, actor, text, newResource, workspaceGroupId, workspaceGroup, campaign, details);
  }

  /**
   * {@return this update also replacing the type}
   *
   * @param newType the new type
   */
  public ActivityUpdate withType(ActivityType newType) {
    return new ActivityUpdate(
        newType, actor, text, resource, workspaceGroupId, workspaceGroup, campaign, details);
  }

  /**
   * {@return this update also moving the activity to another workspace group}
   *
   * @param newWorkspaceGroupId the new owning workspace group
   */
  public ActivityUpdate withWorkspaceGroupId(long newWorkspaceGroupId) {
    return new ActivityUpdate(
        type, actor, text, resource, newWorkspaceGroupId, workspaceGroup, campaign, details);
  }

  /**
   * The content after this update.
   *
   * @param current the stored content
   * @return the content with every given field replaced
   */
  public ActivityContent applyTo(ActivityContent current) {
    return new ActivityContent(
        type != null ? type : current.type(),
        actor != null ? actor : current.actor(),
        text != null ? text : current.text(),
        resource != null ? resource : current.resource(),
        workspaceGroupId != null ? workspaceGroupId : current.workspaceGroupId(),
        workspaceGroup != null ? workspaceGroup : current.workspaceGroup(),
        campaign != null ? campaign : current.campaign(),
        details != null ? details : current.details());
  }
}
