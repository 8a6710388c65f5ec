package org.activitylog.api;

import org.activitylog.api.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * An AISquare user as embedded in an activity ({@code UserSimple} in the seed).
 *
 * @param id the user's numeric id, zero or more
 * @param username required; at most 150 characters of letters, digits and {@code @ . + - _}
 * @param email required; an e-mail address
 * @param fullName the display name, if known
 * @param firstTimeLogin whether this is the user's first login
 * @param theme the UI theme, if any
 * @param isSuperuser whether the user has every permission, if known
 * @param isStaff whether the user can log into the admin site, if known
 * @param isActive whether the account is active, if known
 * @param isVerified whether the account is verified, if known
 * @param profilePicture the profile picture URL, if any: an absolute {@code http} or {@code https}
 *     URL
 */
public record UserSimple(
    long id,
    String username,
    String email,
    @Nullable String fullName,
    boolean firstTimeLogin,
    @Nullable String theme,
    @Nullable Boolean isSuperuser,
    @Nullable Boolean isStaff,
    @Nullable Boolean isActive,
    @Nullable Boolean isVerified,
    @Nullable String profilePicture)
    implements Actor {

  /** The longest username accepted, as the seed documents it. */
  public static final int MAX_USERNAME = 150;

  private static final int MAX_FIELD = 2_000;

  /**
   * Validates the username, e-mail, profile picture URL, field lengths and that every text is
   * well-formed UTF-16.
   *
   * @param id the user's numeric id, zero or more
   * @param username required; at most 150 characters of letters, digits and {@code @ . + - _}
   * @param email required; an e-mail address
   * @param fullName the display name, if known
   * @param firstTimeLogin whether this is the user's first login
   * @param theme the UI theme, if any
   * @param isSuperuser whether the user has every permission, if known
   * @param isStaff whether the user can log into the admin site, if known
   * @param isActive whether the account is active, if known
   * @param isVerified whether the account is verified, if known
   * @param profilePicture the profile picture URL, if any
   */
  public UserSimple {
    Checks.nonNegative("user.id", id);
    Checks.required("user.username", username);
    if (username.isEmpty() || username.length() > MAX_USERNAME) {
      throw new ValidationException(
          "user.username", "must be 1 to " + MAX_USERNAME + " characters", username);
    }
    if (!isUsername(username)) {
      throw new ValidationException(
          "user.username", "must contain only letters, digits and @ . + - _", username);
    }
    Checks.email("user.email", Checks.required("user.email", email));
    Checks.maxLength("user.full_name", fullName, MAX_FIELD);
    Checks.maxLength("user.theme", theme, MAX_FIELD);
    Checks.webUrl(
        "user.profile_picture",
        Checks.maxLength("user.profile_picture", profilePicture, MAX_FIELD));
  }

  /**
   * {@return a user with only the required fields}
   *
   * @param id the user's id
   * @param username the username
   * @param email the e-mail address
   */
  public static UserSimple of(long id, String username, String email) {
    return new UserSimple(id, username, email, null, false, null, null, null, null, null, null);
  }

  @Override
  public ActorRef ref() {
    return ActorRef.user(id);
  }

  /** Replaces the id and every personal field, so nothing links the activity to the person. */
  @Override
  public UserSimple anonymised() {
    return of(0, "anonymous", "anonymous@invalid");
  }

  /**
   * Whether every code point is a Unicode letter or number, or one of {@code _ . @ + -}. A loop
   * rather than a regular expression: every stored user is checked again when it is read.
   */
  private static boolean isUsername(String username) {
    for (int i = 0; i < username.length(); ) {
      int c = username.codePointAt(i);
      if (!Character.isLetter(c) && !isNumber(c) && "_.@+-".indexOf(c) < 0) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static boolean isNumber(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
