package org.activitylog.http.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A failure that belongs to HTTP rather than to the library: a wrong method, a body too large or of
 * the wrong type, a bad token, a failed precondition. Its message is shown to the client.
 */
public final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable String field;
  private final Map<String, String> headers;

  /**
   * Creates a problem.
   *
   * @param status the HTTP status
   * @param message what went wrong, shown to the client
   * @param field the header, parameter or body part at fault, or null
   * @param headers headers the answer must carry, such as {@code Allow}
   */
  public HttpProblem(
      int status, String message, @Nullable String field, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
    this.headers = Map.copyOf(headers);
  }

  /** {@return the HTTP status} */
  public int status() {
    return status;
  }

  /** {@return the header, parameter or body part at fault, or null} */
  public @Nullable String field() {
    return field;
  }

  /** {@return headers the answer must carry} */
  public Map<String, String> headers() {
    return headers;
  }
}
