package org.activitylog.formats.internal;

/**
 * Makes any Java string writable as XML 1.0 character data. XML 1.0 cannot carry most control
 * characters, U+FFFE, U+FFFF or unpaired surrogates at all, not even escaped; each is replaced by
 * U+FFFD so the document stays well-formed and the reader sees that something was there. Everything
 * else is escaped by the XML writer.
 */
public final class XmlText {
  /** What replaces a character XML 1.0 cannot carry. */
  public static final char REPLACEMENT = '\uFFFD';

  private XmlText() {}

  /**
   * {@return the text with every character XML 1.0 cannot carry replaced}
   *
   * @param text any text
   */
  public static String sanitize(String text) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      boolean allowed = isAllowed(cp);
      if (!allowed && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        if (allowed) {
          out.appendCodePoint(cp);
        } else {
          out.append(REPLACEMENT);
        }
      }
      i += width;
    }
    return out == null ? text : out.toString();
  }

  /**
   * XML 1.0's {@code Char} production. An unpaired surrogate arrives as a code point of its own.
   */
  private static boolean isAllowed(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
