package org.activitylog.api;

import org.activitylog.api.internal.Ascii;
import org.activitylog.api.internal.Checks;

/**
 * The order of a listing: by {@code id} or {@code date_created}, ascending or descending. Ties are
 * broken by id in the same direction, so pages never overlap or skip. Only these two fields exist,
 * so no user text ever reaches a query.
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
     * The numeric id, which grows with insertion order: {@code order=id} lists activities in the
     * order they were stored, not by the uid that Brightidea answers show as {@code id}.
     * Deliberate: uids a client sends are often random (version 4), so their order means nothing;
     * they are not meant to be unique across workspace groups, so they alone cannot break ties or
     * carry a keyset cursor; and Java compares UUIDs as signed numbers while databases and the
     * written text compare them unsigned. Uids the library generates are time-ordered (version 7),
     * so for those the two orders agree to within a millisecond.
     */
    ID("id"),
    /** The creation time, then the id. */
    DATE_CREATED("date_created");

    private final String wireName;

    Field(String wireName) {
      this.wireName = wireName;
    }

    /** {@return the name in an {@code order} parameter} */
    public String wireName() {
      return wireName;
    }
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

  /**
   * Parses Brightidea's SQL-style {@code order} text. The accepted grammar, and nothing else:
   *
   * <pre>
   * order     = field [ " " direction ]
   * field     = "id" / "date_created"
   * direction = "ASC" / "DESC"
   * </pre>
   *
   * <p>Letters compare in any ASCII case ({@code DATE_CREATED desc}); no other letter stands in for
   * one ({@code aſc} with a long s is not {@code asc}). The field and the direction are separated
   * by exactly one space ({@code +} or {@code %20} in a URL); tabs, line breaks, leading or
   * trailing space are refused. A field alone is ascending, as in SQL. Empty text is refused too: a
   * caller that wants the default passes no order at all and uses {@link #DEFAULT}.
   *
   * @param text the order text, for example {@code "date_created ASC"}
   * @return the sort
   * @throws ValidationException naming {@code order} for anything else
   */
  public static Sort parse(String text) {
    int space = text.indexOf(' ');
    String fieldText = space < 0 ? text : text.substring(0, space);
    Field field;
    if (Ascii.equalsIgnoreCase(fieldText, Field.ID.wireName())) {
      field = Field.ID;
    } else if (Ascii.equalsIgnoreCase(fieldText, Field.DATE_CREATED.wireName())) {
      field = Field.DATE_CREATED;
    } else {
      throw invalid(text);
    }
    if (space < 0) {
      return new Sort(field, Direction.ASC);
    }
    String directionText = text.substring(space + 1);
    for (Direction direction : Direction.values()) {
      if (Ascii.equalsIgnoreCase(directionText, direction.name())) {
        return new Sort(field, direction);
      }
    }
    throw invalid(text);
  }

  /** The order as the seed writes it, for example {@code date_created DESC}. */
  @Override
  public String toString() {
    return field.wireName() + " " + direction.name();
  }

  private static ValidationException invalid(String text) {
    return new ValidationException(
        "order",
        "must be \"id\" or \"date_created\", optionally followed by one space and ASC or DESC",
        text);
  }
}
