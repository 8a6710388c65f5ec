package org.activitylog.http.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activitylog.api.internal.Ascii;

/** Reads the token of an {@code Authorization: Bearer <token>} header (RFC 6750). */
public final class BearerToken {
  /** The challenge sent with every 401. */
  public static final String CHALLENGE = "Bearer realm=\"activitylog\"";

  private static final String SCHEME = "bearer ";

  private BearerToken() {}

  /**
   * The bearer token of a request's {@code Authorization} header values.
   *
   * @param values every {@code Authorization} header value of the request
   * @return the token, or empty when there is no header (an anonymous request)
   * @throws HttpProblem 401 when the header is not a single {@code Bearer <token>}
   */
  public static Optional<String> from(List<String> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw invalid("Authorization must be given once");
    }
    String value = values.get(0).strip();
    if (value.length() <= SCHEME.length()
        || !Ascii.equalsIgnoreCase(value.substring(0, SCHEME.length()), SCHEME)) {
      throw invalid("Authorization must be \"Bearer <token>\"");
    }
    String token = value.substring(SCHEME.length()).strip();
    if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw invalid("Authorization must be \"Bearer <token>\"");
    }
    return Optional.of(token);
  }

  /**
   * The 401 for a token the host does not know.
   *
   * @return the problem to throw
   */
  public static HttpProblem unknown() {
    return new HttpProblem(
        401,
        "The bearer token is not valid",
        null,
        Map.of("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\""));
  }

  private static HttpProblem invalid(String message) {
    return new HttpProblem(
        401,
        message,
        "Authorization",
        Map.of("WWW-Authenticate", CHALLENGE + ", error=\"invalid_request\""));
  }
}
