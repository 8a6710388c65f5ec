package org.activitylog.api;

import org.activitylog.api.internal.Checks;

/**
 * What an activity records, as the model sees it: the seeds' {@link ActivityType} or a type a host
 * application defines in an enum of its own, as {@code StandardOpenOption implements OpenOption}.
 *
 * <pre>{@code
 * enum ShopActivity implements ActivityKind {
 *   ORDER_PLACED("shop.order_placed", "Order Placed");
 *   ...
 * }
 * }</pre>
 *
 * <p>The {@link #code()} is a type's identity: backends store and filter the code, and two kinds
 * with the same code are the same type to every backend ({@link #sameCode(ActivityKind)}). A
 * backend reading a stored code rebuilds the kind through the {@link ActivityCatalogue} it was
 * built with; a code no registered type claims reads as an {@link UnknownActivityType}.
 */
public interface ActivityKind {

  /** The longest code a backend stores. */
  int MAX_CODE = 32;

  /**
   * {@return the stored and wire value: 1 to {@value #MAX_CODE} ASCII letters, digits, {@code _},
   * {@code -}, {@code .} or {@code :}}
   */
  String code();

  /** {@return a human-readable label} */
  String label();

  /**
   * {@return whether the other kind is the same type: whether the codes are equal}
   *
   * @param other another kind
   */
  default boolean sameCode(ActivityKind other) {
    return code().equals(other.code());
  }

  /**
   * {@return the code, when it is one every backend can store}
   *
   * @param code a code
   * @throws ValidationException naming {@code activity_type} otherwise
   */
  static String checkCode(String code) {
    Checks.required("activity_type", code);
    if (code.isEmpty() || code.length() > MAX_CODE) {
      throw new ValidationException(
          "activity_type", "must be 1 to " + MAX_CODE + " characters", code);
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.'
              || c == ':';
      if (!allowed) {
        throw new ValidationException(
            "activity_type", "must be ASCII letters, digits, _, -, . or :", code);
      }
    }
    return code;
  }
}
