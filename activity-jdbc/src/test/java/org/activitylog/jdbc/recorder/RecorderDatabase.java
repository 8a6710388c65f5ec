package org.activitylog.jdbc.recorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database for one recorder test class, reached only through the backend's public builder:
 * H2 in memory, an H2 file under {@code target/}, or a schema of its own on the PostgreSQL server
 * named by {@value #PG_URL_ENV} (or {@code -D}{@value #PG_URL_PROPERTY}), as activity-jdbc's own
 * contract runs do. The first store migrates the schema; the rest reuse it. Closing drops it.
 */
final class RecorderDatabase {
  static final String PG_URL_ENV = "ACTIVITYLOG_TEST_PG_URL";
  static final String PG_URL_PROPERTY = "activitylog.test.pg.url";

  /** Where the database lives. */
  enum Kind {
    H2_MEMORY,
    H2_FILE,
    POSTGRESQL
  }

  private final Kind kind;
  private final String unique;
  private @Nullable Path directory;
  private @Nullable String pgUrl;
  private boolean migrated;

  RecorderDatabase(Kind kind, String name) {
    this.kind = kind;
    this.unique = name + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A store for one test; the caller closes it. */
  synchronized ActivityStore store(MutableClock clock) {
    JdbcActivityStore.Builder b = JdbcActivityStore.builder().clock(clock);
    switch (kind) {
      case H2_MEMORY -> b.jdbcUrl("jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1");
      case H2_FILE -> b.h2Directory(directory());
      case POSTGRESQL -> b.jdbcUrl(postgresUrl()).schema("t_" + unique);
    }
    ActivityStore store =
        b.poolSize(4).connectionTimeout(Duration.ofSeconds(5)).migrate(!migrated).build();
    migrated = true;
    return store;
  }

  private Path directory() {
    if (directory == null) {
      directory = Path.of("target", "h2-recorder", unique).toAbsolutePath();
      try {
        Files.createDirectories(directory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return directory;
  }

  private String postgresUrl() {
    if (pgUrl == null) {
      pgUrl = configuredPostgresUrl();
    }
    return pgUrl;
  }

  /**
   * The PostgreSQL URL, or a skipped test with a message saying how to run it; with CI=true a
   * missing server fails instead.
   */
  static String configuredPostgresUrl() {
    String url = System.getenv(PG_URL_ENV);
    if (url == null || url.isBlank()) {
      url = System.getProperty(PG_URL_PROPERTY);
    }
    if (url == null || url.isBlank()) {
      String how =
          "PostgreSQL tests need a server: run `bash .ci/run` (it starts a private one), or set "
              + PG_URL_ENV
              + " (or -D"
              + PG_URL_PROPERTY
              + ") to a jdbc:postgresql URL with user and password parameters";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but no PostgreSQL is configured. " + how);
      }
      Assumptions.abort(how);
    }
    return url;
  }

  /** Drops what the class made. */
  synchronized void close() {
    if (pgUrl != null && migrated) {
      try (Connection c = DriverManager.getConnection(pgUrl);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS t_" + unique + " CASCADE");
      } catch (SQLException e) {
        throw new IllegalStateException("could not drop the test schema", e);
      }
    }
    if (kind == Kind.H2_MEMORY && migrated) {
      try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + unique);
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        throw new IllegalStateException("could not shut the test database down", e);
      }
    }
    if (directory != null) {
      deleteTree(directory);
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
