package org.activitylog.core;

import org.activitylog.api.Activity;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The facade's own argument checks. The API module's internal checks are not used here on purpose:
 * reaching them needs a qualified export, which fails at run time when this module is loaded from
 * the class path beside an API module on the module path.
 */
final class Arguments {
  private Arguments() {}

  /** {@return the value, or throws naming the field when it is missing} */
  static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    return value;
  }

  /**
   * {@return the name, when it fits the audit fields it is written to} A lone surrogate is refused
   * here, where the requester is built, rather than later under the name of an audit field.
   */
  static @Nullable String auditName(String field, @Nullable String name) {
    if (name == null) {
      return null;
    }
    if (name.length() > Activity.MAX_AUDIT_NAME) {
      throw new ValidationException(
          field, "must be at most " + Activity.MAX_AUDIT_NAME + " characters");
    }
    if (name.codePoints()
        .anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
      throw new ValidationException(field, "must not contain an unpaired UTF-16 surrogate");
    }
    return name;
  }
}
