package org.activitylog.api;

import java.util.Map;
import org.activitylog.api.internal.Checks;
import org.activitylog.api.internal.Extensions;
import org.activitylog.api.internal.JsonCodec;
import org.jspecify.annotations.Nullable;

/**
 * The new values of an update ({@code PUT /api/v1/activity/{id}/}). A field given replaces the
 * stored one; a field left null keeps it, as the seed's example body, which sends only {@code user}
 * and {@code text}, requires. The id, uid and creation fields never change, and neither do the
 * workspace groups: {@code workspace_group_id} is the tenant that owns the activity and {@code
 * workspace_group} is derived from it, so an update cannot move an activity to another tenant.
 *
 * <p>To blank the text, give an empty string; to clear the resource, give {@link
 * JsonValue#nullValue()}; to clear the extension fields, give an empty map: the given map replaces
 * the whole slot.
 *
 * @param type the new type
 * @param actor the new actor profile
 * @param text the new text
 * @param resource the new resource
 * @param campaign the new campaign
 * @param extensions the new extension fields, replacing all of them
 */
public record ActivityUpdate(
    @Nullable ActivityKind type,
    @Nullable Actor actor,
    @Nullable String text,
    @Nullable JsonValue resource,
    @Nullable Campaign campaign,
    @Nullable Map<String, JsonValue> extensions) {

  /** An update that gives no field: storing it changes nothing, not even the version. */
  public static final ActivityUpdate NONE = new ActivityUpdate(null, null, null, null, null, null);

  /**
   * Runs the entry rules on the given fields, however they were built: the actor's own rules, the
   * text's length, the resource's depth and the extension slot's names, depth and size.
   *
   * @param type the new type
   * @param actor the new actor profile
   * @param text the new text
   * @param resource the new resource, nested at most {@value JsonValue#MAX_DEPTH} deep (its length
   *     is checked when it is applied)
   * @param campaign the new campaign
   * @param extensions the new extension fields, replacing all of them
   */
  public ActivityUpdate {
    if (actor != null) {
      Actors.check(actor);
    }
    Checks.maxLength("text", text, Activity.MAX_TEXT);
    if (resource != null) {
      JsonCodec.checkEntry("resource", resource);
    }
    // An update enters from outside, so the slot is checked in full, as a builder checks it.
    extensions = extensions == null ? null : Extensions.check(Extensions.copy(extensions));
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
    return new ActivityUpdate(type, actor, newText, resource, campaign, extensions);
  }

  /**
   * {@return this update also replacing the actor}
   *
   * @param newActor the new actor profile
   */
  public ActivityUpdate withActor(Actor newActor) {
    return new ActivityUpdate(type, newActor, text, resource, campaign, extensions);
  }

  /**
   * {@return this update also replacing the resource}
   *
   * @param newResource the new resource
   */
  public ActivityUpdate withResource(JsonValue newResource) {
    return new ActivityUpdate(type, actor, text, newResource, campaign, extensions);
  }

  /**
   * {@return this update also replacing the type}
   *
   * @param newType the new type
   */
  public ActivityUpdate withType(ActivityKind newType) {
    return new ActivityUpdate(newType, actor, text, resource, campaign, extensions);
  }

  /**
   * {@return this update also replacing the extension fields, all of them}
   *
   * @param newExtensions the new fields; empty to clear them
   */
  public ActivityUpdate withExtensions(Map<String, JsonValue> newExtensions) {
    return new ActivityUpdate(type, actor, text, resource, campaign, newExtensions);
  }
}
