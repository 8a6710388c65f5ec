package org.activitylog.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activitylog.formats.BrightideaFormat;
import org.activitylog.formats.ErrorBody;
import org.activitylog.http.ActivityHttpApi;
import org.activitylog.http.ApiRequest;
import org.activitylog.http.ApiResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the adapter on Jetty's core HTTP server (no servlets): copies each request into an {@link
 * ApiRequest} and the {@link ApiResponse} back. Jetty rather than the JDK's server because the
 * JDK's rejects a request line it cannot parse (a raw <code>&#123;</code> or <code>|</code> in the
 * URL) with its own HTML page before any handler runs; here every answer, Jetty's own errors
 * included, is the API's error body. Jetty also turns TCP_NODELAY on, so kept-alive connections do
 * not wait on Nagle's algorithm.
 */
public final class HttpServing {
  private static final Logger LOG = LoggerFactory.getLogger("org.activitylog.server.access");

  /** Jetty's own threads besides the request threads: one acceptor and one selector. */
  private static final int JETTY_THREADS = 2;

  private final Server server;
  private final ServerConnector connector;

  private HttpServing(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Starts serving.
   *
   * @param api the adapter
   * @param host the address to listen on
   * @param port the port, 0 for any free one
   * @param threads how many requests are served at once
   * @return the running server
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static HttpServing start(ActivityHttpApi api, String host, int port, int threads) {
    QueuedThreadPool pool = new QueuedThreadPool(threads + JETTY_THREADS, 1);
    pool.setName("activity-http");
    pool.setReservedThreads(0);
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(true);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Bridge(api));
    server.setErrorHandler(new ApiErrors());
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly(server);
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      stopQuietly(server);
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException("the HTTP server did not start", e);
    }
    return new HttpServing(server, connector);
  }

  /** {@return the port listened on} */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * Stops accepting connections and lets running requests finish for up to the grace period.
   *
   * @param grace how long running requests may take
   */
  public void stop(Duration grace) {
    server.setStopTimeout(grace.toMillis());
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("The HTTP server did not stop cleanly", e);
    }
  }

  /** Copies requests to the adapter and its answers back. Blocking: it reads the whole body. */
  private static final class Bridge extends Handler.Abstract {
    private final ActivityHttpApi api;

    Bridge(ActivityHttpApi api) {
      this.api = api;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      long started = System.nanoTime();
      ApiResponse answer;
      try {
        answer = api.handle(request(request));
      } catch (IOException e) {
        LOG.debug("Reading the request failed", e);
        callback.failed(e);
        return true;
      } catch (RuntimeException e) {
        // The adapter answers every failure itself, so this is a bug in the bridge.
        LOG.error("Request failed outside the adapter", e);
        answer = ApiResponse.empty(500, Map.of());
      }
      response.setStatus(answer.status());
      HttpFields.Mutable headers = response.getHeaders();
      answer.headers().forEach(headers::put);
      if (!answer.contentType().isEmpty()) {
        headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
      }
      byte[] body = answer.body();
      // HEAD and 304 answers carry the length of the body a GET would have had; 204 has none.
      if (answer.header("Content-Length").isEmpty() && answer.status() != 204) {
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
      }
      response.write(true, ByteBuffer.wrap(body), callback);
      // The raw path keeps escapes such as %0A, so a client cannot forge log lines.
      LOG.info(
          "{} {} {} ({} ms)",
          request.getMethod(),
          request.getHttpURI().getPath(),
          answer.status(),
          (System.nanoTime() - started) / 1_000_000);
      return true;
    }

    private ApiRequest request(Request request) throws IOException {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpField field : request.getHeaders()) {
        headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
      }
      byte[] body;
      // One byte over the limit is enough for the adapter to answer 413; the rest is never read.
      try (InputStream in = Request.asInputStream(request)) {
        body = in.readNBytes(api.maxBodyBytes() + 1);
      }
      String path = request.getHttpURI().getDecodedPath();
      return ApiRequest.of(
          request.getMethod(),
          path == null ? "/" : path,
          request.getHttpURI().getQuery(),
          headers,
          body);
    }
  }

  /**
   * Jetty's own answers (a malformed request line, headers too large, a URI it refuses) in the
   * API's error body, as JSON, instead of Jetty's HTML page.
   */
  private static final class ApiErrors extends ErrorHandler {
    private static final BrightideaFormat FORMAT =
        BrightideaFormat.json(BrightideaFormat.DEFAULT_ZONE);

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() >= 400 ? response.getStatus() : 500;
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, FORMAT.mediaType());
      byte[] body = body(status);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }

    /** A fixed message per status: Jetty's reasons may echo what the client sent. */
    private static byte[] body(int status) {
      String message =
          switch (status) {
            case 400 -> "Bad request: the request line, its URI or a header is malformed";
            case 414 -> "The request URI is too long";
            case 431 -> "The request headers are too large";
            case 413 -> "The request body is too large";
            case 505 -> "HTTP version not supported";
            default -> messageOf(status);
          };
      return FORMAT.writeError(new ErrorBody(message, null)).getBytes(StandardCharsets.UTF_8);
    }

    private static String messageOf(int status) {
      @Nullable String reason = HttpStatus.getMessage(status);
      return reason == null ? "HTTP " + status : reason;
    }
  }
}
