package org.activitylog.jdbc.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.Actor;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Attachment;
import org.activitylog.api.BrightideaDetails;
import org.activitylog.api.Comment;
import org.activitylog.api.HiFive;
import org.activitylog.api.JsonValue;
import org.activitylog.api.Member;
import org.activitylog.api.UserSimple;
import org.jspecify.annotations.Nullable;

/**
 * The JSON documents of an activity row: the actor's profile, the resource and Brightidea's
 * type-specific fields. Field names follow the seed APIs ({@code full_name}, {@code screen_name});
 * absent values are left out. Every field round-trips exactly: times as ISO-8601 text with their
 * full precision, numbers as exact decimals, empty strings kept apart from absent ones.
 */
public final class ActivityJson {
  /** The text fields of a stored member, in the order of {@link Member}'s components. */
  private static final Map<String, Integer> MEMBER_TEXTS =
      index(
          "email",
          "screen_name",
          "first_name",
          "last_name",
          "job_title",
          "address",
          "phone",
          "mobile_phone",
          "external_user_id",
          "skills",
          "work_history",
          "photo_url",
          "photo_file_id");

  /** A user's fields in the order {@link #writeActor} writes them. */
  private static final FieldOrder USER_FIELDS =
      new FieldOrder(
          "id",
          "username",
          "email",
          "full_name",
          "first_time_login",
          "theme",
          "is_superuser",
          "is_staff",
          "is_active",
          "is_verified",
          "profile_picture");

  /** A member's fields in the order {@link #writeActor} writes them. */
  private static final FieldOrder MEMBER_FIELDS =
      new FieldOrder(
          "id",
          "email",
          "screen_name",
          "first_name",
          "last_name",
          "job_title",
          "address",
          "phone",
          "mobile_phone",
          "external_user_id",
          "skills",
          "work_history",
          "photo_url",
          "date_created",
          "date_modified",
          "active",
          "photo_file_id");

  private final ObjectMapper mapper;
  private final JsonNodeFactory nodes = new JsonNodeFactory(true);

  /** Creates the codec. */
  public ActivityJson() {
    // A resource may be up to Activity.MAX_RESOURCE characters of one long number.
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNumberLength(Activity.MAX_RESOURCE).build())
            .build();
    this.mapper =
        JsonMapper.builder(factory)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(nodes)
            .build();
  }

  /**
   * {@return the actor's profile as JSON}
   *
   * @param actor the actor
   */
  public String writeActor(Actor actor) {
    return write(actor instanceof UserSimple u ? user(u) : member((Member) actor));
  }

  /**
   * Reads a profile written by {@link #writeActor}.
   *
   * @param kind the kind stored beside it
   * @param json the profile
   * @return the actor
   */
  public Actor readActor(ActorRef.Kind kind, String json) {
    // Every row read builds an actor: reading the tokens straight into the record's fields costs
    // about half of building a tree first.
    try (JsonParser p = mapper.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("an actor profile must be a JSON object");
      }
      return kind == ActorRef.Kind.USER ? readUser(p) : readMember(p);
    } catch (IOException e) {
      throw new IllegalStateException("a stored JSON document could not be read", e);
    }
  }

  /**
   * {@return the resource as JSON, or null for JSON null, which is stored as SQL NULL}
   *
   * @param resource the resource
   */
  public @Nullable String writeResource(JsonValue resource) {
    return resource.isNull() ? null : write(JsonValueNodes.toNode(resource, nodes));
  }

  /**
   * Reads a resource written by {@link #writeResource}.
   *
   * @param json the stored text, or null for JSON null
   * @return the resource
   */
  public JsonValue readResource(@Nullable String json) {
    if (json == null) {
      return JsonValue.nullValue();
    }
    try (JsonParser p = mapper.getFactory().createParser(json)) {
      p.nextToken();
      JsonValue value = JsonValueReader.read(p);
      if (p.nextToken() != null) {
        throw new IOException("text after the JSON value");
      }
      return value;
    } catch (IOException e) {
      throw new IllegalStateException("a stored JSON document could not be read", e);
    }
  }

  /**
   * {@return the type-specific fields as JSON, or null when there are none}
   *
   * @param details the fields
   */
  public @Nullable String writeDetails(BrightideaDetails details) {
    if (details.isEmpty()) {
      return null;
    }
    ObjectNode o = nodes.objectNode();
    put(o, "idea_id", details.ideaId());
    put(o, "idea_title", details.ideaTitle());
    put(o, "category_name", details.categoryName());
    put(o, "anonymous", details.anonymous());
    put(o, "team_submission", details.teamSubmission());
    put(o, "update_id", details.updateId());
    if (!details.hifives().isEmpty()) {
      ArrayNode hifives = o.putArray("hifives");
      for (HiFive h : details.hifives()) {
        ObjectNode item = hifives.addObject();
        put(item, "id", h.id());
        put(item, "date_created", h.dateCreated());
        put(item, "update_id", h.updateId());
        if (h.member() != null) {
          item.set("member", member(h.member()));
        }
      }
    }
    if (!details.comments().isEmpty()) {
      ArrayNode comments = o.putArray("comments");
      for (Comment c : details.comments()) {
        ObjectNode item = comments.addObject();
        put(item, "id", c.id());
        put(item, "comment", c.comment());
        put(item, "date_created", c.dateCreated());
        put(item, "update_id", c.updateId());
        if (c.member() != null) {
          item.set("member", member(c.member()));
        }
      }
    }
    Attachment a = details.attachment();
    if (a != null) {
      ObjectNode item = o.putObject("attachment");
      put(item, "id", a.id());
      put(item, "reference_id", a.referenceId());
      put(item, "extension", a.extension());
      put(item, "original_filename", a.originalFilename());
      put(item, "grouping", a.grouping());
      put(item, "url", a.url());
      put(item, "type", a.type());
    }
    return write(o);
  }

  /**
   * Reads type-specific fields written by {@link #writeDetails}.
   *
   * @param json the stored text, or null when there are none
   * @return the details
   */
  public BrightideaDetails readDetails(@Nullable String json) {
    if (json == null) {
      return BrightideaDetails.NONE;
    }
    JsonNode o = read(json);
    List<HiFive> hifives = new ArrayList<>();
    for (JsonNode h : o.path("hifives")) {
      hifives.add(
          new HiFive(
              text(h, "id"),
              instant(h, "date_created"),
              text(h, "update_id"),
              h.hasNonNull("member") ? memberOf(h.get("member")) : null));
    }
    List<Comment> comments = new ArrayList<>();
    for (JsonNode c : o.path("comments")) {
      comments.add(
          new Comment(
              text(c, "id"),
              text(c, "comment"),
              instant(c, "date_created"),
              text(c, "update_id"),
              c.hasNonNull("member") ? memberOf(c.get("member")) : null));
    }
    JsonNode a = o.path("attachment");
    Attachment attachment =
        a.isObject()
            ? new Attachment(
                text(a, "id"),
                text(a, "reference_id"),
                text(a, "extension"),
                text(a, "original_filename"),
                text(a, "grouping"),
                text(a, "url"),
                text(a, "type"))
            : null;
    return new BrightideaDetails(
        text(o, "idea_id"),
        text(o, "idea_title"),
        text(o, "category_name"),
        bool(o, "anonymous"),
        bool(o, "team_submission"),
        text(o, "update_id"),
        hifives,
        comments,
        attachment);
  }

  private ObjectNode user(UserSimple u) {
    ObjectNode o = nodes.objectNode();
    o.put("id", u.id());
    o.put("username", u.username());
    o.put("email", u.email());
    put(o, "full_name", u.fullName());
    o.put("first_time_login", u.firstTimeLogin());
    put(o, "theme", u.theme());
    put(o, "is_superuser", u.isSuperuser());
    put(o, "is_staff", u.isStaff());
    put(o, "is_active", u.isActive());
    put(o, "is_verified", u.isVerified());
    put(o, "profile_picture", u.profilePicture());
    return o;
  }

  private ObjectNode member(Member m) {
    ObjectNode o = nodes.objectNode();
    o.put("id", m.id().toString());
    put(o, "email", m.email());
    put(o, "screen_name", m.screenName());
    put(o, "first_name", m.firstName());
    put(o, "last_name", m.lastName());
    put(o, "job_title", m.jobTitle());
    put(o, "address", m.address());
    put(o, "phone", m.phone());
    put(o, "mobile_phone", m.mobilePhone());
    put(o, "external_user_id", m.externalUserId());
    put(o, "skills", m.skills());
    put(o, "work_history", m.workHistory());
    put(o, "photo_url", m.photoUrl());
    put(o, "date_created", m.dateCreated());
    put(o, "date_modified", m.dateModified());
    put(o, "active", m.active());
    put(o, "photo_file_id", m.photoFileId());
    return o;
  }

  /** Reads a {@link UserSimple} from the fields of the object the parser is in. */
  private static UserSimple readUser(JsonParser p) throws IOException {
    long id = 0;
    String username = null;
    String email = null;
    String fullName = null;
    boolean firstTimeLogin = false;
    String theme = null;
    Boolean isSuperuser = null;
    Boolean isStaff = null;
    Boolean isActive = null;
    Boolean isVerified = null;
    String profilePicture = null;
    for (String name = USER_FIELDS.next(p, null); name != null; name = USER_FIELDS.next(p, name)) {
      JsonToken v = p.nextToken();
      switch (name) {
        case "id" -> id = v.isNumeric() ? p.getLongValue() : 0;
        case "username" -> username = text(p, v);
        case "email" -> email = text(p, v);
        case "full_name" -> fullName = text(p, v);
        case "first_time_login" -> firstTimeLogin = v == JsonToken.VALUE_TRUE;
        case "theme" -> theme = text(p, v);
        case "is_superuser" -> isSuperuser = bool(v);
        case "is_staff" -> isStaff = bool(v);
        case "is_active" -> isActive = bool(v);
        case "is_verified" -> isVerified = bool(v);
        case "profile_picture" -> profilePicture = text(p, v);
        default -> {}
      }
      p.skipChildren();
    }
    return new UserSimple(
        id,
        stored("username", username),
        stored("email", email),
        fullName,
        firstTimeLogin,
        theme,
        isSuperuser,
        isStaff,
        isActive,
        isVerified,
        profilePicture);
  }

  /** Reads a {@link Member} from the fields of the object the parser is in. */
  private static Member readMember(JsonParser p) throws IOException {
    String id = null;
    String[] texts = new String[MEMBER_TEXTS.size()];
    Instant dateCreated = null;
    Instant dateModified = null;
    Boolean active = null;
    for (String name = MEMBER_FIELDS.next(p, null);
        name != null;
        name = MEMBER_FIELDS.next(p, name)) {
      JsonToken v = p.nextToken();
      switch (name) {
        case "id" -> id = text(p, v);
        case "date_created" -> dateCreated = instant(text(p, v));
        case "date_modified" -> dateModified = instant(text(p, v));
        case "active" -> active = bool(v);
        default -> {
          Integer slot = MEMBER_TEXTS.get(name);
          if (slot != null) {
            texts[slot] = text(p, v);
          }
        }
      }
      p.skipChildren();
    }
    return new Member(
        UUID.fromString(stored("id", id)),
        texts[0],
        texts[1],
        texts[2],
        texts[3],
        texts[4],
        texts[5],
        texts[6],
        texts[7],
        texts[8],
        texts[9],
        texts[10],
        texts[11],
        dateCreated,
        dateModified,
        active,
        texts[12]);
  }

  private static @Nullable String text(JsonParser p, JsonToken v) throws IOException {
    return v == JsonToken.VALUE_STRING ? p.getText() : null;
  }

  private static @Nullable Boolean bool(JsonToken v) {
    // As the tree read it: null for null, false for anything but true.
    return v == JsonToken.VALUE_NULL ? null : v == JsonToken.VALUE_TRUE;
  }

  private static @Nullable Instant instant(@Nullable String text) {
    return text == null ? null : Instant.parse(text);
  }

  private static String stored(String field, @Nullable String value) throws IOException {
    if (value == null) {
      throw new IOException("a stored actor profile has no " + field);
    }
    return value;
  }

  /** Reads a member nested in the type-specific fields, from a tree. */
  private Member memberOf(JsonNode node) {
    try (JsonParser p = mapper.treeAsTokens(node)) {
      p.nextToken();
      return readMember(p);
    } catch (IOException e) {
      throw new IllegalStateException("a stored JSON document could not be read", e);
    }
  }

  private static void put(ObjectNode o, String name, @Nullable String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  private static void put(ObjectNode o, String name, @Nullable Boolean value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  private static void put(ObjectNode o, String name, @Nullable Instant value) {
    if (value != null) {
      o.put(name, value.toString());
    }
  }

  private static @Nullable String text(JsonNode o, String name) {
    JsonNode v = o.get(name);
    return v == null || v.isNull() ? null : v.textValue();
  }

  private static @Nullable Boolean bool(JsonNode o, String name) {
    JsonNode v = o.get(name);
    return (v == null || v.isNull()) ? null : v.booleanValue();
  }

  private static @Nullable Instant instant(JsonNode o, String name) {
    String v = text(o, name);
    return v == null ? null : Instant.parse(v);
  }

  private static Map<String, Integer> index(String... names) {
    Map<String, Integer> slots = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      slots.put(names[i], i);
    }
    return Map.copyOf(slots);
  }

  private String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // Writing a tree of plain nodes to a String cannot fail.
      throw new IllegalStateException("could not write JSON", e);
    }
  }

  private JsonNode read(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored JSON document could not be read", e);
    }
  }
}
