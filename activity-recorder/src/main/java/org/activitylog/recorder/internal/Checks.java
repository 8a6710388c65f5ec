package org.activitylog.recorder.internal;

import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The two argument checks the recorder's types need, failing as the model's do. The recorder keeps
 * its own rather than reading the API module's internal package: a qualified export reaches only
 * the named module, so a recorder on the class path beside an API module on the module path (a
 * modular backend's tests, for one) could not load them.
 */
public final class Checks {
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
}
