package org.activitylog.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.activitylog.api.Activity;
import org.activitylog.api.Actor;
import org.activitylog.api.ActorRef;
import org.activitylog.api.JsonValue;
import org.activitylog.api.Member;
import org.activitylog.api.UserSimple;
import org.activitylog.jackson.internal.JsonValues;
import org.activitylog.jackson.internal.Members;
import org.activitylog.jackson.internal.StoredReader;
import org.jspecify.annotations.Nullable;

/**
 * The one mapping between the model and Jackson: an activity's {@code resource} and extension
 * fields ({@link JsonValue}) exactly, and actors ({@link UserSimple}, {@link Member}) as JSON
 * objects with the seed APIs' member names ({@code full_name}, {@code screen_name}, {@code
 * date_created}), in the seeds' order.
 *
 * <p>Numbers keep their exact decimal value and scale ({@code 1.50} stays {@code 1.50}), object
 * members their order, strings every character.
 *
 * <p>What differs between the places that write these objects is the <em>shape</em>: what an absent
 * value becomes, how times and ids are written. A codec is built for one shape with {@link
 * #builder()}; {@link #standard()} is the shape the JDBC backend stores.
 *
 * <p>Writing builds Jackson trees, for a caller to place in a larger document (or turn into XML)
 * and print with {@link #write(JsonNode)}. Reading ({@code read*}) is for text this codec wrote,
 * such as a stored column: members may come in any order (PostgreSQL's {@code jsonb} sorts them),
 * unknown ones are skipped, and a document that is not such text is an {@link
 * IllegalStateException}, not a {@link org.activitylog.api.ValidationException} naming a wire
 * member: input from outside is checked by its own reader, at the trust boundary, as the wire
 * formats do.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ModelCodec {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  // A resource may be up to Activity.MAX_RESOURCE characters of one long number.
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNumberLength(Activity.MAX_RESOURCE)
                          .build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final ModelCodec STANDARD = builder().build();

  private final Absent absent;
  private final Map<String, Absent> absentByMember;
  private final TimeFormat times;
  private final boolean upperCaseIds;

  private ModelCodec(Builder b) {
    this.absent = b.absent;
    this.absentByMember = Map.copyOf(b.absentByMember);
    this.times = b.times;
    this.upperCaseIds = b.upperCaseIds;
  }

  /**
   * {@return the shape the JDBC backend stores: absent values left out, times in {@link
   * TimeFormat#iso()}, ids in lower case} Stored rows are in this shape, so it never changes.
   */
  public static ModelCodec standard() {
    return STANDARD;
  }

  /** {@return a builder that starts from {@link #standard()}'s shape} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a writer of a new object in this codec's shape, for a format's own members} */
  public NodeWriter object() {
    return new NodeWriter(this, "");
  }

  /**
   * {@return the tree of a value, exact}
   *
   * @param value the value; JSON {@code null} gives a null node
   */
  public static JsonNode toNode(JsonValue value) {
    return JsonValues.toNode(value);
  }

  /**
   * {@return the value of a tree, checked by {@link JsonValue#of(Object)}'s rules}
   *
   * @param node the tree, or null for JSON {@code null}
   * @throws org.activitylog.api.ValidationException naming the member's path under {@code resource}
   *     when a number is out of the model's bounds or the value nests deeper than {@link
   *     JsonValue#MAX_DEPTH}
   */
  public static JsonValue toValue(@Nullable JsonNode node) {
    return JsonValues.fromNode(node);
  }

  /**
   * {@return an actor: a user as AISquare's {@code UserSimple} ({@code id}, {@code username},
   * {@code email}, {@code full_name}, {@code first_time_login}, {@code theme}, {@code
   * is_superuser}, {@code is_staff}, {@code is_active}, {@code is_verified}, {@code
   * profile_picture}), a member as Brightidea's {@code member} ({@code id}, {@code email}, {@code
   * screen_name}, {@code first_name}, {@code last_name}, {@code job_title}, {@code address}, {@code
   * phone}, {@code mobile_phone}, {@code external_user_id}, {@code skills}, {@code work_history},
   * {@code photo_url}, {@code date_created}, {@code date_modified}, {@code active}, {@code
   * photo_file_id})}
   *
   * @param actor the actor
   */
  public ObjectNode actor(Actor actor) {
    if (actor instanceof UserSimple u) {
      return user(u);
    }
    return member((Member) actor);
  }

  private ObjectNode user(UserSimple user) {
    return new NodeWriter(this, "user")
        .integer("id", user.id())
        .text("username", user.username())
        .text("email", user.email())
        .text("full_name", user.fullName())
        .bool("first_time_login", user.firstTimeLogin())
        .text("theme", user.theme())
        .bool("is_superuser", user.isSuperuser())
        .bool("is_staff", user.isStaff())
        .bool("is_active", user.isActive())
        .bool("is_verified", user.isVerified())
        .text("profile_picture", user.profilePicture())
        .node();
  }

  private ObjectNode member(Member member) {
    return new NodeWriter(this, "member")
        .uuid("id", member.id())
        .text("email", member.email())
        .text("screen_name", member.screenName())
        .text("first_name", member.firstName())
        .text("last_name", member.lastName())
        .text("job_title", member.jobTitle())
        .text("address", member.address())
        .text("phone", member.phone())
        .text("mobile_phone", member.mobilePhone())
        .text("external_user_id", member.externalUserId())
        .text("skills", member.skills())
        .text("work_history", member.workHistory())
        .text("photo_url", member.photoUrl())
        .time("date_created", member.dateCreated())
        .time("date_modified", member.dateModified())
        .bool("active", member.active())
        .text("photo_file_id", member.photoFileId())
        .node();
  }

  /**
   * {@return a tree as compact JSON text}
   *
   * @param tree the tree
   */
  public static String write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always prints; this would be a bug here, not bad input.
      throw new IllegalStateException("could not write JSON", e);
    }
  }

  /**
   * Reads an actor written by {@link #actor}.
   *
   * @param kind which of the two it is (stored beside it)
   * @param json the text
   * @return the actor
   * @throws IllegalStateException when the text is not such an object
   */
  public Actor readActor(ActorRef.Kind kind, String json) {
    try (JsonParser p = MAPPER.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("an actor must be a JSON object");
      }
      return kind == ActorRef.Kind.USER
          ? StoredReader.readUser(p)
          : StoredReader.readMember(p, times);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * Reads a value written by {@link #toNode} and {@link #write}. An integer written in plain
   * notation with more digits than the model holds (as a PostgreSQL JSONB column prints {@code
   * 1e300}) reads without its trailing zeros, which is the same number.
   *
   * @param json the text
   * @return the value
   * @throws IllegalStateException when the text is not one JSON value
   * @throws org.activitylog.api.ValidationException naming {@code resource} when a number is out of
   *     the model's bounds
   */
  public JsonValue readValue(String json) {
    try (JsonParser p = MAPPER.createParser(json)) {
      p.nextToken();
      JsonValue value = JsonValues.read(p);
      if (p.nextToken() != null) {
        throw new IOException("text after the JSON value");
      }
      return value;
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The policy for one member of one object; the overrides are empty in the stored shape. */
  Absent absent(String object, String member) {
    if (absentByMember.isEmpty() || object.isEmpty()) {
      return absent;
    }
    return absentByMember.getOrDefault(object + "." + member, absent);
  }

  TimeFormat times() {
    return times;
  }

  boolean upperCaseIds() {
    return upperCaseIds;
  }

  private static IllegalStateException unreadable(IOException e) {
    return new IllegalStateException("a stored JSON document could not be read", e);
  }

  @Override
  public String toString() {
    return "ModelCodec[absent="
        + absent
        + ", absentByMember="
        + new TreeMap<>(absentByMember)
        + ", times="
        + times
        + ", upperCaseIds="
        + upperCaseIds
        + "]";
  }

  /** Builds a codec for one shape; it starts from {@link #standard()}'s. Not thread-safe. */
  public static final class Builder {
    private Absent absent = Absent.OMIT;
    private final Map<String, Absent> absentByMember = new HashMap<>();
    private TimeFormat times = TimeFormat.iso();
    private boolean upperCaseIds;

    private Builder() {}

    /**
     * Sets what absent values become, unless {@link #absent(String, Absent)} says otherwise for the
     * member. The default is {@link Absent#OMIT}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder absent(Absent policy) {
      this.absent = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets what one member becomes when absent, as a format's schema says member by member: for
     * example Brightidea's examples write {@code member.photo_url} as {@code null} where they leave
     * other absent members out.
     *
     * @param member {@code user} or {@code member}, a dot and the member's name: {@code
     *     user.theme}, {@code member.photo_url}
     * @param policy the policy for that member
     * @return this builder
     * @throws IllegalArgumentException when the codec writes no such member of an actor
     */
    public Builder absent(String member, Absent policy) {
      if (!Members.known(member)) {
        throw new IllegalArgumentException(
            "the codec writes no actor member " + member + "; name one of " + Members.BY_OBJECT);
      }
      absentByMember.put(member, Objects.requireNonNull(policy, "policy"));
      return this;
    }

    /**
     * Sets how times are written and read. The default is {@link TimeFormat#iso()}.
     *
     * @param format the format
     * @return this builder
     */
    public Builder times(TimeFormat format) {
      this.times = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Sets whether UUIDs ({@code member.id}, {@link NodeWriter#uuid}) are written in upper case, as
     * Brightidea writes its ids. The default is lower case.
     *
     * @param upper whether to write them in upper case
     * @return this builder
     */
    public Builder upperCaseIds(boolean upper) {
      this.upperCaseIds = upper;
      return this;
    }

    /** {@return the codec} */
    public ModelCodec build() {
      return new ModelCodec(this);
    }
  }
}
