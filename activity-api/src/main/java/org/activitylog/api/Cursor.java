package org.activitylog.api;

import java.time.Instant;
import org.activitylog.api.internal.Checks;

/**
 * A position in a listing for keyset paging: the sort key of the last item seen. The next page
 * starts right after it, without counting what came before, so a deep page costs what the first
 * does.
 *
 * @param createdAt the last item's creation time
 * @param id the last item's id
 */
public record Cursor(Instant createdAt, long id) {

  /**
   * Normalises the time to microseconds.
   *
   * @param createdAt the last item's creation time
   * @param id the last item's id
   */
  public Cursor {
    createdAt = Checks.required("cursor", Checks.micros(createdAt));
  }

  /**
   * {@return the position right after an activity}
   *
   * @param last the last activity seen
   */
  public static Cursor after(Activity last) {
    return new Cursor(last.createdAt(), last.id());
  }
}
