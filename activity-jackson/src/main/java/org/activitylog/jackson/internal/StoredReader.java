package org.activitylog.jackson.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.activitylog.api.Member;
import org.activitylog.api.UserSimple;
import org.activitylog.jackson.TimeFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads what the codec wrote back into the model, trusting it: members in any order, unknown
 * members skipped, absent members absent. Jackson binds each actor to a private record with the
 * stored member names, read with the codec's mapper (the parser's codec), and the model's record is
 * built through its canonical constructor, the trusted way a store rebuilds a row: the entry rules
 * ran when the actor entered.
 */
public final class StoredReader {
  private StoredReader() {}

  /** A stored {@code UserSimple}, by the names {@link Members#USER} lists. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record StoredUser(
      long id,
      @Nullable String username,
      @Nullable String email,
      @JsonProperty("full_name") @Nullable String fullName,
      @JsonProperty("first_time_login") boolean firstTimeLogin,
      @Nullable String theme,
      @JsonProperty("is_superuser") @Nullable Boolean isSuperuser,
      @JsonProperty("is_staff") @Nullable Boolean isStaff,
      @JsonProperty("is_active") @Nullable Boolean isActive,
      @JsonProperty("is_verified") @Nullable Boolean isVerified,
      @JsonProperty("profile_picture") @Nullable String profilePicture) {}

  /** A stored {@code member}, by the names {@link Members#MEMBER} lists; times as written. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record StoredMember(
      @Nullable String id,
      @Nullable String email,
      @JsonProperty("screen_name") @Nullable String screenName,
      @JsonProperty("first_name") @Nullable String firstName,
      @JsonProperty("last_name") @Nullable String lastName,
      @JsonProperty("job_title") @Nullable String jobTitle,
      @Nullable String address,
      @Nullable String phone,
      @JsonProperty("mobile_phone") @Nullable String mobilePhone,
      @JsonProperty("external_user_id") @Nullable String externalUserId,
      @Nullable String skills,
      @JsonProperty("work_history") @Nullable String workHistory,
      @JsonProperty("photo_url") @Nullable String photoUrl,
      @JsonProperty("date_created") @Nullable String dateCreated,
      @JsonProperty("date_modified") @Nullable String dateModified,
      @Nullable Boolean active,
      @JsonProperty("photo_file_id") @Nullable String photoFileId) {}

  /**
   * Reads a user from the object the parser is on.
   *
   * @param p the parser of the codec's mapper, on the object's start
   * @return the user
   * @throws IOException when the text is not JSON or lacks a required member
   */
  public static UserSimple readUser(JsonParser p) throws IOException {
    StoredUser u = p.readValueAs(StoredUser.class);
    return new UserSimple(
        u.id(),
        required("username", u.username()),
        required("email", u.email()),
        u.fullName(),
        u.firstTimeLogin(),
        u.theme(),
        u.isSuperuser(),
        u.isStaff(),
        u.isActive(),
        u.isVerified(),
        u.profilePicture());
  }

  /**
   * Reads a member from the object the parser is on.
   *
   * @param p the parser of the codec's mapper, on the object's start
   * @param time how the times were written
   * @return the member
   * @throws IOException when the text is not JSON or lacks the id
   */
  public static Member readMember(JsonParser p, TimeFormat time) throws IOException {
    StoredMember m = p.readValueAs(StoredMember.class);
    return new Member(
        UUID.fromString(required("id", m.id())),
        m.email(),
        m.screenName(),
        m.firstName(),
        m.lastName(),
        m.jobTitle(),
        m.address(),
        m.phone(),
        m.mobilePhone(),
        m.externalUserId(),
        m.skills(),
        m.workHistory(),
        m.photoUrl(),
        instant(m.dateCreated(), time, "date_created"),
        instant(m.dateModified(), time, "date_modified"),
        m.active(),
        m.photoFileId());
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
}
