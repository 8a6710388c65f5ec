package org.activitylog.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.activitylog.api.internal.Ascii;

/**
 * What to send back: status, content type, extra headers and body. The host framework copies each
 * part onto its own response object.
 *
 * <p>Two responses are equal only when they share the same body array; compare bodies with {@link
 * #bodyText()}.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type}, with charset; empty when there is no body
 * @param headers further headers, such as {@code ETag}, {@code Location} or {@code Allow}
 * @param body the body bytes; empty for none
 */
// Bytes are what every web framework writes; the identity equality that follows is documented
// above, and the body is copied in and out.
@SuppressWarnings("ArrayRecordComponent")
public record ApiResponse(
    int status, String contentType, Map<String, String> headers, byte[] body) {

  /**
   * Copies the headers and body.
   *
   * @param status the HTTP status code
   * @param contentType the {@code Content-Type}, with charset; empty when there is no body
   * @param headers further headers, such as {@code ETag}, {@code Location} or {@code Allow}
   * @param body the body bytes; empty for none
   */
  public ApiResponse {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  /**
   * {@return a response with a text body, encoded as UTF-8}
   *
   * @param status the HTTP status code
   * @param contentType the content type, with {@code charset=UTF-8}
   * @param headers further headers
   * @param body the body text
   */
  public static ApiResponse text(
      int status, String contentType, Map<String, String> headers, String body) {
    return new ApiResponse(status, contentType, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@return a response without a body, such as {@code 204 No Content}}
   *
   * @param status the HTTP status code
   * @param headers further headers
   */
  public static ApiResponse empty(int status, Map<String, String> headers) {
    return new ApiResponse(status, "", headers, new byte[0]);
  }

  /**
   * {@return a further header's value, by name in any case}
   *
   * @param name the header name
   */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> Ascii.equalsIgnoreCase(e.getKey(), name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** {@return the body; a copy, since arrays are mutable} */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** {@return the body as UTF-8 text} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
