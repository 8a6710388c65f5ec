package org.activitylog.server.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import org.activitylog.http.ActivityHttpApi;
import org.activitylog.http.ApiRequest;
import org.activitylog.http.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges the JDK's HTTP server to the framework-neutral adapter: copies the exchange into an
 * {@link ApiRequest} and the {@link ApiResponse} back. This is all a host framework has to write.
 */
public final class ExchangeHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger("org.activitylog.server.access");

  private final ActivityHttpApi api;

  /**
   * A handler over the adapter.
   *
   * @param api the adapter
   */
  public ExchangeHandler(ActivityHttpApi api) {
    this.api = api;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    try (exchange) {
      URI uri = exchange.getRequestURI();
      ApiResponse response;
      try {
        response = api.handle(request(exchange, uri));
      } catch (RuntimeException e) {
        // The adapter answers every failure itself, so this is a bug in the bridge.
        LOG.error("Request failed outside the adapter", e);
        response = ApiResponse.empty(500, Map.of());
      }
      send(exchange, response);
      // The raw path keeps escapes such as %0A, so a client cannot forge log lines.
      LOG.info(
          "{} {} {} ({} ms)",
          exchange.getRequestMethod(),
          uri.getRawPath(),
          response.status(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      // The client went away mid-exchange: nothing to answer.
      LOG.debug("Exchange failed", e);
    }
  }

  private ApiRequest request(HttpExchange exchange, URI uri) throws IOException {
    String path = uri.getPath() == null ? "/" : uri.getPath();
    // One byte over the limit is enough for the adapter to answer 413; the rest is never read.
    byte[] body = exchange.getRequestBody().readNBytes(api.maxBodyBytes() + 1);
    return ApiRequest.of(
        exchange.getRequestMethod(), path, uri.getRawQuery(), exchange.getRequestHeaders(), body);
  }

  private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    response.headers().forEach(headers::set);
    if (!response.contentType().isEmpty()) {
      headers.set("Content-Type", response.contentType());
    }
    byte[] body = response.body();
    // The adapter answers HEAD, 204 and 304 without a body.
    boolean noBody = body.length == 0;
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
