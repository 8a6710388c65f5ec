package org.activitylog.server.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.activitylog.formats.BrightideaFormat;
import org.activitylog.formats.ErrorBody;
import org.activitylog.http.ActivityHttpApi;
import org.activitylog.servlet.ActivityHttpServlet;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the API on Jetty's ee10 servlet container through {@link ActivityHttpServlet}, mounted at
 * {@code /}: the servlet is the only bridge between HTTP and the API. Jetty rather than the JDK's
 * server because the JDK's rejects a request line it cannot parse (a raw <code>&#123;</code> or
 * <code>|</code> in the URL) with its own HTML page before any handler runs; here every answer,
 * Jetty's own errors included, is the API's error body. Jetty also turns TCP_NODELAY on, so
 * kept-alive connections do not wait on Nagle's algorithm.
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

    ServletContextHandler context = new ServletContextHandler("/");
    context.addFilter(
        new FilterHolder(new ExactContentType()),
        "/*",
        EnumSet.allOf(jakarta.servlet.DispatcherType.class));
    context.addServlet(new ServletHolder("activitylog", new ActivityHttpServlet(api)), "/");
    ApiErrors errors = new ApiErrors();
    context.setErrorHandler(errors);
    // Tracks the requests in flight, so that stopping waits for them (up to the stop timeout).
    server.setHandler(new GracefulHandler(context));
    server.setErrorHandler(errors);
    // The raw path keeps escapes such as %0A, so a client cannot forge log lines.
    server.setRequestLog(
        (request, response) ->
            LOG.info(
                "{} {} {} ({} ms)",
                request.getMethod(),
                request.getHttpURI().getPath(),
                response.getStatus(),
                NanoTime.millisSince(request.getBeginNanoTime())));
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

  /**
   * Sends the API's {@code Content-Type} as the API wrote it. Jetty's servlet response replaces a
   * media type it knows with its own spelling ({@code application/json;charset=utf-8} for the API's
   * {@code application/json; charset=UTF-8}); equal by RFC 9110, but the seeds' documents and the
   * clients written against the JDK server saw the API's bytes. The servlet writes through its
   * output stream, never a writer, so the container needs no charset of its own.
   */
  private static final class ExactContentType implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (response instanceof HttpServletResponse http) {
        chain.doFilter(request, new Wrapper(http));
      } else {
        chain.doFilter(request, response);
      }
    }

    private static final class Wrapper extends HttpServletResponseWrapper {
      Wrapper(HttpServletResponse response) {
        super(response);
      }

      @Override
      public void setHeader(String name, @Nullable String value) {
        if (value != null && HttpHeader.CONTENT_TYPE.is(name)) {
          setContentType(value);
        } else {
          super.setHeader(name, value);
        }
      }

      @Override
      public void addHeader(String name, @Nullable String value) {
        if (value != null && HttpHeader.CONTENT_TYPE.is(name)) {
          setContentType(value);
        } else {
          super.addHeader(name, value);
        }
      }

      @Override
      public void setContentType(@Nullable String type) {
        if (type == null || isCommitted()) {
          super.setContentType(type);
          return;
        }
        // Below the servlet response's own bookkeeping, which would respell the value.
        Response.getOriginalResponse(
                ServletContextResponse.getServletContextResponse(getResponse()))
            .getHeaders()
            .put(HttpHeader.CONTENT_TYPE, type);
      }
    }
  }

  /**
   * Jetty's own answers (a malformed request line, headers too large, a URI it refuses) in the
   * API's error body, as JSON, instead of Jetty's HTML page; for the server and the servlet context
   * alike.
   */
  private static final class ApiErrors extends ErrorHandler {
    private static final BrightideaFormat FORMAT =
        BrightideaFormat.json(BrightideaFormat.DEFAULT_ZONE);

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() >= 400 ? response.getStatus() : 500;
      response.setStatus(status);
      // Below the servlet response, which would respell the media type.
      Response.getOriginalResponse(response)
          .getHeaders()
          .put(HttpHeader.CONTENT_TYPE, FORMAT.mediaType());
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
