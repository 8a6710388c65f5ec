package org.activitylog.server;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.activitylog.api.ValidationException;
import org.activitylog.api.internal.Ascii;
import org.jspecify.annotations.Nullable;

/**
 * The reference server's settings, from command-line flags, then environment variables, then
 * defaults. Every flag {@code --name value} has an environment variable {@code ACTIVITYLOG_NAME}
 * (upper case, dashes as underscores); {@code --name=value} works too.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param dataDir where the zero-configuration H2 database lives
 * @param jdbcUrl a JDBC URL to use instead of the embedded H2 database
 * @param jdbcUser the database user for {@code jdbcUrl}
 * @param jdbcPassword the database password for {@code jdbcUrl}
 * @param publicSite whether anonymous requesters may read (Brightidea's public site)
 * @param demoData whether to create the demo data set on first start, when the store is empty
 * @param demoToken the bearer token of the demo user
 * @param zone the time zone of Brightidea's {@code date_created} values
 * @param threads how many requests are served at once
 * @param tokens more bearer tokens than the demo one, from {@code --tokens FILE} or the table
 *     itself in {@code ACTIVITYLOG_TOKENS}; see {@link TokenTable}
 * @param help whether to print the usage and exit
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    @Nullable String jdbcUrl,
    @Nullable String jdbcUser,
    @Nullable String jdbcPassword,
    boolean publicSite,
    boolean demoData,
    String demoToken,
    ZoneId zone,
    int threads,
    TokenTable tokens,
    boolean help) {

  /** The usage text {@code --help} prints. */
  public static final String USAGE =
      """
      Usage: activity-server [options]

      Serves the Brightidea api3 and AISquare activity endpoints over HTTP.
      With no options it stores activities in an embedded H2 database under ./activity-data/
      and creates a demo data set on first start.

      Options (each also read from the environment variable shown):
        --host HOST            address to listen on              ACTIVITYLOG_HOST      (127.0.0.1)
        --port PORT            port, 0 for any free one          ACTIVITYLOG_PORT      (8080)
        --data-dir DIR         embedded H2 database directory    ACTIVITYLOG_DATA_DIR  (./activity-data)
        --jdbc-url URL         use this database instead of H2   ACTIVITYLOG_JDBC_URL
        --jdbc-user USER       database user                     ACTIVITYLOG_JDBC_USER
        --jdbc-password PASS   database password                 ACTIVITYLOG_JDBC_PASSWORD
        --access MODE          private or public                 ACTIVITYLOG_ACCESS    (private)
        --demo-data BOOL       create demo data when empty       ACTIVITYLOG_DEMO_DATA (true)
        --demo-token TOKEN     bearer token of the demo user     ACTIVITYLOG_DEMO_TOKEN
                               (default: the seed's example token 85f7b246… when demo data is on,
                               else a random one)
        --zone ZONE            zone of Brightidea date_created   ACTIVITYLOG_ZONE      (UTC)
        --threads N            requests served at once           ACTIVITYLOG_THREADS   (8)
        --tokens FILE          more bearer tokens, one a line    ACTIVITYLOG_TOKENS
                               (the variable holds the lines themselves, not a file name):
                               token name readable-groups writable-groups [actor]
                               e.g. 5a0c7e1e9b2d4f6a8c3e1d7b alice 1,2 1 member:<uuid>
                               groups: ids separated by commas, or - for none;
                               # comments and blank lines are skipped
        --help                 print this text and exit

      The demo token authenticates the demo user (Brightidea member Max Power), who may read and
      write workspace groups 1 and 2; with --access public, anonymous requesters may read group 1.
      """;

  /**
   * The bearer token of Brightidea's example request. With demo data it is the default demo token,
   * so that the seed's example requests work as documented; it is public, so the demo user reads
   * and writes only the demo workspace groups. Without demo data the default token is random.
   */
  public static final String SEED_EXAMPLE_TOKEN = "85f7b2462570acdde9a458ba6495b8763dcd040c";

  private static final List<String> FLAGS =
      List.of(
          "host",
          "port",
          "data-dir",
          "jdbc-url",
          "jdbc-user",
          "jdbc-password",
          "access",
          "demo-data",
          "demo-token",
          "zone",
          "threads",
          "tokens");

  /**
   * Reads the settings.
   *
   * @param args the command-line arguments
   * @param env the environment, usually {@code System::getenv}
   * @return the settings, with defaults for what is not given
   * @throws ValidationException naming the flag when a value is wrong or a flag is unknown
   */
  public static ServerConfig parse(String[] args, Function<String, @Nullable String> env) {
    Map<String, String> flags = new LinkedHashMap<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new ValidationException("arguments", "must be --flag value pairs", arg);
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new ValidationException("--" + name, "needs a value");
      }
      if (!FLAGS.contains(name)) {
        throw new ValidationException("--" + name, "is not a known option; see --help");
      }
      flags.put(name, value);
    }
    Function<String, Optional<String>> setting =
        name ->
            Optional.ofNullable(flags.get(name))
                .or(
                    () ->
                        Optional.ofNullable(
                            env.apply(
                                "ACTIVITYLOG_" + name.toUpperCase(Locale.ROOT).replace('-', '_'))))
                .filter(v -> !v.isBlank());

    boolean demoData =
        setting.apply("demo-data").map(v -> parseBoolean("--demo-data", v)).orElse(true);
    int port = setting.apply("port").map(v -> parsePort(v)).orElse(8080);
    String access = setting.apply("access").orElse("private");
    if (!access.equals("private") && !access.equals("public")) {
      throw new ValidationException("--access", "must be private or public", access);
    }
    return new ServerConfig(
        setting.apply("host").orElse("127.0.0.1"),
        port,
        Path.of(setting.apply("data-dir").orElse("activity-data")),
        setting.apply("jdbc-url").orElse(null),
        setting.apply("jdbc-user").orElse(null),
        setting.apply("jdbc-password").orElse(null),
        access.equals("public"),
        demoData,
        setting.apply("demo-token").orElseGet(() -> demoData ? SEED_EXAMPLE_TOKEN : randomToken()),
        setting.apply("zone").map(ServerConfig::parseZone).orElse(ZoneId.of("UTC")),
        setting.apply("threads").map(ServerConfig::parseThreads).orElse(8),
        tokens(flags.get("tokens"), env.apply("ACTIVITYLOG_TOKENS")),
        help);
  }

  /** The flag names a file; the environment variable holds the table itself. */
  private static TokenTable tokens(@Nullable String file, @Nullable String table) {
    if (file != null && !file.isBlank()) {
      return TokenTable.read(Path.of(file));
    }
    if (table != null && !table.isBlank()) {
      return TokenTable.parse(table, "ACTIVITYLOG_TOKENS");
    }
    return TokenTable.empty();
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ValidationException("--port", "must be a number from 0 to 65535", value);
  }

  private static int parseThreads(String value) {
    try {
      int threads = Integer.parseInt(value);
      if (threads >= 1 && threads <= 1_000) {
        return threads;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ValidationException("--threads", "must be a number from 1 to 1000", value);
  }

  private static boolean parseBoolean(String flag, String value) {
    return switch (Ascii.toLowerCase(value)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new ValidationException(flag, "must be true or false", value);
    };
  }

  private static ZoneId parseZone(String value) {
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new ValidationException(
          "--zone", "must be a time zone such as UTC or Europe/Paris", value);
    }
  }

  /** The settings with the password and the tokens masked, for logs. */
  @Override
  public String toString() {
    return "ServerConfig[host="
        + host
        + ", port="
        + port
        + ", dataDir="
        + dataDir
        + ", jdbcUrl="
        + (jdbcUrl == null ? "none" : "set")
        + ", access="
        + (publicSite ? "public" : "private")
        + ", demoData="
        + demoData
        + ", zone="
        + zone
        + ", threads="
        + threads
        + ", tokens="
        + tokens.size()
        + "]";
  }

  /** A token shaped like the seed's example: 40 hex digits. */
  private static String randomToken() {
    byte[] bytes = new byte[20];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
