package org.activitylog.formats.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.Actor;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.jackson.Absent;
import org.activitylog.jackson.ModelCodec;
import org.activitylog.jackson.NodeWriter;
import org.activitylog.jackson.TimeFormat;
import org.jspecify.annotations.Nullable;

/**
 * AISquare's {@code UserActivity}: every schema member is written, absent values as {@code null},
 * times in ISO-8601 UTC. The actor is {@code user}, or {@code member} for a Brightidea member.
 * Brightidea's campaign and type-specific fields are not part of this schema and are neither
 * written nor read.
 */
public final class AisquareMapping {
  private static final String ACTIVITY_TYPE = "activity_type";
  private static final String TEXT = "text";
  private static final String RESOURCE = "resource";
  private static final String WORKSPACE_GROUP_ID = "workspace_group_id";
  private static final String WORKSPACE_GROUP = "workspace_group";
  private static final String PROFILE_PICTURE = "profile_picture";

  /**
   * The schema's shape: absent values are {@code null}, except the members of {@code UserSimple}
   * that are optional but not nullable, which are left out; member ids in upper case, as Brightidea
   * writes them.
   */
  private static final ModelCodec CODEC =
      ModelCodec.builder()
          .absent(Absent.WRITE_NULL)
          .absent("user.full_name", Absent.OMIT)
          .absent("user.is_superuser", Absent.OMIT)
          .absent("user.is_staff", Absent.OMIT)
          .absent("user.is_active", Absent.OMIT)
          .absent("user.is_verified", Absent.OMIT)
          .upperCaseIds(true)
          .build();

  private final ActorReader actors = new ActorReader(TimeFormat.iso());

  /**
   * {@return whether the seed's {@code UserActivity} schema can express the content: an AISquare
   * type (its {@code activity_type} enum has no other: a Brightidea or host-defined type is
   * inexpressible) and an AISquare user (the schema requires {@code user})}
   *
   * @param content the activity's content
   */
  public static boolean expresses(ActivityContent content) {
    return content.type() instanceof ActivityType t
        && t.catalogue() == ActivityType.Catalogue.AISQUARE
        && content.actor() instanceof UserSimple;
  }

  /**
   * {@return the {@code UserActivity} object of an activity} Members follow the schema: required
   * and nullable ones are always written ({@code null} when absent), optional ones that cannot be
   * {@code null} are left out when absent, and the required strings the model may lack are {@code
   * ""}: {@code text} and {@code user.profile_picture}. {@code resource} is left out when absent:
   * the schema's {@code oneOf} of "any" and {@code null} matches {@code null} twice, so {@code
   * null} is the one value it refuses. An activity {@link #expresses} refuses is written with
   * {@code member} for a Brightidea member.
   *
   * @param activity the activity
   */
  public ObjectNode write(Activity activity) {
    NodeWriter out = CODEC.object();
    out.integer("id", activity.id())
        .text(ACTIVITY_TYPE, activity.type().code())
        .node(ActorReader.name(activity.actor()), actor(activity.actor()))
        .integer(WORKSPACE_GROUP_ID, activity.workspaceGroupId())
        .text("uid", activity.uid().toString())
        .time("created_at", activity.createdAt())
        .time("updated_at", activity.updatedAt())
        .time("deleted_at", activity.deletedAt())
        .bool("is_active", activity.active())
        .text("created_by", activity.createdBy())
        .text("updated_by", activity.updatedBy())
        .text("deleted_by", activity.deletedBy())
        .text(TEXT, activity.text() == null ? "" : activity.text());
    if (!activity.resource().isNull()) {
      out.node(RESOURCE, ModelCodec.toNode(activity.resource()));
    }
    return out.integer(WORKSPACE_GROUP, activity.content().derivedWorkspaceGroupId()).node();
  }

  /** The actor; a user without a picture has {@link ActorReader#NO_PICTURE}, which is a URI. */
  private static ObjectNode actor(Actor actor) {
    ObjectNode node = CODEC.actor(actor);
    if (actor instanceof UserSimple user && user.profilePicture() == null) {
      // Over the null written for it: the member keeps its place in the schema's order.
      node.put(PROFILE_PICTURE, ActorReader.NO_PICTURE);
    }
    return node;
  }

  /**
   * Reads a whole stored activity, as a client of the API would. The wire has no version, so the
   * result has version 1; {@code is_active} defaults to whether {@code deleted_at} is absent.
   *
   * @param in the activity's members
   * @return the activity
   */
  public Activity readActivity(Fields in) {
    Instant deletedAt = in.time("deleted_at", TimeFormat.iso());
    Boolean active = in.bool("is_active");
    return Activity.builder(
            in.requiredInteger("id"),
            in.requiredUuid("uid"),
            content(in, null),
            required(in, "created_at"))
        .createdBy(in.string("created_by"))
        .updatedAt(required(in, "updated_at"))
        .updatedBy(in.string("updated_by"))
        .deletedAt(deletedAt)
        .deletedBy(in.string("deleted_by"))
        .active(active != null ? active : deletedAt == null)
        .build();
  }

  /**
   * Reads the body of a request that records an activity. Read-only members ({@code id}, {@code
   * updated_*}, {@code deleted_*}, {@code is_active}) are ignored; {@code uid} and {@code
   * created_at} are optional.
   *
   * @param in the body's members
   * @param defaultWorkspaceGroupId the workspace group when the body names none, or null to require
   *     one
   * @return the activity to record
   */
  public NewActivity readNew(Fields in, @Nullable Long defaultWorkspaceGroupId) {
    return new NewActivity(
        in.uuid("uid"),
        content(in, defaultWorkspaceGroupId),
        in.time("created_at", TimeFormat.iso()),
        in.string("created_by"));
  }

  /**
   * Reads the body of a {@code PUT}: members sent replace, members left out keep, read-only members
   * are ignored. {@code workspace_group_id} and {@code workspace_group} are read-only here as
   * {@code id}, {@code uid} and {@code created_at} are: they say which tenant owns the activity,
   * which an update never changes. A partial {@code user} (or {@code member}) is merged over the
   * current one and keeps its id.
   *
   * <p>{@code null} clears {@code resource} and the actor's nullable fields. {@link ActivityUpdate}
   * cannot clear {@code text}, so {@code null} for it is accepted only when it is already absent (a
   * body copied from a GET answer); otherwise it is an error.
   *
   * @param in the body's members
   * @param current the activity stored now
   * @return the update to apply
   */
  public ActivityUpdate readUpdate(Fields in, Activity current) {
    ActivityType type = null;
    if (in.present(ACTIVITY_TYPE)) {
      type = type(in);
    }
    return new ActivityUpdate(
        type,
        updatedActor(in, current.actor()),
        updatedText(in, current.text()),
        in.present(RESOURCE) ? ModelCodec.toValue(in.raw(RESOURCE)) : null,
        null,
        null);
  }

  private ActivityContent content(Fields in, @Nullable Long defaultWorkspaceGroupId) {
    // Checked in the schema's order, so the first error reported is the first field at fault.
    ActivityType type = type(in);
    Actor actor = actors.read(in);
    Long workspace = in.integer(WORKSPACE_GROUP_ID);
    if (workspace == null) {
      if (defaultWorkspaceGroupId == null) {
        throw in.missing(WORKSPACE_GROUP_ID);
      }
      workspace = defaultWorkspaceGroupId;
    }
    // Through the builder, which runs the entry rules (text length, resource depth and size).
    return ActivityContent.builder(type, actor, workspace)
        .text(noText(in.string(TEXT)))
        .resource(ModelCodec.toValue(in.raw(RESOURCE)))
        .derivedWorkspaceGroupId(in.integer(WORKSPACE_GROUP))
        .build();
  }

  /** The type by its code; DRF's choice field also takes the code as a number, and so does this. */
  private static ActivityType type(Fields in) {
    JsonNode raw = in.raw(ACTIVITY_TYPE);
    if (raw == null) {
      throw new ValidationException(in.field(ACTIVITY_TYPE), "is required");
    }
    String code;
    if (raw.isTextual()) {
      code = raw.textValue();
    } else if (raw.isIntegralNumber() && raw.canConvertToLong()) {
      code = Long.toString(raw.longValue());
    } else {
      throw new ValidationException(in.field(ACTIVITY_TYPE), "must be an activity code string");
    }
    ActivityType type =
        ActivityType.findByCode(code)
            .orElseThrow(
                () ->
                    new ValidationException(
                        in.field(ACTIVITY_TYPE), "must be a known activity code", code));
    if (type.catalogue() != ActivityType.Catalogue.AISQUARE) {
      // Brightidea's types are outside the schema's ActivityTypeEnum.
      throw new ValidationException(
          in.field(ACTIVITY_TYPE), "must be a known activity code of AISquare's enum", code);
    }
    return type;
  }

  /** An activity without text is written with {@code ""}, so {@code ""} reads as no text. */
  private static @Nullable String noText(@Nullable String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static Instant required(Fields in, String name) {
    Instant time = in.time(name, TimeFormat.iso());
    if (time == null) {
      throw in.missing(name);
    }
    return time;
  }

  private @Nullable Actor updatedActor(Fields in, Actor current) {
    Fields user = in.object(ActorReader.USER);
    Fields member = in.object(ActorReader.MEMBER);
    for (String name : new String[] {ActorReader.USER, ActorReader.MEMBER}) {
      if (in.present(name) && !in.has(name)) {
        throw new ValidationException(in.field(name), "must not be null");
      }
    }
    if (user != null) {
      if (member != null || !(current instanceof UserSimple currentUser)) {
        throw new ValidationException(
            in.field(ActorReader.USER),
            "cannot replace the activity's Brightidea member; send member");
      }
      return actors.mergeUser(user, currentUser);
    }
    if (member != null) {
      if (!(current instanceof Member currentMember)) {
        throw new ValidationException(
            in.field(ActorReader.MEMBER), "cannot replace the activity's user; send user");
      }
      return actors.mergeMember(member, currentMember);
    }
    return null;
  }

  private static @Nullable String updatedText(Fields in, @Nullable String current) {
    if (in.has(TEXT)) {
      String text = in.string(TEXT);
      // An activity without text is written with "", so "" sent back changes nothing.
      return current == null && "".equals(text) ? null : text;
    }
    if (in.present(TEXT) && current != null) {
      throw new ValidationException(
          in.field(TEXT), "must not be null; send \"\" to blank the text");
    }
    return null;
  }
}
