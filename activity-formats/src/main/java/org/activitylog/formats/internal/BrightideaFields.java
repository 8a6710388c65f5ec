package org.activitylog.formats.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activitylog.api.ActorRef;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonArray;
import org.activitylog.api.JsonValue.JsonBoolean;
import org.activitylog.api.JsonValue.JsonObject;
import org.activitylog.api.JsonValue.JsonString;
import org.activitylog.api.Member;
import org.activitylog.formats.Attachment;
import org.activitylog.formats.BrightideaDetails;
import org.activitylog.formats.Comment;
import org.activitylog.formats.HiFive;
import org.activitylog.jackson.ModelCodec;
import org.activitylog.jackson.NodeWriter;
import org.activitylog.jackson.TimeFormat;
import org.jspecify.annotations.Nullable;

/**
 * Brightidea's type-specific fields as JSON objects with the seed's member names, in a codec's
 * shape: the wire format writes them in its own shape, the extension slot holds them in {@link
 * ModelCodec#standard()}'s.
 */
public final class BrightideaFields {
  private static final ModelCodec STORED = ModelCodec.standard();
  private static final TimeFormat STORED_TIMES = TimeFormat.iso();

  private BrightideaFields() {}

  /**
   * {@return the fields as slot members: absent fields and empty lists left out}
   *
   * @param details the fields
   */
  public static Map<String, JsonValue> write(BrightideaDetails details) {
    NodeWriter out =
        STORED
            .object()
            .text("idea_id", details.ideaId())
            .text("idea_title", details.ideaTitle())
            .text("category_name", details.categoryName())
            .bool("anonymous", details.anonymous())
            .bool("team_submission", details.teamSubmission())
            .text("update_id", details.updateId());
    if (!details.hifives().isEmpty()) {
      ArrayNode hifives = out.node().putArray("hifives");
      details.hifives().forEach(h -> hifives.add(hiFive(STORED, h)));
    }
    if (!details.comments().isEmpty()) {
      ArrayNode comments = out.node().putArray("comments");
      details.comments().forEach(c -> comments.add(comment(STORED, c)));
    }
    Attachment attachment = details.attachment();
    ObjectNode node =
        out.node("attachment", attachment == null ? null : attachment(STORED, attachment)).node();
    return ((JsonObject) ModelCodec.toValue(node)).members();
  }

  /**
   * {@return the fields read from slot members written by {@link #write}, trusting their shape}
   *
   * @param slot the extension slot
   */
  public static BrightideaDetails read(Map<String, JsonValue> slot) {
    if (slot.isEmpty()) {
      return BrightideaDetails.NONE;
    }
    List<HiFive> hifives = new ArrayList<>();
    for (JsonObject h : objects(slot.get("hifives"))) {
      hifives.add(
          new HiFive(text(h, "id"), time(h, "date_created"), text(h, "update_id"), member(h)));
    }
    List<Comment> comments = new ArrayList<>();
    for (JsonObject c : objects(slot.get("comments"))) {
      comments.add(
          new Comment(
              text(c, "id"),
              text(c, "comment"),
              time(c, "date_created"),
              text(c, "update_id"),
              member(c)));
    }
    Attachment attachment = null;
    if (slot.get("attachment") instanceof JsonObject a) {
      attachment =
          new Attachment(
              text(a, "id"),
              text(a, "reference_id"),
              text(a, "extension"),
              text(a, "original_filename"),
              text(a, "grouping"),
              text(a, "url"),
              text(a, "type"));
    }
    return new BrightideaDetails(
        text(slot.get("idea_id")),
        text(slot.get("idea_title")),
        text(slot.get("category_name")),
        bool(slot.get("anonymous")),
        bool(slot.get("team_submission")),
        text(slot.get("update_id")),
        hifives,
        comments,
        attachment);
  }

  /**
   * {@return a hi-five: {@code id}, {@code date_created}, {@code update_id}, {@code member}}
   *
   * @param codec the shape to write in
   * @param hiFive the hi-five
   */
  public static ObjectNode hiFive(ModelCodec codec, HiFive hiFive) {
    Member member = hiFive.member();
    return codec
        .object()
        .text("id", hiFive.id())
        .time("date_created", hiFive.dateCreated())
        .text("update_id", hiFive.updateId())
        .node("member", member == null ? null : codec.actor(member))
        .node();
  }

  /**
   * {@return a comment: {@code id}, {@code comment}, {@code date_created}, {@code update_id},
   * {@code member}}
   *
   * @param codec the shape to write in
   * @param comment the comment
   */
  public static ObjectNode comment(ModelCodec codec, Comment comment) {
    Member member = comment.member();
    return codec
        .object()
        .text("id", comment.id())
        .text("comment", comment.comment())
        .time("date_created", comment.dateCreated())
        .text("update_id", comment.updateId())
        .node("member", member == null ? null : codec.actor(member))
        .node();
  }

  /**
   * {@return an attachment: {@code id}, {@code reference_id}, {@code extension}, {@code
   * original_filename}, {@code grouping}, {@code url}, {@code type}}
   *
   * @param codec the shape to write in
   * @param attachment the attachment
   */
  public static ObjectNode attachment(ModelCodec codec, Attachment attachment) {
    return codec
        .object()
        .text("id", attachment.id())
        .text("reference_id", attachment.referenceId())
        .text("extension", attachment.extension())
        .text("original_filename", attachment.originalFilename())
        .text("grouping", attachment.grouping())
        .text("url", attachment.url())
        .text("type", attachment.type())
        .node();
  }

  private static List<JsonObject> objects(@Nullable JsonValue list) {
    List<JsonObject> objects = new ArrayList<>();
    if (list instanceof JsonArray a) {
      for (JsonValue item : a.items()) {
        if (item instanceof JsonObject o) {
          objects.add(o);
        }
      }
    }
    return objects;
  }

  private static @Nullable Member member(JsonObject item) {
    if (!(item.members().get("member") instanceof JsonObject member)) {
      return null;
    }
    JsonNode node = ModelCodec.toNode(member);
    return (Member) STORED.readActor(ActorRef.Kind.MEMBER, ModelCodec.write(node));
  }

  private static @Nullable String text(JsonObject o, String name) {
    return text(o.members().get(name));
  }

  private static @Nullable Instant time(JsonObject o, String name) {
    String text = text(o, name);
    return text == null ? null : STORED_TIMES.parse(text, name);
  }

  private static @Nullable String text(@Nullable JsonValue value) {
    return value instanceof JsonString s ? s.value() : null;
  }

  private static @Nullable Boolean bool(@Nullable JsonValue value) {
    return value instanceof JsonBoolean b ? b.value() : null;
  }
}
