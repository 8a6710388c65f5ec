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
    return new Member(
        id,
        null,
        screenName,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Override
  public ActorRef ref() {
    return ActorRef.member(id);
  }

  /** Replaces the id and every personal field, so nothing links the activity to the person. */
  @Override
  public Member anonymised() {
    return of(new UUID(0, 0), "Anonymous");
  }
}
