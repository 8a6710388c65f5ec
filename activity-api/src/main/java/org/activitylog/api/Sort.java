package org.activitylog.api;

import org.activitylog.api.internal.Checks;

/**
 * The order of a listing: by id or creation time, ascending or descending. Ties are broken by id in
 * the same direction, so pages never overlap or skip. Only these two fields exist, so no user text
 * ever reaches a query; wire formats parse their own order syntax into this value (Brightidea's
 * SQL-style {@code order} text is read by the HTTP adapter).
 *
 * @param field what to order by
 * @param direction which way
 */
public record Sort(Field field, Direction direction) {

  /** The seed's default: newest first. */
  public static final Sort DEFAULT = new Sort(Field.DATE_CREATED, Direction.DESC);

  /** The fields a listing can be ordered by. */
  public enum Field {
    /**
     * The numeric id, which grows with insertion order: it lists activities in the order they were
     * stored, not by the uid that Brightidea answers show as {@code id}. Deliberate: uids a client
     * sends are often random (version 4), so their order means nothing; they are not meant to be
     * unique across workspace groups, so they alone cannot break ties or carry a keyset cursor; and
     * Java compares UUIDs as signed numbers while databases and the written text compare them
     * unsigned. Uids the library generates are time-ordered (version 7), so for those the two
     * orders agree to within a millisecond.
     */
    ID,
    /** The creation time, then the id. */
    DATE_CREATED
  }

  /** Ascending or descending. */
  public enum Direction {
    /** Smallest first. */
    ASC,
    /** Largest first. */
    DESC
  }

  /**
   * Rejects missing parts.
   *
   * @param field what to order by
   * @param direction which way
   */
  public Sort {
    Checks.required("order", field);
    Checks.required("order", direction);
  }

  /** The order as field and direction, for example {@code DATE_CREATED DESC}. */
  @Override
  public String toString() {
    return field.name() + " " + direction.name();
  }
}
