package org.activitylog.api;

import java.util.Comparator;
import java.util.Locale;
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
    /** The numeric id, which grows with insertion order. */
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
   * Parses Brightidea's SQL-style {@code order} text: a field ({@code id} or {@code date_created})
   * optionally followed by {@code ASC} or {@code DESC}, case-insensitive. A field alone is
   * ascending, as in SQL. Blank text gives {@link #DEFAULT}.
   *
   * @param text the order text, for example {@code "date_created ASC"}
   * @return the sort; the default one for blank text
   * @throws ValidationException naming {@code order} for anything else
   */
  public static Sort parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return DEFAULT;
    }
    String[] words = trimmed.split("\\s+", -1);
    if (words.length > 2) {
      throw invalid(text);
    }
    Field field =
        switch (words[0].toLowerCase(Locale.ROOT)) {
          case "id" -> Field.ID;
          case "date_created" -> Field.DATE_CREATED;
          default -> throw invalid(text);
        };
    if (words.length == 1) {
      return new Sort(field, Direction.ASC);
    }
    Direction direction =
        switch (words[1].toUpperCase(Locale.ROOT)) {
          case "ASC" -> Direction.ASC;
          case "DESC" -> Direction.DESC;
          default -> throw invalid(text);
        };
    return new Sort(field, direction);
  }

  /** {@return the order as a comparator of activities, including the id tie-break} */
  public Comparator<Activity> comparator() {
    Comparator<Activity> ascending =
        field == Field.ID
            ? Comparator.comparingLong(Activity::id)
            : Comparator.comparing(Activity::createdAt).thenComparingLong(Activity::id);
    return direction == Direction.ASC ? ascending : ascending.reversed();
  }

  /** The order as the seed writes it, for example {@code date_created DESC}. */
  @Override
  public String toString() {
    return field.wireName() + " " + direction.name();
  }

  private static ValidationException invalid(String text) {
    return new ValidationException(
        "order", "must be \"id\" or \"date_created\", optionally followed by ASC or DESC", text);
  }
}
