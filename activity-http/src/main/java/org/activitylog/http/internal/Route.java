package org.activitylog.http.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request path resolved to an endpoint, with the id segment when the endpoint has one. Paths
 * match with or without a trailing slash, since AISquare writes one and Brightidea does not.
 *
 * @param endpoint the endpoint
 * @param id the id segment exactly as sent (not yet checked), or null for collection endpoints
 */
public record Route(Endpoint endpoint, @Nullable String id) {

  private static final String BRIGHTIDEA = "/api3/activity";
  private static final String AISQUARE = "/api/v1/activity";

  /**
   * The route of a decoded request path.
   *
   * @param path the path, such as {@code /api/v1/activity/1/}
   * @return the route, or empty when no endpoint lives at that path
   */
  public static Optional<Route> match(String path) {
    String p =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (p.equals(BRIGHTIDEA)) {
      return Optional.of(new Route(Endpoint.BRIGHTIDEA_LIST, null));
    }
    if (p.equals(AISQUARE)) {
      return Optional.of(new Route(Endpoint.AISQUARE_COLLECTION, null));
    }
    return item(p, BRIGHTIDEA, Endpoint.BRIGHTIDEA_ONE)
        .or(() -> item(p, AISQUARE, Endpoint.AISQUARE_ONE));
  }

  private static Optional<Route> item(String path, String base, Endpoint endpoint) {
    if (!path.startsWith(base + "/")) {
      return Optional.empty();
    }
    String id = path.substring(base.length() + 1);
    return id.isEmpty() || id.indexOf('/') >= 0
        ? Optional.empty()
        : Optional.of(new Route(endpoint, id));
  }
}
