package org.activitylog.api;

import java.util.regex.Pattern;
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

  /** Unicode letters and numbers (as {@link Character#isLetter} and the number categories say). */
  private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}_.@+-]+");

  /**
   * Checks only the shape: a non-negative id, a username and an e-mail present. This is the trusted
   * way a backend rebuilds a stored user, checked when it entered; the entry rules (username and
   * e-mail syntax, lengths, the picture URL, well-formed text) run in {@link #of}, {@link
   * Builder#build()} and wherever an activity enters ({@link NewActivity}, {@link ActivityUpdate},
   * the wire readers).
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
    Checks.required("user.email", email);
  }

  /**
   * Runs every entry rule, in the order the fields are declared, so the first error names the first
   * field at fault.
   */
  static void check(
      long id,
      @Nullable String username,
      @Nullable String email,
      @Nullable String fullName,
      @Nullable String theme,
      @Nullable String profilePicture) {
    Checks.nonNegative("user.id", id);
    String name = Checks.required("user.username", username);
    if (name.isEmpty() || name.length() > MAX_USERNAME) {
      throw new ValidationException(
          "user.username", "must be 1 to " + MAX_USERNAME + " characters", name);
    }
    if (!USERNAME.matcher(name).matches()) {
      throw new ValidationException(
          "user.username", "must contain only letters, digits and @ . + - _", name);
    }
    Checks.email("user.email", Checks.required("user.email", email));
    Checks.maxLength("user.full_name", fullName, MAX_FIELD);
    Checks.maxLength("user.theme", theme, MAX_FIELD);
    Checks.webUrl(
        "user.profile_picture",
        Checks.maxLength("user.profile_picture", profilePicture, MAX_FIELD));
  }

  /** {@return this user when it meets every entry rule} */
  UserSimple checked() {
    check(id, username, email, fullName, theme, profilePicture);
    return this;
  }

  /**
   * {@return a user with only the required fields}
   *
   * @param id the user's id
   * @param username the username
   * @param email the e-mail address
   */
  public static UserSimple of(long id, String username, String email) {
    return builder(id, username, email).build();
  }

  /**
   * Starts building a user; every optional field starts absent, {@code firstTimeLogin} false.
   *
   * @param id the user's numeric id, zero or more
   * @param username the username
   * @param email the e-mail address
   * @return a new builder
   */
  public static Builder builder(long id, String username, String email) {
    return new Builder(id, username, email);
  }

  /** {@return a builder holding this user's fields, to change some of them} */
  public Builder toBuilder() {
    return builder(id, username, email)
        .fullName(fullName)
        .firstTimeLogin(firstTimeLogin)
        .theme(theme)
        .isSuperuser(isSuperuser)
        .isStaff(isStaff)
        .isActive(isActive)
        .isVerified(isVerified)
        .profilePicture(profilePicture);
  }

  /** Collects the fields of a {@link UserSimple}; every setter is optional. */
  public static final class Builder {
    private final long id;
    private String username;
    private String email;
    private @Nullable String fullName;
    private boolean firstTimeLogin;
    private @Nullable String theme;
    private @Nullable Boolean isSuperuser;
    private @Nullable Boolean isStaff;
    private @Nullable Boolean isActive;
    private @Nullable Boolean isVerified;
    private @Nullable String profilePicture;

    private Builder(long id, String username, String email) {
      this.id = id;
      this.username = username;
      this.email = email;
    }

    /**
     * Sets the username.
     *
     * @param value the username
     * @return this builder
     */
    public Builder username(String value) {
      this.username = value;
      return this;
    }

    /**
     * Sets the e-mail address.
     *
     * @param value the e-mail address
     * @return this builder
     */
    public Builder email(String value) {
      this.email = value;
      return this;
    }

    /**
     * Sets the display name.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder fullName(@Nullable String value) {
      this.fullName = value;
      return this;
    }

    /**
     * Sets whether this is the user's first login; false when not set.
     *
     * @param value the value
     * @return this builder
     */
    public Builder firstTimeLogin(boolean value) {
      this.firstTimeLogin = value;
      return this;
    }

    /**
     * Sets the UI theme.
     *
     * @param value the value, or null for none
     * @return this builder
     */
    public Builder theme(@Nullable String value) {
      this.theme = value;
      return this;
    }

    /**
     * Sets whether the user has every permission.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder isSuperuser(@Nullable Boolean value) {
      this.isSuperuser = value;
      return this;
    }

    /**
     * Sets whether the user can log into the admin site.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder isStaff(@Nullable Boolean value) {
      this.isStaff = value;
      return this;
    }

    /**
     * Sets whether the account is active.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder isActive(@Nullable Boolean value) {
      this.isActive = value;
      return this;
    }

    /**
     * Sets whether the account is verified.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder isVerified(@Nullable Boolean value) {
      this.isVerified = value;
      return this;
    }

    /**
     * Sets the profile picture URL: an absolute {@code http} or {@code https} URL.
     *
     * @param value the value, or null for none
     * @return this builder
     */
    public Builder profilePicture(@Nullable String value) {
      this.profilePicture = value;
      return this;
    }

    /**
     * Builds the user.
     *
     * @return a new user
     * @throws ValidationException naming the first field that breaks a rule
     */
    public UserSimple build() {
      check(id, username, email, fullName, theme, profilePicture);
      return new UserSimple(
          id,
          username,
          email,
          fullName,
          firstTimeLogin,
          theme,
          isSuperuser,
          isStaff,
          isActive,
          isVerified,
          profilePicture);
    }
  }

  @Override
  public ActorRef ref() {
    return ActorRef.user(id);
  }
}
