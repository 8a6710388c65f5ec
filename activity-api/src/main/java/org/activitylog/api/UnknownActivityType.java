package org.activitylog.api;

/**
 * A stored type whose code no type in the reading backend's {@link ActivityCatalogue} claims: a
 * host type that was not registered with the store, or one written by another application. The
 * activity reads normally; its type keeps the code, so it can be filtered on, updated and written
 * back unchanged. Register the host enum with {@link ActivityCatalogue#with(Class)} to read the
 * host's constant instead.
 *
 * @param code the stored code
 */
public record UnknownActivityType(String code) implements ActivityKind {

  /**
   * Checks the code.
   *
   * @param code the stored code
   * @throws ValidationException when it is not a code a backend stores
   */
  public UnknownActivityType {
    ActivityKind.checkCode(code);
  }

  /** {@return the code, since no registered type gives a label} */
  @Override
  public String label() {
    return code;
  }
}
