package org.activitylog.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Campaign;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonObject;
import org.activitylog.api.NewActivity;
import org.activitylog.api.ValidationException;
import org.activitylog.jackson.ModelCodec;
import org.jspecify.annotations.Nullable;

/**
 * The record on the topic: one accepted activity as a JSON object, UTF-8. Version 1 has these
 * members; absent values are left out:
 *
 * <ul>
 *   <li>{@code v}: the schema version, {@code 1}. A reader refuses a version it does not know, so a
 *       newer producer's records go to the dead-letter topic instead of being misread.
 *   <li>{@code uid}, {@code created_at} (ISO-8601, microseconds), {@code created_by}: fixed when
 *       the recorder accepted the activity, so a replay stores nothing twice.
 *   <li>{@code activity_type}: the type's code, the seeds' or the host's own, resolved against the
 *       reader's {@link ActivityCatalogue} (an unregistered code reads as an {@code
 *       UnknownActivityType}, as a stored row does).
 *   <li>{@code actor_kind} ({@code USER} or {@code MEMBER}) and {@code actor}, {@code text}, {@code
 *       resource} (exact), {@code workspace_group_id}, {@code workspace_group}, {@code campaign}
 *       ({@code id}, {@code name}) and {@code details}: the content, actor and details in {@link
 *       ModelCodec#standard()}'s shape, the one the JDBC backend stores, which never changes.
 * </ul>
 *
 * <p>Members a reader does not know are skipped, so a later version may add optional members
 * without raising {@code v}. Instances are immutable and thread-safe.
 */
public final class ActivityRecordFormat {
  /** The version this class writes. */
  public static final int VERSION = 1;

  private static final ModelCodec CODEC = ModelCodec.standard();
  // Exact numbers, as the codec reads them: a resource keeps 1.50 as 1.50.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNumberLength(Activity.MAX_RESOURCE)
                          .build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private final ActivityCatalogue catalogue;

  private ActivityRecordFormat(ActivityCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * {@return a format that resolves type codes against a catalogue}
   *
   * @param catalogue the host's types; codes it does not hold read as unknown types
   */
  public static ActivityRecordFormat of(ActivityCatalogue catalogue) {
    return new ActivityRecordFormat(Objects.requireNonNull(catalogue, "catalogue"));
  }

  /**
   * {@return the record of an accepted activity, as UTF-8 JSON}
   *
   * @param activity the activity, with its uid and creation time set
   * @throws IllegalArgumentException when the uid or creation time is missing
   */
  public byte[] write(NewActivity activity) {
    UUID uid = activity.uid();
    Instant createdAt = activity.createdAt();
    if (uid == null || createdAt == null) {
      throw new IllegalArgumentException("an accepted activity has its uid and created_at set");
    }
    ActivityContent c = activity.content();
    ObjectNode out = MAPPER.createObjectNode();
    out.put("v", VERSION);
    out.put("uid", uid.toString());
    out.put("created_at", createdAt.toString());
    putText(out, "created_by", activity.createdBy());
    out.put("activity_type", c.type().code());
    out.put("actor_kind", c.actor().ref().kind().name());
    out.set("actor", CODEC.actor(c.actor()));
    putText(out, "text", c.text());
    if (!c.resource().isNull()) {
      out.set("resource", ModelCodec.toNode(c.resource()));
    }
    out.put("workspace_group_id", c.workspaceGroupId());
    Long group = c.derivedWorkspaceGroupId();
    if (group != null) {
      out.put("workspace_group", group.longValue());
    }
    Campaign campaign = c.campaign();
    if (campaign != null) {
      ObjectNode cn = out.putObject("campaign");
      cn.put("id", campaign.id().toString());
      putText(cn, "name", campaign.name());
    }
    if (!c.extensions().isEmpty()) {
      // Named "details" since version 1, when the slot held only Brightidea's fields: the same
      // JSON object either way, so records written then read unchanged.
      out.set("details", ModelCodec.toNode(new JsonObject(c.extensions())));
    }
    return ModelCodec.write(out).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a record.
   *
   * @param record the record's value
   * @return the activity, with its uid and creation time
   * @throws UnreadableRecordException when the bytes are not a record of a known version
   * @throws ValidationException when the record is readable but its activity breaks a rule of the
   *     model
   */
  public NewActivity read(byte @Nullable [] record) {
    if (record == null) {
      throw new UnreadableRecordException("the record has no value");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(record);
    } catch (java.io.IOException e) {
      throw new UnreadableRecordException("the record is not JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new UnreadableRecordException("the record is not a JSON object");
    }
    JsonNode v = root.get("v");
    if (v == null || !v.isInt()) {
      throw new UnreadableRecordException("the record has no integer member v");
    }
    if (v.intValue() != VERSION) {
      throw new UnreadableRecordException(
          "the record is of version " + v.intValue() + "; this reader knows " + VERSION);
    }
    try {
      return readV1(root);
    } catch (JsonProcessingException | IllegalStateException | DateTimeParseException e) {
      throw new UnreadableRecordException("the record cannot be read: " + e.getMessage());
    }
  }

  private static Map<String, JsonValue> extensions(@Nullable JsonNode details) {
    if (details == null) {
      return Map.of();
    }
    if (ModelCodec.toValue(details) instanceof JsonObject slot) {
      return slot.members();
    }
    throw new UnreadableRecordException("details must be a JSON object");
  }

  private NewActivity readV1(JsonNode root) throws JsonProcessingException {
    ActorRef.Kind kind = ActorRef.Kind.valueOf(required(root, "actor_kind").asText());
    var content =
        ActivityContent.builder(
                catalogue.resolve(required(root, "activity_type").asText()),
                CODEC.readActor(kind, ModelCodec.write(required(root, "actor"))),
                required(root, "workspace_group_id").asLong())
            .text(text(root, "text"))
            .resource(ModelCodec.toValue(present(root, "resource")))
            .derivedWorkspaceGroupId(
                present(root, "workspace_group") == null
                    ? null
                    : root.get("workspace_group").asLong())
            .campaign(campaign(present(root, "campaign")))
            .extensions(extensions(present(root, "details")))
            .build();
    return new NewActivity(
        uuid(required(root, "uid").asText()),
        content,
        Instant.parse(required(root, "created_at").asText()),
        text(root, "created_by"));
  }

  private static @Nullable Campaign campaign(@Nullable JsonNode node) {
    if (node == null) {
      return null;
    }
    return new Campaign(uuid(required(node, "id").asText()), text(node, "name"));
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("not a UUID: " + text, e);
    }
  }

  private static JsonNode required(JsonNode node, String member) {
    JsonNode value = present(node, member);
    if (value == null) {
      throw new IllegalStateException("the member " + member + " is missing");
    }
    return value;
  }

  private static @Nullable JsonNode present(JsonNode node, String member) {
    JsonNode value = node.get(member);
    return value == null || value.isNull() ? null : value;
  }

  private static @Nullable String text(JsonNode node, String member) {
    JsonNode value = present(node, member);
    return value == null ? null : value.asText();
  }

  private static void putText(ObjectNode node, String member, @Nullable String value) {
    if (value != null) {
      node.put(member, value);
    }
  }

  @Override
  public String toString() {
    return "ActivityRecordFormat[v" + VERSION + ", " + catalogue + "]";
  }
}
