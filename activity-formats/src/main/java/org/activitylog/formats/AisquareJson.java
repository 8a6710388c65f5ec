package org.activitylog.formats;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.NewActivity;
import org.activitylog.formats.internal.AisquareMapping;
import org.activitylog.formats.internal.Fields;
import org.activitylog.formats.internal.JsonWire;
import org.activitylog.formats.internal.WireLimits;

/**
 * AISquare Studio's {@code UserActivity} JSON ({@code /api/v1/activity/{id}/}), read and written.
 *
 * <p>Written: the schema's members, in the schema's order: {@code id}, {@code activity_type} (the
 * code, {@code "100"}), {@code user}, {@code workspace_group_id}, {@code uid}, {@code created_at},
 * {@code updated_at}, {@code deleted_at} (ISO-8601, UTC), {@code is_active}, {@code created_by},
 * {@code updated_by}, {@code deleted_by}, {@code text}, {@code resource} (any JSON, exact) and
 * {@code workspace_group}, each absent value as the schema allows: {@code null} where it is
 * nullable, left out where it is optional, {@code ""} for the required strings {@code text} and
 * {@code user.profile_picture}; {@code resource} is left out when absent. Every activity {@link
 * #expresses} accepts validates against the schema. Outside it, an activity whose actor is a
 * Brightidea {@link org.activitylog.api.Member} carries {@code member} (Brightidea's member object,
 * times in ISO-8601) instead of {@code user}. Brightidea's campaign and type-specific fields are
 * not part of this schema and are not written.
 *
 * <p>Read: {@code activity_type} must be one of AISquare's codes; {@code "profile_picture": ""}
 * reads as no picture, and {@code "text": ""} sent for an activity without text changes nothing
 * (both are how absent values are written). Unknown members are ignored; a wrong type, a bad value
 * or a malformed body is a {@link org.activitylog.api.ValidationException} naming the member by its
 * wire path ({@code user.email}) and the rule, quoting at most a short prefix of the value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AisquareJson {
  /** The media type of what this writes. */
  public static final String MEDIA_TYPE = "application/json; charset=UTF-8";

  /** The longest body read, in characters. */
  public static final int MAX_BODY_CHARS = WireLimits.MAX_BODY_CHARS;

  private static final AisquareJson INSTANCE = new AisquareJson();

  private final AisquareMapping mapping = new AisquareMapping();

  private AisquareJson() {}

  /** {@return the AISquare format} It has no settings: its times are always ISO-8601 in UTC. */
  public static AisquareJson create() {
    return INSTANCE;
  }

  /**
   * {@return whether the seed's {@code UserActivity} schema can express an activity of this
   * content} It can when the type is one of AISquare's codes (the schema's {@code activity_type}
   * enum has no other) and the actor an AISquare {@link org.activitylog.api.UserSimple} (the schema
   * requires {@code user}). An endpoint that promises the schema serves only these.
   *
   * @param content the activity's content ({@link Activity#content()}, {@link
   *     NewActivity#content()})
   */
  public boolean expresses(ActivityContent content) {
    return AisquareMapping.expresses(content);
  }

  /**
   * The activity as a {@code UserActivity} object.
   *
   * @param activity the activity
   * @return compact JSON
   */
  public String write(Activity activity) {
    return JsonWire.write(mapping.write(activity));
  }

  /**
   * Reads a whole {@code UserActivity}, as a client of the API receives it. Requires {@code id},
   * {@code uid}, {@code created_at}, {@code updated_at}, {@code activity_type}, {@code
   * workspace_group_id} and the actor. The wire carries no version, so the result has version 1.
   *
   * @param body the JSON body
   * @return the activity
   * @throws org.activitylog.api.ValidationException naming the first member that breaks a rule
   */
  public Activity readActivity(String body) {
    return mapping.readActivity(top(body));
  }

  /**
   * Reads the body of a request that records an activity. Requires {@code activity_type}, {@code
   * workspace_group_id} and the actor ({@code user} with {@code id}, {@code username} and {@code
   * email}, or {@code member} with {@code id}); {@code uid} and {@code created_at} are optional,
   * the facade fills them. Read-only members ({@code id}, {@code updated_*}, {@code deleted_*},
   * {@code is_active}) are ignored.
   *
   * @param body the JSON body
   * @return the activity to record
   * @throws org.activitylog.api.ValidationException naming the first member that breaks a rule
   */
  public NewActivity readNew(String body) {
    return mapping.readNew(top(body), null);
  }

  /**
   * Reads the body of a request that records an activity, with a workspace group for a body that
   * names none (for example the requester's only one).
   *
   * @param body the JSON body
   * @param defaultWorkspaceGroupId the workspace group when {@code workspace_group_id} is absent
   * @return the activity to record
   * @throws org.activitylog.api.ValidationException naming the first member that breaks a rule
   */
  public NewActivity readNew(String body, long defaultWorkspaceGroupId) {
    return mapping.readNew(top(body), defaultWorkspaceGroupId);
  }

  /**
   * Reads the body of a {@code PUT} as an update of the given activity. Members sent replace,
   * members left out keep; read-only members ({@code id}, {@code uid}, {@code created_*}, {@code
   * updated_*}, {@code deleted_*}, {@code is_active}) and unknown members are ignored. A partial
   * {@code user} is merged over the current user and keeps its id, so the seed's body {@code
   * {"user": {"username": ..., "email": ...}, "text": ...}} changes exactly those three values.
   *
   * <p>{@code null} clears {@code resource} and the actor's nullable fields. It cannot clear {@code
   * text} (send {@code ""}) or {@code workspace_group}: for them {@code null} is accepted only when
   * the activity has none already, so a body copied from a GET answer is always accepted. Sending
   * {@code user} for an activity of a Brightidea member (or {@code member} for a user's) is an
   * error: an update edits the actor's profile, it does not replace the actor.
   *
   * <p>The merged actor is computed from {@code current}: pass {@code current.version()} as the
   * expected version of {@code ActivityLog.update}, so that a concurrent change is a conflict
   * rather than silently overwritten.
   *
   * @param body the JSON body
   * @param current the activity as stored now
   * @return the update to apply
   * @throws org.activitylog.api.ValidationException naming the first member that breaks a rule
   */
  public ActivityUpdate readUpdate(String body, Activity current) {
    return mapping.readUpdate(top(body), current);
  }

  private static Fields top(String body) {
    return new Fields(JsonWire.parseObject(body), "", Fields.Scalars.JSON_TYPES);
  }
}
