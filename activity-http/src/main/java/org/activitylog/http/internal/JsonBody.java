package org.activitylog.http.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.activitylog.api.ValidationException;
import org.activitylog.api.internal.Ascii;
import org.activitylog.http.ApiRequest;

/** Checks and decodes the JSON body of a {@code PUT} or {@code POST}. */
public final class JsonBody {
  private JsonBody() {}

  /**
   * {@return the body as text, after checking its size, its content type and its encoding}
   *
   * @param request the request
   * @param maxBytes the largest body accepted
   * @throws HttpProblem 413 when the body is larger than {@code maxBytes}; 415 when the content
   *     type is not JSON in UTF-8
   * @throws ValidationException naming {@code body} when the bytes are not UTF-8
   */
  public static String read(ApiRequest request, int maxBytes) {
    byte[] body = request.body();
    if (body.length > maxBytes
        || request.header("Content-Length").map(v -> declaredTooLarge(v, maxBytes)).orElse(false)) {
      throw new HttpProblem(
          413, "The body must be at most " + maxBytes + " bytes", "body", Map.of());
    }
    checkContentType(request.header("Content-Type"));
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ValidationException("body", "must be UTF-8 text");
    }
  }

  private static boolean declaredTooLarge(String value, int maxBytes) {
    try {
      return Long.parseLong(value.strip()) > maxBytes;
    } catch (NumberFormatException e) {
      return false; // the body's real length is checked anyway
    }
  }

  /** Accepts {@code application/json} and {@code application/*+json}, in UTF-8 if a charset. */
  private static void checkContentType(Optional<String> header) {
    if (header.isEmpty()) {
      throw unsupported("Content-Type is required: send application/json");
    }
    // The limit keeps empty parts, so a header of only ";" still has a first (empty) part.
    String[] parts = header.get().split(";", -1);
    String type = Ascii.toLowerCase(parts[0].strip());
    boolean json =
        type.equals("application/json")
            || (type.startsWith("application/") && type.endsWith("+json"));
    if (!json) {
      throw unsupported("Content-Type must be application/json");
    }
    for (int i = 1; i < parts.length; i++) {
      String[] param = parts[i].split("=", 2);
      if (Ascii.equalsIgnoreCase(param[0].strip(), "charset")) {
        String charset = param.length > 1 ? param[1].strip().replace("\"", "") : "";
        if (!Ascii.equalsIgnoreCase(charset, "utf-8") && !Ascii.equalsIgnoreCase(charset, "utf8")) {
          throw unsupported("Content-Type must be application/json in UTF-8");
        }
      }
    }
  }

  private static HttpProblem unsupported(String message) {
    return new HttpProblem(415, message, "Content-Type", Map.of());
  }
}
