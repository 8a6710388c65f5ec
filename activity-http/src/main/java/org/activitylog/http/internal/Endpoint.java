package org.activitylog.http.internal;

import java.util.List;

/** The endpoints the adapter serves, each with the methods it allows. */
public enum Endpoint {
  /** {@code /api3/activity}: Brightidea's LIST activity. */
  BRIGHTIDEA_LIST(true, List.of("GET")),
  /** {@code /api3/activity/{id}}: Brightidea's GET activity, by uid. */
  BRIGHTIDEA_ONE(true, List.of("GET")),
  /** {@code /api/v1/activity/}: records an activity. */
  AISQUARE_COLLECTION(false, List.of("POST")),
  /** {@code /api/v1/activity/{id}/}: AISquare's retrieve, update and soft delete, by id. */
  AISQUARE_ONE(false, List.of("GET", "PUT", "DELETE"));

  private final boolean brightidea;

  // Always a List.of, which cannot change; Error Prone only trusts types it knows are immutable.
  @SuppressWarnings("ImmutableEnumChecker")
  private final List<String> methods;

  Endpoint(boolean brightidea, List<String> methods) {
    this.brightidea = brightidea;
    this.methods = methods;
  }

  /**
   * {@return whether the endpoint speaks Brightidea api3, which takes a {@code format} parameter}
   */
  public boolean isBrightidea() {
    return brightidea;
  }

  /**
   * {@return whether the endpoint serves a method; {@code HEAD} wherever {@code GET} is served}
   *
   * @param method the upper-case HTTP method
   */
  public boolean allows(String method) {
    return methods.contains(method) || (method.equals("HEAD") && methods.contains("GET"));
  }

  /** {@return the {@code Allow} header's value, such as {@code GET, HEAD, PUT, DELETE}} */
  public String allowHeader() {
    return String.join(", ", methods).replace("GET", "GET, HEAD");
  }
}
