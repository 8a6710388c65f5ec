package org.activitylog.api.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/** Field checks shared by the value types; every failure names the field and the rule. */
public final class Checks {
  /** An atom of a dot-atom (RFC 5322): ASCII letters, digits and these symbols. */
  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

  /** A domain label: ASCII letters, digits and inner hyphens. */
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";

  /**
   * A dot-atom local part, one {@code @} and a domain of dot-separated labels. Checked where an
   * address enters only (a stored actor is trusted), so a plain expression is cheap enough.
   */
  private static final Pattern EMAIL =
      Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")*");

  private static final int MAX_EMAIL = 254;

  /** The most significant digits of a number; more than any JSON client keeps. */
  public static final int MAX_NUMBER_DIGITS = 100;

  /** The largest decimal exponent of a number in scientific notation, as a double allows. */
  public static final int MAX_NUMBER_EXPONENT = 308;

  private static final String WEB_URL_RULE =
      "must be an absolute http or https URL like https://example.com/picture.png";

  private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);

  private static final Instant MIN_TIME = Instant.parse("0001-01-02T00:00:00Z");

  private static final Instant MAX_TIME = Instant.parse("9999-12-31T00:00:00Z");

  private static final String TIME_RULE =
      "must be from "
          + MIN_TIME
          + " to before "
          + MAX_TIME
          + ", so every zone writes a 4-digit year";

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
    return text(field, value);
  }

  /**
   * {@return the text when it is absent or well-formed UTF-16: every surrogate paired} A lone
   * surrogate is no character: a JSON writer prints it as {@code ?} and an XML writer as U+FFFD, so
   * what was stored could never be read back as it was given.
   *
   * @param field the field the error names
   * @param value the text, or null
   */
  public static @Nullable String text(String field, @Nullable String value) {
    if (value != null) {
      int at = unpairedSurrogate(value);
      if (at >= 0) {
        // The value is not echoed: it cannot be printed faithfully.
        throw new ValidationException(
            field, "must not contain an unpaired UTF-16 surrogate (at index " + at + ")");
      }
    }
    return value;
  }

  /**
   * {@return an object key when it is well-formed UTF-16} The error names the object, not the key,
   * which cannot be printed faithfully.
   *
   * @param field the object's field, which the error names
   * @param key the key
   */
  public static String key(String field, String key) {
    if (unpairedSurrogate(key) >= 0) {
      throw new ValidationException(field, "must not have a key with an unpaired UTF-16 surrogate");
    }
    return key;
  }

  /**
   * {@return the index of the first surrogate that is not part of a pair, or -1 when there is none}
   *
   * @param s the text
   */
  public static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@return the number when every JSON client reads it back as the same value} That is: at most
   * {@value #MAX_NUMBER_DIGITS} significant digits, a decimal exponent (in scientific notation)
   * from -{@value #MAX_NUMBER_EXPONENT} to {@value #MAX_NUMBER_EXPONENT}, and a magnitude a double
   * can hold. A client that reads numbers as doubles would read {@code 1e400} as infinity and
   * {@code 1e-400} as zero; a client that reads them exactly could be made to build numbers of
   * billions of digits.
   *
   * @param field the field the error names
   * @param value the number
   */
  public static BigDecimal number(String field, BigDecimal value) {
    if (value.precision() > MAX_NUMBER_DIGITS) {
      throw new ValidationException(
          field, "must have at most " + MAX_NUMBER_DIGITS + " significant digits");
    }
    long exponent = (long) value.precision() - value.scale() - 1;
    if (exponent < -MAX_NUMBER_EXPONENT
        || exponent > MAX_NUMBER_EXPONENT
        || value.abs().compareTo(MAX_DOUBLE) > 0) {
      throw new ValidationException(
          field,
          "must be a number a double can hold: zero or a magnitude from 1e-"
              + MAX_NUMBER_EXPONENT
              + " to 1.7976931348623157e308",
          value);
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
    String text = required(field, text(field, value));
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
   * {@return the address when it is absent or an absolute {@code http} or {@code https} URI with a
   * host} Feeds render such an address as an image source, so no other scheme ({@code javascript:},
   * {@code data:}, {@code file:}…) and no relative reference is taken.
   *
   * @param field the field the error names
   * @param value the address, or null
   */
  public static @Nullable String webUrl(String field, @Nullable String value) {
    if (value == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new ValidationException(field, WEB_URL_RULE, value);
    }
    // java.net.URI admits only ASCII letters in a scheme, so lower-casing it folds ASCII only.
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new ValidationException(field, WEB_URL_RULE, value);
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
   * {@return a stored time, truncated to microseconds as {@link #micros} does, when it lies in the
   * range every wire format can write} RFC 3339 and Brightidea's {@code yyyy-MM-dd} have four-digit
   * years; the range keeps a day's margin at both ends, so a time written in any zone (offsets up
   * to 18 hours) stays from year 1 to 9999.
   *
   * @param field the field the error names
   * @param instant the time, or null
   */
  public static @Nullable Instant time(String field, @Nullable Instant instant) {
    if (instant != null && (instant.isBefore(MIN_TIME) || !instant.isBefore(MAX_TIME))) {
      throw new ValidationException(field, TIME_RULE, instant);
    }
    return micros(instant);
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
