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

  /**
   * {@return whether an activity comes after this position in a sort order}
   *
   * @param activity the activity
   * @param sort the order
   */
  public boolean precedes(Activity activity, Sort sort) {
    int cmp;
    if (sort.field() == Sort.Field.ID) {
      cmp = Long.compare(activity.id(), id);
    } else {
      cmp = activity.createdAt().compareTo(createdAt);
      if (cmp == 0) {
        cmp = Long.compare(activity.id(), id);
      }
    }
    return sort.direction() == Sort.Direction.ASC ? cmp > 0 : cmp < 0;
  }
}
