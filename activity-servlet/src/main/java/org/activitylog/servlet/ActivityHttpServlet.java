package org.activitylog.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.activitylog.http.ActivityHttpApi;
import org.activitylog.http.ApiRequest;
import org.activitylog.http.ApiResponse;
import org.jspecify.annotations.Nullable;

/**
 * Serves an {@link ActivityHttpApi} as a servlet: every method of every request under its mapping
 * goes to the API, and the API's status, headers and body come back unchanged. Mount it under a
 * path mapping such as {@code /activitylog/*}, and the API's endpoints answer below it ({@code
 * /activitylog/api3/activity}); mounted as the default servlet ({@code /}) they answer at the
 * context root.
 *
 * <pre>{@code
 * ActivityHttpApi api = ActivityHttpApi.builder(log).authenticator(tokens).build();
 * ServletRegistration.Dynamic servlet =
 *     context.addServlet("activitylog", new ActivityHttpServlet(api));
 * servlet.addMapping("/activitylog/*");
 * }</pre>
 *
 * <ul>
 *   <li>The path the API sees is the part after the mapping: the path info of a path mapping, the
 *       servlet path of the default or an exact mapping; decoded by the container.
 *   <li>The query string is the raw one, decoded by {@link ApiRequest#parseQuery} exactly as the
 *       reference server does; the container's own parameter parsing (which would also read form
 *       bodies) is never used, so a repeated parameter is seen as repeated.
 *   <li>The body is read up to one byte over {@link ActivityHttpApi#maxBodyBytes()}, enough for the
 *       API to answer 413; the rest is left to the container.
 *   <li>{@code HEAD} goes to the API too, which answers with the headers of a {@code GET} and the
 *       {@code Content-Length} its body would have had.
 *   <li>A {@code Location} the API gives as an absolute path ({@code /api/v1/activity/5/}) is
 *       prefixed with the mount path (context path and servlet path), so a client can follow it.
 * </ul>
 *
 * <p>The container may write the {@code Content-Type}'s parameters its own way (Jetty writes {@code
 * application/json;charset=utf-8} for the API's {@code application/json; charset=UTF-8}), which RFC
 * 9110 makes equal. Answers the container gives before the servlet runs (a malformed request line,
 * a path it refuses as ambiguous) are the container's own error pages. Thread-safe when the API is.
 */
public class ActivityHttpServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(ActivityHttpServlet.class.getName());

  /** Servlets are serializable by contract; the API is not, and is never sent anywhere. */
  private final transient ActivityHttpApi api;

  /**
   * Serves an API.
   *
   * @param api the endpoints every request goes to
   */
  public ActivityHttpServlet(ActivityHttpApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /**
   * Answers every method, {@code HEAD} and {@code OPTIONS} included, through the API rather than
   * {@link HttpServlet}'s own dispatch, so statuses such as 405 and its {@code Allow} header are
   * the API's.
   *
   * @param request the request
   * @param response the response
   * @throws IOException when reading the body or writing the answer fails
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ApiRequest apiRequest = apiRequest(request);
    ApiResponse answer;
    try {
      answer = api.handle(apiRequest);
    } catch (RuntimeException e) {
      // The API answers every failure itself, so this is a bug; the client gets a bare 500.
      LOG.log(System.Logger.Level.ERROR, "Request failed outside the activitylog API", e);
      answer = ApiResponse.empty(500, Map.of());
    }
    write(request, answer, response);
  }

  private ApiRequest apiRequest(HttpServletRequest request) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(api.maxBodyBytes() + 1);
    }
    return ApiRequest.of(
        request.getMethod(), apiPath(request), request.getQueryString(), headers, body);
  }

  /** The path below the mount, as the API's routes expect it. */
  private static String apiPath(HttpServletRequest request) {
    @Nullable String info = request.getPathInfo();
    String path;
    if (isPathMapping(request)) {
      path = info == null ? "" : info;
    } else {
      path = request.getServletPath() + (info == null ? "" : info);
    }
    return path.isEmpty() ? "/" : path;
  }

  /** The URL path the servlet is mounted at, without a trailing slash. */
  private static String mountPath(HttpServletRequest request) {
    return request.getContextPath() + (isPathMapping(request) ? request.getServletPath() : "");
  }

  private static boolean isPathMapping(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    return mapping != null && mapping.getMappingMatch() == MappingMatch.PATH;
  }

  private static void write(
      HttpServletRequest request, ApiResponse answer, HttpServletResponse response)
      throws IOException {
    response.setStatus(answer.status());
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      String value = header.getValue();
      // The key is the API's own header name, never client text, so Unicode case folding is moot.
      if (header.getKey().equalsIgnoreCase("Location") && value.startsWith("/")) {
        value = mountPath(request) + value;
      }
      response.setHeader(header.getKey(), value);
    }
    if (!answer.contentType().isEmpty()) {
      response.setHeader("Content-Type", answer.contentType());
    }
    byte[] body = answer.body();
    // HEAD and 304 answers carry the length of the body a GET would have had; 204 has none.
    if (answer.header("Content-Length").isEmpty() && answer.status() != 204) {
      response.setContentLength(body.length);
    }
    if (body.length > 0) {
      try (OutputStream out = response.getOutputStream()) {
        out.write(body);
      }
    }
  }
}
