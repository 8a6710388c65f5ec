package org.activitylog.formats;

import java.time.Instant;
import org.activitylog.api.Member;
import org.activitylog.formats.internal.FieldChecks;
import org.jspecify.annotations.Nullable;

/**
 * A Brightidea hi-five on an update, as its format reads it from an activity's extension slot.
 *
 * @param id the hi-five's id as the source system wrote it
 * @param dateCreated when it was given
 * @param updateId the update it was given on
 * @param member who gave it
 */
public record HiFive(
    @Nullable String id,
    @Nullable Instant dateCreated,
    @Nullable String updateId,
    @Nullable Member member) {
  /**
   * Normalises the time to microseconds and checks that the ids are well-formed UTF-16.
   *
   * @param id the hi-five's id as the source system wrote it
   * @param dateCreated when it was given
   * @param updateId the update it was given on
   * @param member who gave it
   */
  public HiFive {
    FieldChecks.text("hifive.id", id);
    FieldChecks.text("hifive.update_id", updateId);
    dateCreated = FieldChecks.time("hifive.date_created", dateCreated);
  }
}
