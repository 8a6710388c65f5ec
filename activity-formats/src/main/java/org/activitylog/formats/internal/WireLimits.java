package org.activitylog.formats.internal;

/** The bounds every body read is checked against before any of it is mapped. */
public final class WireLimits {
  /** The longest body read, in characters. */
  public static final int MAX_BODY_CHARS = 4 * 1024 * 1024;

  /** The deepest nesting of objects and arrays (or XML elements) in a body. */
  public static final int MAX_NESTING = 64;

  /** The most digits of one number. */
  public static final int MAX_NUMBER_LENGTH = 100;

  private WireLimits() {}
}
