package org.activitylog.api.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/** Field checks shared by the value types; every failure names the field and the rule. */
public final class Checks {
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
  private static final int MAX_EMAIL = 254;

  private Checks() {}

  /**
   * {@return the value, or throws naming the field when it is missing}
   *
   * @param <T> the value's type
   * @param field the field the error names
   * @param value the value to check
   */
  public static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    return value;
  }

  /**
   * {@return the text when it is at most {@code max} characters long, or null when absent}
   *
   * @param field the field the error names
   * @param value the text, or null
   * @param max the most characters allowed
   */
  public static @Nullable String maxLength(String field, @Nullable String value, int max) {
    if (value != null && value.length() > max) {
      throw new ValidationException(field, "must be at most " + max + " characters");
    }
    return value;
  }

  /**
   * {@return a present, non-blank text of at most {@code max} characters}
   *
   * @param field the field the error names
   * @param value the text to check
   * @param max the most characters allowed
   */
  public static String requiredText(String field, @Nullable String value, int max) {
    String text = required(field, value);
    if (text.isBlank()) {
      throw new ValidationException(field, "must not be blank");
    }
    if (text.length() > max) {
      throw new ValidationException(field, "must be at most " + max + " characters");
    }
    return text;
  }

  /**
   * {@return the address when it is absent or looks like an e-mail address}
   *
   * @param field the field the error names
   * @param value the address, or null
   */
  public static @Nullable String email(String field, @Nullable String value) {
    if (value != null && (value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches())) {
      throw new ValidationException(
          field, "must be an e-mail address like name@example.com", value);
    }
    return value;
  }

  /**
   * {@return the number when it is zero or more}
   *
   * @param field the field the error names
   * @param value the number to check
   */
  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new ValidationException(field, "must be zero or more", value);
    }
    return value;
  }

  /**
   * Truncates an instant to microseconds, the finest precision SQL timestamps keep, so that a
   * stored activity equals the one that was written on every backend.
   *
   * @param instant the instant, or null
   * @return the truncated instant, or null for null
   */
  public static @Nullable Instant micros(@Nullable Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
