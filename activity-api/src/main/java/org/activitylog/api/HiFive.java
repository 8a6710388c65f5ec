package org.activitylog.api;

import java.time.Instant;
import org.activitylog.api.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A Brightidea hi-five on an update.
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
    Checks.text("hifive.id", id);
    Checks.text("hifive.update_id", updateId);
    dateCreated = Checks.time("hifive.date_created", dateCreated);
  }
}
