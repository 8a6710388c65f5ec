package org.activitylog.testkit;

import org.activitylog.api.ActivityKind;

/**
 * Types a host application defines, as the contracts record them: every backend must store, read
 * back and filter them. Their codes start with {@code testkit.}, which no seed type uses. The
 * contracts do not ask the store to register them, so a store built with the standard catalogue
 * reads them back as {@link org.activitylog.api.UnknownActivityType}s of the same code, and one
 * built with {@code ActivityCatalogue.standard().with(TestActivityTypes.class)} as these constants;
 * either passes.
 */
public enum TestActivityTypes implements ActivityKind {
  /** Code {@code testkit.order_placed}. */
  ORDER_PLACED("testkit.order_placed", "Order Placed"),
  /** Code {@code testkit.order_shipped}. */
  ORDER_SHIPPED("testkit.order_shipped", "Order Shipped");

  private final String code;
  private final String label;

  TestActivityTypes(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }
}
