package org.activitylog.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activitylog.api.internal.Ascii;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as any web framework can describe it: method, path, query parameters, headers and
 * body. Header names are matched case-insensitively.
 *
 * <pre>{@code
 * ApiRequest request = ApiRequest.of("GET", "/api3/activity", "page_size=2&type=POST_UPDATE",
 *     Map.of("Authorization", List.of("Bearer " + token)), new byte[0]);
 * }</pre>
 *
 * <p>Two requests are equal only when they share the same body array; compare bodies with {@link
 * java.util.Arrays#equals(byte[], byte[])}.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param path the decoded path, without the query string, such as {@code /api3/activity}
 * @param query the query parameters, each name with its values in order
 * @param headers the headers, each name with its values in order
 * @param body the request body; empty when there is none
 */
// Bytes are what every web framework hands over; the identity equality that follows is
// documented above, and the body is copied in and out.
@SuppressWarnings("ArrayRecordComponent")
public record ApiRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    byte[] body) {

  /**
   * Copies everything; header names are stored lower-case.
   *
   * @param method the HTTP method, such as {@code GET}
   * @param path the decoded path, without the query string, such as {@code /api3/activity}
   * @param query the query parameters, each name with its values in order
   * @param headers the headers, each name with its values in order
   * @param body the request body; empty when there is none
   */
  public ApiRequest {
    method = Ascii.toUpperCase(method);
    query = copy(query, false);
    headers = copy(headers, true);
    body = body.clone();
  }

  /**
   * {@return a request from the parts a web framework usually hands over}
   *
   * @param method the HTTP method
   * @param path the decoded path, without the query string
   * @param rawQuery the raw (still encoded) query string, such as {@code page=2&type=POST_IDEA}, or
   *     null for none
   * @param headers the headers, each name with its values
   * @param body the body; empty for none
   */
  public static ApiRequest of(
      String method,
      String path,
      @Nullable String rawQuery,
      Map<String, List<String>> headers,
      byte[] body) {
    return new ApiRequest(method, path, parseQuery(rawQuery), headers, body);
  }

  /**
   * Decodes a raw query string ({@code a=1&b=x%20y}) into parameters.
   *
   * @param rawQuery the raw query, or null or empty for none
   * @return the parameters by name, each with its values in order; empty for no query
   */
  public static Map<String, List<String>> parseQuery(@Nullable String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  /**
   * {@return the first value of a query parameter}
   *
   * @param name the parameter name, case-sensitive
   */
  public Optional<String> parameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * {@return the first value of a header}
   *
   * @param name the header name, in any case
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(Ascii.toLowerCase(name));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * {@return every value of a query parameter, in order}
   *
   * @param name the parameter name, case-sensitive
   */
  public List<String> parameters(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** {@return the body; a copy, since arrays are mutable} */
  @Override
  public byte[] body() {
    return body.clone();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a malformed escape is kept as sent; parameter checks then reject it by name
    }
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> in, boolean lower) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    in.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            out.computeIfAbsent(lower ? Ascii.toLowerCase(k) : k, x -> new ArrayList<>())
                .addAll(v.stream().filter(s -> s != null).toList());
          }
        });
    out.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(out);
  }
}
