package org.activitylog.formats.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Campaign;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.ValidationException;
import org.activitylog.formats.Attachment;
import org.activitylog.formats.BrightideaDetails;
import org.activitylog.formats.Comment;
import org.activitylog.formats.HiFive;
import org.activitylog.jackson.Absent;
import org.activitylog.jackson.ModelCodec;
import org.activitylog.jackson.NodeWriter;
import org.activitylog.jackson.TimeFormat;
import org.jspecify.annotations.Nullable;

/**
 * Brightidea api3's {@code activity}: absent values are left out, as the seed's examples do; ids
 * are upper-case UUIDs; times are {@code yyyy-MM-dd HH:mm:ss.SSS} in the configured zone. The actor
 * is {@code member}, or {@code user} for an AISquare user. AISquare's resource, workspace groups
 * and audit fields are not part of this format.
 *
 * <p>The trees built here are the JSON layout; the XML layout is derived from them.
 */
public final class BrightideaMapping {
  /** The wire name of one activity, and of the root of a single-activity answer. */
  public static final String ACTIVITY = "activity";

  /** The wire name of a page's items. */
  public static final String ACTIVITY_LIST = "activity_list";

  /** The wire name of a page's numbers. */
  public static final String STATS = "stats";

  /** The wire name of an update's hi-fives. */
  public static final String HIFIVE = "hifive";

  /** The wire name of an update's comments. */
  public static final String COMMENTS = "comments";

  /** The XML element name of one comment. */
  public static final String COMMENT = "comment";

  private final TimeFormat time;
  private final ModelCodec codec;
  private final ActorReader actors;

  /**
   * A mapping whose times are in the given format.
   *
   * @param time how times are written
   */
  public BrightideaMapping(TimeFormat time) {
    this.time = time;
    // The seed's examples leave absent members out, but write these three as null even when
    // they have no value.
    this.codec =
        ModelCodec.builder()
            .absent(Absent.OMIT)
            .absent("member.external_user_id", Absent.WRITE_NULL)
            .absent("member.photo_url", Absent.WRITE_NULL)
            .absent("member.date_modified", Absent.WRITE_NULL)
            .times(time)
            .upperCaseIds(true)
            .build();
    this.actors = new ActorReader(time);
  }

  /**
   * {@return {@code {"activity": {...}}}}
   *
   * @param activity the activity
   */
  public ObjectNode single(Activity activity) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set(ACTIVITY, activity(activity));
    return root;
  }

  /**
   * {@return {@code {"activity_list": [...], "stats": {...}}}, with {@code total} as a string, as
   * the seed shows it}
   *
   * @param page the page
   */
  public ObjectNode page(Page<Activity> page) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode list = root.putArray(ACTIVITY_LIST);
    page.items().forEach(a -> list.add(activity(a)));
    root.putObject(STATS)
        .put("total", Long.toString(page.total()))
        .put("page_count", page.pageCount())
        .put("current_page", page.currentPage());
    return root;
  }

  /**
   * {@return one activity's object}
   *
   * @param activity the activity
   */
  public ObjectNode activity(Activity activity) {
    ActivityContent content = activity.content();
    BrightideaDetails details = BrightideaDetails.of(content.extensions());
    Campaign campaign = content.campaign();
    NodeWriter out =
        codec
            .object()
            .text("type", activity.type().code())
            .uuid("id", activity.uid())
            .time("date_created", activity.createdAt())
            .text("idea_id", details.ideaId())
            .uuid("campaign_id", campaign == null ? null : campaign.id())
            .text("campaign_name", campaign == null ? null : campaign.name())
            .text("idea_title", details.ideaTitle())
            .text("category_name", details.categoryName())
            .bool("anonymous", details.anonymous())
            .bool("team_submission", details.teamSubmission())
            .text("update_id", details.updateId())
            .text("text", content.text());
    if (!details.hifives().isEmpty()) {
      ArrayNode hifives = out.node().putArray(HIFIVE);
      details.hifives().forEach(h -> hifives.add(BrightideaFields.hiFive(codec, h)));
    }
    if (!details.comments().isEmpty()) {
      ArrayNode comments = out.node().putArray(COMMENTS);
      details.comments().forEach(c -> comments.add(BrightideaFields.comment(codec, c)));
    }
    Attachment attachment = details.attachment();
    return out.node(
            "attachment",
            attachment == null ? null : BrightideaFields.attachment(codec, attachment))
        .node(ActorReader.name(activity.actor()), codec.actor(activity.actor()))
        .node();
  }

  /**
   * Reads one activity object into an activity to record.
   *
   * @param in the activity's members
   * @param workspaceGroupId the workspace group to record it in: Brightidea's format has none
   * @return the activity to record
   */
  public NewActivity read(Fields in, long workspaceGroupId) {
    String code = in.requiredString("type");
    ActivityType type =
        ActivityType.findByCode(code)
            .orElseThrow(
                () ->
                    new ValidationException(
                        in.field("type"), "must be a known activity type", code));
    return new NewActivity(
        in.uuid("id"),
        ActivityContent.builder(type, actors.read(in), workspaceGroupId)
            .text(in.string("text"))
            .campaign(campaign(in))
            .extensions(details(in).toExtensions())
            .build(),
        in.time("date_created", time),
        null);
  }

  private @Nullable Campaign campaign(Fields in) {
    UUID id = in.uuid("campaign_id");
    if (id == null) {
      if (in.has("campaign_name")) {
        throw new ValidationException(in.field("campaign_name"), "needs campaign_id beside it");
      }
      return null;
    }
    return new Campaign(id, in.string("campaign_name"));
  }

  private BrightideaDetails details(Fields in) {
    Fields attachment = in.object("attachment");
    return new BrightideaDetails(
        in.string("idea_id"),
        in.string("idea_title"),
        in.string("category_name"),
        in.bool("anonymous"),
        in.bool("team_submission"),
        in.string("update_id"),
        in.list(HIFIVE, HIFIVE).stream().map(this::readHifive).toList(),
        in.list(COMMENTS, COMMENT).stream().map(this::readComment).toList(),
        attachment == null ? null : readAttachment(attachment));
  }

  private HiFive readHifive(Fields in) {
    Fields member = in.object(ActorReader.MEMBER);
    return in.build(
        HIFIVE + ".",
        f ->
            new HiFive(
                f.string("id"),
                f.time("date_created", time),
                f.string("update_id"),
                member == null ? null : actors.readMember(member)));
  }

  private Comment readComment(Fields in) {
    Fields member = in.object(ActorReader.MEMBER);
    return in.build(
        COMMENTS + ".",
        f ->
            new Comment(
                f.string("id"),
                f.string(COMMENT),
                f.time("date_created", time),
                f.string("update_id"),
                member == null ? null : actors.readMember(member)));
  }

  private static Attachment readAttachment(Fields in) {
    return new Attachment(
        in.string("id"),
        in.string("reference_id"),
        in.string("extension"),
        in.string("original_filename"),
        in.string("grouping"),
        in.string("url"),
        in.string("type"));
  }

  /**
   * {@return the items of a page object}
   *
   * @param in the page's members
   * @param workspaceGroupId the workspace group to record them in
   */
  public List<NewActivity> readList(Fields in, long workspaceGroupId) {
    if (!in.present(ACTIVITY_LIST)) {
      throw in.missing(ACTIVITY_LIST);
    }
    return in.list(ACTIVITY_LIST, ACTIVITY).stream().map(f -> read(f, workspaceGroupId)).toList();
  }
}
