package org.activitylog.api.internal;

/**
 * Case rules for protocol tokens (parameter values, media types, header names, formats, booleans):
 * only the 26 ASCII letters have a case. {@link String#toUpperCase} and {@link
 * String#equalsIgnoreCase} follow Unicode instead, so {@code "aſc"} (long s) would equal {@code
 * "ASC"} and {@code "ıd"} (dotless i) would equal {@code "ID"}; a token must not match through such
 * letters.
 */
public final class Ascii {
  private Ascii() {}

  /**
   * {@return the text with {@code a}–{@code z} made upper case and every other character kept}
   *
   * @param text the text
   */
  public static String toUpperCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'a' && c <= 'z') {
        chars[i] = (char) (c - ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /**
   * {@return the text with {@code A}–{@code Z} made lower case and every other character kept}
   *
   * @param text the text
   */
  public static String toLowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /**
   * {@return whether two texts are equal when ASCII letters are compared without case; every other
   * character must be identical}
   *
   * @param a one text
   * @param b the other
   */
  public static boolean equalsIgnoreCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (lower(a.charAt(i)) != lower(b.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
