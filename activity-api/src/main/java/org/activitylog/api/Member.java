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

  /**
   * Validates the e-mail address and field lengths.
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
    Checks.email("member.email", email);
    Checks.maxLength("member.screen_name", screenName, MAX_FIELD);
    Checks.maxLength("member.first_name", firstName, MAX_FIELD);
    Checks.maxLength("member.last_name", lastName, MAX_FIELD);
    Checks.maxLength("member.job_title", jobTitle, MAX_FIELD);
    Checks.maxLength("member.address", address, MAX_FIELD);
    Checks.maxLength("member.phone", phone, MAX_FIELD);
    Checks.maxLength("member.mobile_phone", mobilePhone, MAX_FIELD);
    Checks.maxLength("member.external_user_id", externalUserId, MAX_FIELD);
    Checks.maxLength("member.skills", skills, MAX_FIELD);
    Checks.maxLength("member.work_history", workHistory, MAX_FIELD);
    Checks.maxLength("member.photo_url", photoUrl, MAX_FIELD);
    Checks.maxLength("member.photo_file_id", photoFileId, MAX_FIELD);
    dateCreated = Checks.time("member.date_created", dateCreated);
    dateModified = Checks.time("member.date_modified", dateModified);
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
          photoFileId);
    }
  }

  @Override
  public ActorRef ref() {
    return ActorRef.member(id);
  }
}
