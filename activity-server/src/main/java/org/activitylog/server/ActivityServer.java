package org.activitylog.server;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.activitylog.api.ActivityLogException;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.ValidationException;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.http.ActivityHttpApi;
import org.activitylog.http.Authenticator;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.server.internal.DemoData;
import org.activitylog.server.internal.HttpServing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: the Brightidea api3 and AISquare activity endpoints on Jetty 12's servlet
 * container (ee10), through {@link org.activitylog.servlet.ActivityHttpServlet} mounted at {@code
 * /}, over the JDBC store. With no settings it keeps its data in an embedded H2 database under
 * {@code ./activity-data/}, creates a demo data set on first start and prints its URL and the demo
 * user's bearer token.
 *
 * <pre>{@code
 * java -jar activity-server/target/activity-server.jar --port 8080 --demo-token secret
 * curl -H 'Authorization: Bearer secret' 'http://127.0.0.1:8080/api3/activity?page_size=2'
 * }</pre>
 *
 * <p>{@link #close()} (also run on SIGTERM and Ctrl-C by {@link #main}) stops accepting requests,
 * lets running ones finish (drains them) for up to a second, and then closes the store, in that
 * order: every write answered before the store closes is on disk. H2's own shutdown hook is off for
 * the database the store builds ({@code DB_CLOSE_ON_EXIT=FALSE}), so it cannot close the database
 * under a request still running; the store closes it last.
 */
public final class ActivityServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ActivityServer.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(1);

  private final HttpServing http;
  private final JdbcActivityStore store;
  private final URI uri;
  private final Optional<DemoData.Summary> demo;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ActivityServer(
      HttpServing http, JdbcActivityStore store, URI uri, Optional<DemoData.Summary> demo) {
    this.http = http;
    this.store = store;
    this.uri = uri;
    this.demo = demo;
  }

  /**
   * Runs the server until the process is stopped. Prints the usage for {@code --help}; exits with
   * status 2 for a bad setting and 1 when the server cannot start.
   *
   * @param args the command-line flags; see {@link ServerConfig#USAGE}
   */
  public static void main(String[] args) {
    ServerConfig config;
    try {
      config = ServerConfig.parse(args, System::getenv);
    } catch (ValidationException e) {
      System.err.println("activity-server: " + e.getMessage());
      System.err.println("Run with --help for the options.");
      System.exit(2);
      return;
    }
    if (config.help()) {
      System.out.print(ServerConfig.USAGE);
      return;
    }
    ActivityServer server;
    try {
      server = start(config);
    } catch (ActivityLogException | UncheckedIOException e) {
      // One line an operator can act on; the cause goes to the debug log, not the console.
      System.err.println(startFailure(config, e));
      LOG.debug("activity-server could not start", e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "activity-server-shutdown"));
    server.printWelcome(config, System.out);
  }

  /**
   * Starts a server as configured, authenticating the demo token and the {@linkplain
   * ServerConfig#tokens() token table}.
   *
   * @param config the settings
   * @return the running server
   * @throws ActivityLogException when the store cannot be opened
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static ActivityServer start(ServerConfig config) {
    return start(config, Authenticator.none());
  }

  /**
   * Starts a server as configured, with more bearer tokens than the demo one and the table.
   *
   * @param config the settings
   * @param moreTokens asked for every token that is neither the demo token nor in the table
   * @return the running server
   * @throws ActivityLogException when the store cannot be opened
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static ActivityServer start(ServerConfig config, Authenticator moreTokens) {
    JdbcActivityStore store = openStore(config);
    try {
      Clock clock = Clock.systemUTC();
      ActivityLog.Builder logBuilder = ActivityLog.builder(store).clock(clock);
      ActivityLog log =
          (config.publicSite()
                  ? logBuilder.publicAccess(Set.of(DemoData.DEMO_GROUP))
                  : logBuilder.privateAccess())
              .build();
      Optional<DemoData.Summary> demo =
          config.demoData() ? DemoData.createIfEmpty(log, config.zone()) : Optional.empty();
      demo.ifPresent(d -> LOG.info("Created the demo data set: {} activities", d.activities()));

      Requester demoUser = DemoData.requester();
      byte[] demoToken = config.demoToken().getBytes(StandardCharsets.UTF_8);
      TokenTable table = config.tokens();
      Authenticator tokens =
          token -> {
            // Constant time for the demo token too; the table compares every entry itself.
            if (MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), demoToken)) {
              return Optional.of(demoUser);
            }
            Optional<Requester> found = table.authenticate(token);
            return found.isPresent() ? found : moreTokens.authenticate(token);
          };
      ActivityHttpApi api =
          ActivityHttpApi.builder(log)
              .authenticator(tokens)
              .zone(config.zone())
              .defaultWorkspaceGroup(DemoData.DEMO_GROUP)
              .build();

      HttpServing http;
      try {
        http = HttpServing.start(api, config.host(), config.port(), config.threads());
      } catch (UncheckedIOException e) {
        throw new UncheckedIOException(
            "cannot listen on " + config.host() + ":" + config.port(), e.getCause());
      }
      URI uri = URI.create("http://" + hostForUri(config.host()) + ":" + http.port() + "/");
      LOG.info(
          "Listening on {} ({} site, zone {})",
          uri,
          config.publicSite() ? "public" : "private",
          config.zone());
      return new ActivityServer(http, store, uri, demo);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * {@return the one line printed when the server cannot start: what is wrong and what to do}
   *
   * @param config the settings the server was started with
   * @param failure why {@link #start} failed
   */
  static String startFailure(ServerConfig config, RuntimeException failure) {
    if (failure instanceof StoreUnavailableException e
        && e.reason() == StoreUnavailableException.Reason.LOCKED
        && config.jdbcUrl() == null) {
      return "activity-server: the data directory "
          + config.dataDir().toAbsolutePath()
          + " is in use by another process (another activity-server?); stop it, or start this"
          + " one with another --data-dir";
    }
    return "activity-server could not start: " + failure.getMessage();
  }

  /** {@return the base URI, such as {@code http://127.0.0.1:8080/}} */
  public URI uri() {
    return uri;
  }

  /** {@return the port the server listens on; the one picked when the settings asked for port 0} */
  public int port() {
    return http.port();
  }

  /**
   * Stops accepting requests, lets running ones finish briefly, then closes the store. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // HTTP first, letting running requests finish their writes; the store last. A recorder added
    // to the server closes between the two.
    http.stop(STOP_GRACE);
    store.close();
    LOG.info("Stopped");
  }

  private void printWelcome(ServerConfig config, PrintStream out) {
    String base = uri.toString();
    out.println();
    out.println("activity-server listening on " + base);
    out.println("Demo bearer token: " + config.demoToken());
    if (config.demoToken().equals(ServerConfig.SEED_EXAMPLE_TOKEN)) {
      out.println(
          "  (the seed's public example token: fine for the demo data, set --demo-token otherwise)");
    }
    if (config.tokens().size() > 0) {
      out.println(
          "Token table: "
              + config.tokens().size()
              + " more tokens, for "
              + config.tokens().requesters().stream()
                  .map(r -> String.valueOf(r.name()))
                  .distinct()
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
    demo.ifPresent(
        d ->
            out.println(
                "Demo data created: "
                    + d.activities()
                    + " activities; the seed's AISquare example is /api/v1/activity/"
                    + d.aisquareId()
                    + "/"));
    out.println("Try:");
    out.println(
        "  curl -H 'Authorization: Bearer "
            + config.demoToken()
            + "' '"
            + base
            + "api3/activity?page_size=2&page=1&type=POST_UPDATE'");
    out.println(
        "  curl -H 'Authorization: Bearer "
            + config.demoToken()
            + "' "
            + base
            + "api3/activity/D2136C62-B65E-40D2-ABD2-873AEF120514");
    out.println("Stop with Ctrl-C.");
    out.flush();
  }

  private static JdbcActivityStore openStore(ServerConfig config) {
    JdbcActivityStore.Builder builder = JdbcActivityStore.builder();
    if (config.jdbcUrl() != null) {
      builder.jdbcUrl(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
    } else {
      builder.h2Directory(config.dataDir());
    }
    return builder.build();
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
