package org.activitylog.api;

import java.time.Instant;
import java.util.UUID;
import org.activitylog.api.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A Brightidea member as embedded in an activity, a hi-five or a comment. Every field but the id
 * may be absent, as in the seed's examples.
 *
 * @param id the member's UUID
 * @param email the e-mail address, if known
 * @param screenName the display name
 * @param firstName the first name
 * @param lastName the last name
 * @param jobTitle the job title
 * @param address the postal address
 * @param phone the phone number
 * @param mobilePhone the mobile phone number
 * @param externalUserId the id in the host's user directory
 * @param skills free-text skills
 * @param workHistory free-text work history
 * @param photoUrl the photo URL
 * @param dateCreated when the member registered
 * @param dateModified when the profile last changed
 * @param active whether the member is active
 * @param photoFileId the id of the photo file
 */
public record Member(
    UUID id,
    @Nullable String email,
    @Nullable String screenName,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String jobTitle,
    @Nullable String address,
    @Nullable String phone,
    @Nullable String mobilePhone,
    @Nullable String externalUserId,
    @Nullable String skills,
    @Nullable String workHistory,
    @Nullable String photoUrl,
    @Nullable Instant dateCreated,
    @Nullable Instant dateModified,
    @Nullable Boolean active,
    @Nullable String photoFileId)
    implements Actor {

  private static final int MAX_FIELD = 2_000;

  /** The fields {@link #check} limits, in the order of the components. */
  private static final String[] TEXT_FIELDS = {
    "member.screen_name",
    "member.first_name",
    "member.last_name",
    "member.job_title",
    "member.address",
    "member.phone",
    "member.mobile_phone",
    "member.external_user_id",
    "member.skills",
    "member.work_history",
    "member.photo_url",
    "member.photo_file_id"
  };

  /**
   * Checks only the shape: an id present, times in range and cut to microseconds. This is the
   * trusted way a backend rebuilds a stored member, checked when it entered; the entry rules (the
   * e-mail syntax, lengths, well-formed text) run in {@link #of}, {@link Builder#build()} and
   * wherever an activity enters ({@link NewActivity}, {@link ActivityUpdate}, the wire readers).
   *
   * @param id the member's UUID
   * @param email the e-mail address, if known
   * @param screenName the display name
   * @param firstName the first name
   * @param lastName the last name
   * @param jobTitle the job title
   * @param address the postal address
   * @param phone the phone number
   * @param mobilePhone the mobile phone number
   * @param externalUserId the id in the host's user directory
   * @param skills free-text skills
   * @param workHistory free-text work history
   * @param photoUrl the photo URL
   * @param dateCreated when the member registered
   * @param dateModified when the profile last changed
   * @param active whether the member is active
   * @param photoFileId the id of the photo file
   */
  public Member {
    Checks.required("member.id", id);
    dateCreated = Checks.time("member.date_created", dateCreated);
    dateModified = Checks.time("member.date_modified", dateModified);
  }

  /** {@return this member when it meets every entry rule} */
  Member checked() {
    check(
        email,
        screenName,
        firstName,
        lastName,
        jobTitle,
        address,
        phone,
        mobilePhone,
        externalUserId,
        skills,
        workHistory,
        photoUrl,
        photoFileId);
    return this;
  }

  /**
   * Runs every entry rule on the e-mail address and the texts, given in the order of {@link
   * #TEXT_FIELDS}, before the times are checked, so the first error names the first field at fault.
   */
  private static void check(@Nullable String email, @Nullable String... texts) {
    Checks.email("member.email", email);
    for (int i = 0; i < texts.length; i++) {
      Checks.maxLength(TEXT_FIELDS[i], texts[i], MAX_FIELD);
    }
  }

  /**
   * {@return a member with only an id and a screen name}
   *
   * @param id the member's UUID
   * @param screenName the display name
   */
  public static Member of(UUID id, String screenName) {
    return builder(id).screenName(screenName).build();
  }

  /**
   * Starts building a member; every field but the id starts absent.
   *
   * @param id the member's UUID
   * @return a new builder
   */
  public static Builder builder(UUID id) {
    return new Builder(id);
  }

  /** {@return a builder holding this member's fields, to change some of them} */
  public Builder toBuilder() {
    return builder(id)
        .email(email)
        .screenName(screenName)
        .firstName(firstName)
        .lastName(lastName)
        .jobTitle(jobTitle)
        .address(address)
        .phone(phone)
        .mobilePhone(mobilePhone)
        .externalUserId(externalUserId)
        .skills(skills)
        .workHistory(workHistory)
        .photoUrl(photoUrl)
        .dateCreated(dateCreated)
        .dateModified(dateModified)
        .active(active)
        .photoFileId(photoFileId);
  }

  /** Collects the fields of a {@link Member}; every setter is optional. */
  public static final class Builder {
    private final UUID id;
    private @Nullable String email;
    private @Nullable String screenName;
    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String jobTitle;
    private @Nullable String address;
    private @Nullable String phone;
    private @Nullable String mobilePhone;
    private @Nullable String externalUserId;
    private @Nullable String skills;
    private @Nullable String workHistory;
    private @Nullable String photoUrl;
    private @Nullable Instant dateCreated;
    private @Nullable Instant dateModified;
    private @Nullable Boolean active;
    private @Nullable String photoFileId;

    private Builder(UUID id) {
      this.id = id;
    }

    /**
     * Sets the e-mail address.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder email(@Nullable String value) {
      this.email = value;
      return this;
    }

    /**
     * Sets the display name.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder screenName(@Nullable String value) {
      this.screenName = value;
      return this;
    }

    /**
     * Sets the first name.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder firstName(@Nullable String value) {
      this.firstName = value;
      return this;
    }

    /**
     * Sets the last name.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder lastName(@Nullable String value) {
      this.lastName = value;
      return this;
    }

    /**
     * Sets the job title.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder jobTitle(@Nullable String value) {
      this.jobTitle = value;
      return this;
    }

    /**
     * Sets the postal address.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder address(@Nullable String value) {
      this.address = value;
      return this;
    }

    /**
     * Sets the phone number.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder phone(@Nullable String value) {
      this.phone = value;
      return this;
    }

    /**
     * Sets the mobile phone number.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder mobilePhone(@Nullable String value) {
      this.mobilePhone = value;
      return this;
    }

    /**
     * Sets the id in the host's user directory.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder externalUserId(@Nullable String value) {
      this.externalUserId = value;
      return this;
    }

    /**
     * Sets free-text skills.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder skills(@Nullable String value) {
      this.skills = value;
      return this;
    }

    /**
     * Sets free-text work history.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder workHistory(@Nullable String value) {
      this.workHistory = value;
      return this;
    }

    /**
     * Sets the photo URL.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder photoUrl(@Nullable String value) {
      this.photoUrl = value;
      return this;
    }

    /**
     * Sets when the member registered.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder dateCreated(@Nullable Instant value) {
      this.dateCreated = value;
      return this;
    }

    /**
     * Sets when the profile last changed.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder dateModified(@Nullable Instant value) {
      this.dateModified = value;
      return this;
    }

    /**
     * Sets whether the member is active.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder active(@Nullable Boolean value) {
      this.active = value;
      return this;
    }

    /**
     * Sets the id of the photo file.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder photoFileId(@Nullable String value) {
      this.photoFileId = value;
      return this;
    }

    /**
     * Builds the member.
     *
     * @return a new member
     * @throws ValidationException naming the first field that breaks a rule
     */
    public Member build() {
      return new Member(
              id,
              email,
              screenName,
              firstName,
              lastName,
              jobTitle,
              address,
              phone,
              mobilePhone,
              externalUserId,
              skills,
              workHistory,
              photoUrl,
              dateCreated,
              dateModified,
              active,
              photoFileId)
          .checked();
    }
  }

  @Override
  public ActorRef ref() {
    return ActorRef.member(id);
  }
}
