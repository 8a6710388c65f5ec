package org.activitylog.jackson.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.Member;
import org.activitylog.api.UserSimple;
import org.activitylog.jackson.TimeFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads what the codec wrote back into the model, trusting it: members in any order, unknown
 * members skipped, a value of another kind than written read as absent. Every row a backend reads
 * builds an actor, so actors are read from the tokens straight into the record's fields, which
 * costs about half of building a tree first.
 */
public final class StoredReader {
  private static final FieldOrder USER_ORDER = new FieldOrder(Members.USER);
  private static final FieldOrder MEMBER_ORDER = new FieldOrder(Members.MEMBER);

  /** The text members of a member, by name, in the order of {@link Member}'s components. */
  private static final Map<String, Integer> MEMBER_TEXTS =
      slots(
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

  private StoredReader() {}

  /**
   * Reads a user from the members of the object the parser is in.
   *
   * @param p the parser, on the object's start
   * @return the user
   * @throws IOException when the text is not JSON or lacks a required member
   */
  public static UserSimple readUser(JsonParser p) throws IOException {
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
    for (String name = USER_ORDER.next(p, null); name != null; name = USER_ORDER.next(p, name)) {
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
        required("username", username),
        required("email", email),
        fullName,
        firstTimeLogin,
        theme,
        isSuperuser,
        isStaff,
        isActive,
        isVerified,
        profilePicture);
  }

  /**
   * Reads a member from the members of the object the parser is in.
   *
   * @param p the parser, on the object's start
   * @param time how the times were written
   * @return the member
   * @throws IOException when the text is not JSON or lacks the id
   */
  public static Member readMember(JsonParser p, TimeFormat time) throws IOException {
    String id = null;
    String[] texts = new String[MEMBER_TEXTS.size()];
    Instant dateCreated = null;
    Instant dateModified = null;
    Boolean active = null;
    for (String name = MEMBER_ORDER.next(p, null);
        name != null;
        name = MEMBER_ORDER.next(p, name)) {
      JsonToken v = p.nextToken();
      switch (name) {
        case "id" -> id = text(p, v);
        case "date_created" -> dateCreated = instant(text(p, v), time, name);
        case "date_modified" -> dateModified = instant(text(p, v), time, name);
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
        UUID.fromString(required("id", id)),
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
    // As a tree reads it: null for null, false for anything but true.
    return v == JsonToken.VALUE_NULL ? null : v == JsonToken.VALUE_TRUE;
  }

  private static @Nullable Instant instant(@Nullable String text, TimeFormat time, String name) {
    return text == null ? null : time.parse(text, name);
  }

  private static String required(String field, @Nullable String value) throws IOException {
    if (value == null) {
      throw new IOException("the object has no " + field);
    }
    return value;
  }

  private static Map<String, Integer> slots(String... names) {
    Map<String, Integer> slots = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      slots.put(names[i], i);
    }
    return Map.copyOf(slots);
  }
}
