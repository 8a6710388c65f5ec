package org.activitylog.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.activitylog.jdbc.internal.SchemaMigrations;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test class: an H2 in-memory database, an H2 file database under
 * {@code target/}, or a schema of its own on the PostgreSQL server named by {@value #PG_URL_ENV}.
 * Closing it drops what it made.
 */
final class TestDatabase implements AutoCloseable {
  static final String PG_URL_ENV = "ACTIVITYLOG_TEST_PG_URL";
  static final String PG_URL_PROPERTY = "activitylog.test.pg.url";
  static final String PG_REPLICA_URL_ENV = "ACTIVITYLOG_TEST_PG_REPLICA_URL";

  /** The three databases the backend is tested on. */
  enum Kind {
    H2_MEMORY,
    H2_FILE,
    POSTGRESQL
  }

  private final Kind kind;
  private final String url;
  private final @Nullable Path directory;
  private final @Nullable String schema;
  private final HikariDataSource dataSource;
  private @Nullable HikariDataSource replica;

  private TestDatabase(Kind kind, String url, @Nullable Path directory, @Nullable String schema) {
    this.kind = kind;
    this.url = url;
    this.directory = directory;
    this.schema = schema;
    HikariConfig config = new HikariConfig();
    config.setPoolName("test-" + kind);
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(12);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    if (schema != null) {
      config.setSchema(schema);
    }
    this.dataSource = new HikariDataSource(config);
    if (schema != null) {
      execute("CREATE SCHEMA " + schema);
    }
  }

  /**
   * A new empty database.
   *
   * @param kind which database
   * @param name a short lower-case label naming the test class, for people reading the database
   */
  static TestDatabase create(Kind kind, String name) {
    String unique = name + "_" + UUID.randomUUID().toString().substring(0, 8);
    switch (kind) {
      case H2_MEMORY:
        return new TestDatabase(kind, "jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1", null, null);
      case H2_FILE:
        Path dir = Path.of("target", "h2-tests", unique).toAbsolutePath();
        try {
          Files.createDirectories(dir);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return new TestDatabase(kind, "jdbc:h2:file:" + dir.resolve("activitylog"), dir, null);
      default:
        return new TestDatabase(kind, postgresUrl(), null, "t_" + unique);
    }
  }

  /**
   * The PostgreSQL URL the tests use. Without one the calling test is skipped with a message that
   * says how to run it, unless the environment says CI=true: there a missing server fails.
   */
  static String postgresUrl() {
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

  /**
   * The URL of a streaming replica of the PostgreSQL server, as {@code bash .ci/run} starts one.
   * Without one the calling test is skipped, unless CI=true: there a missing replica fails.
   */
  static String replicaUrl() {
    String url = System.getenv(PG_REPLICA_URL_ENV);
    if (url == null || url.isBlank()) {
      String how =
          "replica tests need a PostgreSQL streaming replica: run `bash .ci/run` (it starts one), or"
              + " set "
              + PG_REPLICA_URL_ENV
              + " to its jdbc:postgresql URL with user and password parameters";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but no PostgreSQL replica is configured. " + how);
      }
      Assumptions.abort(how);
    }
    return url;
  }

  /** A pool on the replica, in this database's schema, made on first use and closed with it. */
  synchronized HikariDataSource replicaDataSource() {
    if (replica == null) {
      HikariConfig config = new HikariConfig();
      config.setPoolName("test-replica");
      config.setJdbcUrl(replicaUrl());
      config.setMaximumPoolSize(12);
      config.setMinimumIdle(0);
      config.setConnectionTimeout(10_000);
      config.setReadOnly(true);
      if (schema != null) {
        config.setSchema(schema);
      }
      replica = new HikariDataSource(config);
    }
    return replica;
  }

  Kind kind() {
    return kind;
  }

  Dialect dialect() {
    return kind == Kind.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.H2;
  }

  @Nullable String schema() {
    return schema;
  }

  /** A pool on the database, for raw SQL and for stores given a host DataSource. */
  HikariDataSource dataSource() {
    return dataSource;
  }

  /** The activity table's name as raw SQL must write it. */
  String activityTable() {
    return schema == null ? "activitylog_activity" : schema + ".activitylog_activity";
  }

  /**
   * A builder for a store that owns its pool on this database: through the H2 directory for a file
   * database, through the URL otherwise.
   */
  JdbcActivityStore.Builder builder() {
    JdbcActivityStore.Builder b = JdbcActivityStore.builder();
    if (kind == Kind.H2_FILE) {
      b.h2Directory(directory);
    } else {
      b.jdbcUrl(url);
    }
    if (schema != null) {
      b.schema(schema);
    }
    return b.connectionTimeout(Duration.ofSeconds(5));
  }

  /** A builder for a store on this database's shared test pool, as a host would pass it. */
  JdbcActivityStore.Builder hostBuilder() {
    JdbcActivityStore.Builder b = JdbcActivityStore.builder().dataSource(dataSource);
    if (schema != null) {
      b.schema(schema);
    }
    return b;
  }

  /** Applies every migration. */
  TestDatabase migrated() {
    SchemaMigrations.migrate(dataSource, dialect(), schema, null);
    return this;
  }

  /**
   * Runs statements of raw SQL.
   *
   * @param statements the SQL
   */
  void execute(String... statements) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (schema != null) {
        execute("DROP SCHEMA " + schema + " CASCADE");
      } else {
        execute("SHUTDOWN");
      }
    } catch (IllegalStateException e) {
      // Already gone: an outage test may have shut it down.
    } finally {
      dataSource.close();
      if (replica != null) {
        replica.close();
      }
    }
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
