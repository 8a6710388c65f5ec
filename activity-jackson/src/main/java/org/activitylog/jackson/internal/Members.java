package org.activitylog.jackson.internal;

import java.util.List;
import java.util.Map;

/**
 * The member names of the actors the codec writes, in the order it writes them: the seed APIs'
 * names ({@code full_name}, {@code screen_name}, {@code date_created}).
 */
public final class Members {
  /** An AISquare {@code UserSimple}. */
  public static final List<String> USER =
      List.of(
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

  /** A Brightidea {@code member}. */
  public static final List<String> MEMBER =
      List.of(
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

  /** Every actor, by the name its members are qualified with ({@code member.photo_url}). */
  public static final Map<String, List<String>> BY_OBJECT = Map.of("user", USER, "member", MEMBER);

  private Members() {}

  /**
   * {@return whether a qualified name ({@code member.photo_url}) names a member of an actor}
   *
   * @param qualified the object's name, a dot and the member's name
   */
  public static boolean known(String qualified) {
    int dot = qualified.indexOf('.');
    if (dot < 0) {
      return false;
    }
    List<String> names = BY_OBJECT.get(qualified.substring(0, dot));
    return names != null && names.contains(qualified.substring(dot + 1));
  }
}
