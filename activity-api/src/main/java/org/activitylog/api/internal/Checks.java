package org.activitylog.api.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/** Field checks shared by the value types; every failure names the field and the rule. */
public final class Checks {
  /** The characters of a dot-atom's atoms besides ASCII letters and digits (RFC 5322). */
  private static final String ATOM_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

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
    if (value != null && (value.length() > MAX_EMAIL || !isEmail(value))) {
      throw new ValidationException(
          field, "must be an e-mail address like name@example.com", value);
    }
    return value;
  }

  /**
   * Whether an address is a dot-atom local part, one {@code @} and a domain of dot-separated labels
   * of letters, digits and inner hyphens. A hand-written scan rather than a regular expression:
   * every stored actor is checked again when it is read, and the expression cost about a tenth of
   * reading a row.
   */
  private static boolean isEmail(String value) {
    int at = value.indexOf('@');
    return at > 0 && isDotAtom(value, 0, at) && isDomain(value, at + 1, value.length());
  }

  /** Atoms of {@link #isAtomChar} characters joined by single dots, none empty. */
  private static boolean isDotAtom(String s, int from, int to) {
    boolean atomStart = true;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (atomStart) {
          return false;
        }
        atomStart = true;
      } else if (isAtomChar(c)) {
        atomStart = false;
      } else {
        return false;
      }
    }
    return !atomStart;
  }

  /** Labels joined by single dots, each as {@link #isLabel} says. */
  private static boolean isDomain(String s, int from, int to) {
    int labelStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || s.charAt(i) == '.') {
        if (!isLabel(s, labelStart, i)) {
          return false;
        }
        labelStart = i + 1;
      }
    }
    return true;
  }

  /** ASCII letters, digits and hyphens, at least one character, no hyphen first or last. */
  private static boolean isLabel(String s, int from, int to) {
    if (from == to || !isAsciiLetterOrDigit(s.charAt(from))) {
      return false;
    }
    if (!isAsciiLetterOrDigit(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (c != '-' && !isAsciiLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAtomChar(char c) {
    return isAsciiLetterOrDigit(c) || ATOM_SYMBOLS.indexOf(c) >= 0;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
