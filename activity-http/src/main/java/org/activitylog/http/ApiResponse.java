package org.activitylog.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What to send back: status, content type, extra headers and body.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type}, with charset; empty for no body
 * @param headers further headers, such as {@code ETag}
 * @param body the body bytes; empty for none
 */
public record ApiResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

  /** Copies the headers and body. */
  public ApiResponse {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  /** The body; a copy, since arrays are mutable. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
