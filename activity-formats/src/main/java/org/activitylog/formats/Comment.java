package org.activitylog.formats;

import java.time.Instant;
import org.activitylog.api.Activity;
import org.activitylog.api.Member;
import org.activitylog.formats.internal.FieldChecks;
import org.jspecify.annotations.Nullable;

/**
 * A Brightidea comment on an update.
 *
 * @param id the comment's id as the source system wrote it
 * @param comment the comment text
 * @param dateCreated when it was written
 * @param updateId the update it comments on
 * @param member who wrote it
 */
public record Comment(
    @Nullable String id,
    @Nullable String comment,
    @Nullable Instant dateCreated,
    @Nullable String updateId,
    @Nullable Member member) {
  /**
   * Checks the text length and normalises the time to microseconds.
   *
   * @param id the comment's id as the source system wrote it
   * @param comment the comment text
   * @param dateCreated when it was written
   * @param updateId the update it comments on
   * @param member who wrote it
   */
  public Comment {
    FieldChecks.text("comments.id", id);
    FieldChecks.text("comments.update_id", updateId);
    FieldChecks.maxLength("comments.comment", comment, Activity.MAX_TEXT);
    dateCreated = FieldChecks.time("comments.date_created", dateCreated);
  }
}
