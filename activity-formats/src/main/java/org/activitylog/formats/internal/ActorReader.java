package org.activitylog.formats.internal;

import java.time.Instant;
import java.util.UUID;
import org.activitylog.api.Actor;
import org.activitylog.api.Member;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.jackson.TimeFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads the actor of an activity from the wire, checking every member: an AISquare {@code user}
 * ({@link UserSimple}) or a Brightidea {@code member} ({@link Member}). Each is sent under its own
 * name in both formats, so that no format loses an actor of the other kind; times follow the
 * format. Writing them is {@link org.activitylog.jackson.ModelCodec}'s.
 */
public final class ActorReader {
  /** The wire name of an AISquare actor. */
  public static final String USER = "user";

  /**
   * The {@code profile_picture} of an AISquare user without one. The schema requires a string of
   * {@code format: uri}, which {@code null} and {@code ""} are not; the URI of an empty document is
   * one, and an image source pointing to it shows nothing and fetches nothing.
   */
  public static final String NO_PICTURE = "about:blank";

  /** The wire name of a Brightidea actor. */
  public static final String MEMBER = "member";

  private final TimeFormat time;

  /**
   * A reader for one format.
   *
   * @param time how the format writes times
   */
  public ActorReader(TimeFormat time) {
    this.time = time;
  }

  /**
   * {@return the wire name of the actor: {@link #USER} or {@link #MEMBER}}
   *
   * @param actor the actor
   */
  public static String name(Actor actor) {
    return actor instanceof UserSimple ? USER : MEMBER;
  }

  /**
   * Reads the actor of an activity: exactly one of {@code user} and {@code member}.
   *
   * @param activity the activity's members
   * @return the actor
   */
  public Actor read(Fields activity) {
    Fields user = activity.object(USER);
    Fields member = activity.object(MEMBER);
    if (user != null && member != null) {
      throw new ValidationException(
          activity.field(USER), "must not be sent together with " + activity.field(MEMBER));
    }
    if (user != null) {
      return readUser(user);
    }
    if (member != null) {
      return readMember(member);
    }
    throw new ValidationException(
        activity.field(USER), "is required (or " + activity.field(MEMBER) + ")");
  }

  /**
   * Reads a whole user: {@code id}, {@code username} and {@code email} are required.
   *
   * @param in the user's members
   * @return the user
   */
  public UserSimple readUser(Fields in) {
    return in.build(
        "user.",
        f ->
            UserSimple.builder(
                    f.requiredInteger("id"),
                    f.requiredString("username"),
                    f.requiredString("email"))
                .fullName(f.string("full_name"))
                .firstTimeLogin(Boolean.TRUE.equals(f.bool("first_time_login")))
                .theme(f.string("theme"))
                .isSuperuser(f.bool("is_superuser"))
                .isStaff(f.bool("is_staff"))
                .isActive(f.bool("is_active"))
                .isVerified(f.bool("is_verified"))
                .profilePicture(picture(f.string("profile_picture")))
                .build());
  }

  /**
   * Reads a whole member: only {@code id} is required.
   *
   * @param in the member's members
   * @return the member
   */
  public Member readMember(Fields in) {
    return in.build("member.", f -> member(f.requiredUuid("id"), f, null));
  }

  /**
   * Merges the members given in an update over the current user. The id is not changed: an update
   * edits the profile shown with the activity, it does not reassign the activity.
   *
   * @param in the members sent
   * @param current the user stored now
   * @return the merged user
   */
  public UserSimple mergeUser(Fields in, UserSimple current) {
    return in.build(
        "user.",
        f ->
            UserSimple.builder(
                    current.id(),
                    nonNull(f, "username", Fields::requiredString, current.username()),
                    nonNull(f, "email", Fields::requiredString, current.email()))
                .fullName(merged(f, "full_name", Fields::string, current.fullName()))
                .firstTimeLogin(
                    nonNull(f, "first_time_login", Fields::requiredBool, current.firstTimeLogin()))
                .theme(merged(f, "theme", Fields::string, current.theme()))
                .isSuperuser(merged(f, "is_superuser", Fields::bool, current.isSuperuser()))
                .isStaff(merged(f, "is_staff", Fields::bool, current.isStaff()))
                .isActive(merged(f, "is_active", Fields::bool, current.isActive()))
                .isVerified(merged(f, "is_verified", Fields::bool, current.isVerified()))
                .profilePicture(
                    picture(merged(f, "profile_picture", Fields::string, current.profilePicture())))
                .build());
  }

  /**
   * Merges the members given in an update over the current member; the id is kept.
   *
   * @param in the members sent
   * @param current the member stored now
   * @return the merged member
   */
  public Member mergeMember(Fields in, Member current) {
    return in.build("member.", f -> member(current.id(), f, current));
  }

  /** Built through the builder, which runs the entry rules; a stored member is trusted. */
  private Member member(UUID id, Fields f, @Nullable Member current) {
    return Member.builder(id)
        .email(merged(f, "email", Fields::string, current == null ? null : current.email()))
        .screenName(
            merged(f, "screen_name", Fields::string, current == null ? null : current.screenName()))
        .firstName(
            merged(f, "first_name", Fields::string, current == null ? null : current.firstName()))
        .lastName(
            merged(f, "last_name", Fields::string, current == null ? null : current.lastName()))
        .jobTitle(
            merged(f, "job_title", Fields::string, current == null ? null : current.jobTitle()))
        .address(merged(f, "address", Fields::string, current == null ? null : current.address()))
        .phone(merged(f, "phone", Fields::string, current == null ? null : current.phone()))
        .mobilePhone(
            merged(
                f, "mobile_phone", Fields::string, current == null ? null : current.mobilePhone()))
        .externalUserId(
            merged(
                f,
                "external_user_id",
                Fields::string,
                current == null ? null : current.externalUserId()))
        .skills(merged(f, "skills", Fields::string, current == null ? null : current.skills()))
        .workHistory(
            merged(
                f, "work_history", Fields::string, current == null ? null : current.workHistory()))
        .photoUrl(
            merged(f, "photo_url", Fields::string, current == null ? null : current.photoUrl()))
        .dateCreated(mergedTime(f, "date_created", current == null ? null : current.dateCreated()))
        .dateModified(
            mergedTime(f, "date_modified", current == null ? null : current.dateModified()))
        .active(merged(f, "active", Fields::bool, current == null ? null : current.active()))
        .photoFileId(
            merged(
                f, "photo_file_id", Fields::string, current == null ? null : current.photoFileId()))
        .build();
  }

  /**
   * {@return a picture as read: {@link #NO_PICTURE} and {@code ""} are no picture}
   *
   * @param url the member's value
   */
  private static @Nullable String picture(@Nullable String url) {
    return url == null || url.isEmpty() || url.equals(NO_PICTURE) ? null : url;
  }

  private @Nullable Instant mergedTime(Fields f, String name, @Nullable Instant current) {
    return f.present(name) ? f.time(name, time) : current;
  }

  /** A member sent (even as null, which clears it) replaces the current value. */
  private static <T> @Nullable T merged(
      Fields f, String name, Getter<T> getter, @Nullable T current) {
    return f.present(name) ? getter.get(f, name) : current;
  }

  /** A member that cannot be cleared: sent as null, it is an error. */
  private static <T> T nonNull(Fields f, String name, RequiredGetter<T> getter, T current) {
    return f.present(name) ? getter.get(f, name) : current;
  }

  /** Reads a member that may be absent. */
  @FunctionalInterface
  private interface Getter<T> {
    @Nullable T get(Fields fields, String name);
  }

  /** Reads a member that must be present. */
  @FunctionalInterface
  private interface RequiredGetter<T> {
    T get(Fields fields, String name);
  }
}
