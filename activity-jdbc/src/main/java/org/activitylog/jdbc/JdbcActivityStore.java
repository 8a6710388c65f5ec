package org.activitylog.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.ActivityLogException;
import org.activitylog.jdbc.internal.ConnectionPools;
import org.activitylog.jdbc.internal.H2Durability;
import org.activitylog.jdbc.internal.IndexIntegrity;
import org.activitylog.jdbc.internal.JdbcActivityRepository;
import org.activitylog.jdbc.internal.JdbcFollowGraph;
import org.activitylog.jdbc.internal.JdbcLeases;
import org.activitylog.jdbc.internal.PartitionMaintainer;
import org.activitylog.jdbc.internal.PartitionedTable;
import org.activitylog.jdbc.internal.SchemaMigrations;
import org.activitylog.jdbc.internal.SqlErrors;
import org.activitylog.jdbc.internal.StoreAccess;
import org.activitylog.jdbc.internal.sql.ActivitySql;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.JobLease;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jspecify.annotations.Nullable;

/**
 * Activities and the follow graph in a relational database, through Jdbi and a HikariCP pool: an
 * embedded H2 database by default, or PostgreSQL 15 or newer. Thread-safe.
 *
 * <p>Three ways to build one:
 *
 * <pre>{@code
 * // Zero configuration: an H2 file database under ./activity-data/
 * ActivityStore store = JdbcActivityStore.builder().build();
 *
 * // A JDBC URL: the store owns a pool and closes it on close()
 * ActivityStore store = JdbcActivityStore.builder()
 *     .jdbcUrl("jdbc:postgresql://db:5432/app", "app", secret)
 *     .build();
 *
 * // The host's DataSource: used as it is, never closed by the store
 * ActivityStore store = JdbcActivityStore.builder().dataSource(hostDataSource).build();
 * }</pre>
 *
 * <p>On build the store detects the dialect from the connection and, unless {@link
 * Builder#migrate(boolean) migrate(false)} was set, applies its schema migrations with Flyway,
 * recording them in a history table of its own, {@code activitylog_schema_history}. {@link
 * #schemaSql(Dialect)} prints the same DDL for a DBA.
 *
 * <p>A returned write is on disk and survives a kill of the process, on H2 as on PostgreSQL (see
 * {@link Builder#durableH2Writes(boolean)}). After a kill, opening an H2 file checks that its
 * indexes hold every row and fails with {@link org.activitylog.api.StoreUnavailableException}
 * ({@code DAMAGED}) when one does not.
 *
 * <p>Failures are library exceptions: {@link org.activitylog.api.StoreUnavailableException} when
 * the database cannot serve the call, with a {@link
 * org.activitylog.api.StoreUnavailableException.Reason Reason} that says whether waiting helps (an
 * unreachable database or a busy pool pass, and the store recovers by itself; a timeout, a file
 * locked by another process, damaged storage or a missing schema do not), {@link
 * org.activitylog.api.ConflictException}, {@link org.activitylog.api.NotFoundException} and {@link
 * org.activitylog.api.ValidationException} as the SPI describes. Their messages never carry SQL,
 * bound values or connection settings.
 */
public final class JdbcActivityStore implements ActivityStore {
  private final @Nullable HikariDataSource ownedPool;
  private final @Nullable HikariDataSource ownedReplicaPool;
  private final Dialect dialect;
  private final StoreAccess access;
  private final JdbcActivityRepository activities;
  private final JdbcFollowGraph follows;
  private final JdbcLeases leases;
  private final @Nullable IndexIntegrity integrity;

  private JdbcActivityStore(
      @Nullable HikariDataSource ownedPool,
      DataSource dataSource,
      @Nullable HikariDataSource ownedReplicaPool,
      @Nullable DataSource replicaSource,
      Object replicaKey,
      Dialect dialect,
      @Nullable ReentrantLock writeLock,
      @Nullable IndexIntegrity integrity,
      Builder b) {
    this.ownedPool = ownedPool;
    this.ownedReplicaPool = ownedReplicaPool;
    this.integrity = integrity;
    this.dialect = dialect;
    Jdbi jdbi = jdbi(dataSource, b);
    BooleanSupplier poolFull =
        dataSource instanceof HikariDataSource pool
            ? () -> ConnectionPools.isFull(pool)
            : () -> true;
    boolean partitioned = b.layout == Layout.PARTITIONED_BY_MONTH;
    this.access =
        new StoreAccess(
            jdbi,
            partitioned ? ActivitySql.partitioned(b.schema) : ActivitySql.of(dialect, b.schema),
            poolFull,
            writeLock,
            b.connectionTimeout != null ? b.connectionTimeout : Builder.DEFAULT_CONNECTION_TIMEOUT,
            replicaSource == null ? null : jdbi(replicaSource, b),
            replicaKey);
    PartitionMaintainer partitions = null;
    if (partitioned) {
      partitions = new PartitionMaintainer(access, new PartitionedTable(b.schema), b.clock);
      partitions.open();
    }
    this.activities = new JdbcActivityRepository(access, b.clock, b.catalogue, partitions);
    this.follows = new JdbcFollowGraph(access);
    this.leases = new JdbcLeases(access, b.clock);
  }

  private static Jdbi jdbi(DataSource dataSource, Builder b) {
    Jdbi jdbi = Jdbi.create(dataSource);
    // Every statement is complete text built by the library: nothing for a template engine to do,
    // and Jdbi's own messages are kept free of statements and values.
    jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    jdbi.getConfig(SqlStatements.class).setQueryTimeout(b.statementTimeoutSeconds());
    return jdbi;
  }

  /**
   * Starts configuring a store; with no settings it uses an H2 file under {@code ./activity-data/}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the DDL of the whole schema for a database, as the migrations apply it: for a DBA who
   * reviews it or applies it by hand and builds the store with {@link Builder#migrate(boolean)
   * migrate(false)}}
   *
   * @param dialect the database
   */
  public static String schemaSql(Dialect dialect) {
    return SchemaMigrations.ddl(Objects.requireNonNull(dialect, "dialect"));
  }

  /** {@return the database this store talks to, detected from its connection} */
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public ActivityRepository activities() {
    return activities;
  }

  @Override
  public FollowGraph follows() {
    return follows;
  }

  /**
   * {@inheritDoc}
   *
   * <p>On H2 a lease is a row of {@code activitylog_job_lease} with an expiry by this store's
   * clock: a store that dies holding it leaves the row, and another store takes it over {@code ttl}
   * after it was taken or last renewed. On PostgreSQL it is a session-level advisory lock ({@code
   * pg_try_advisory_lock}) held on a connection of the pool until the lease is closed, so a run
   * that holds it needs a pool of two connections or more; {@code ttl} plays no part, and the lease
   * ends with its connection, so a node that dies frees it as soon as the server notices (with TCP
   * keepalives, within minutes; at once when the process exits). Advisory locks are per database:
   * the lock's key is taken from the schema and the lease's name.
   */
  @Override
  public Optional<JobLease> tryLease(String name, Duration ttl) {
    return leases.tryLease(name, ttl);
  }

  /** Closes the pools the store owns, if any; a host's DataSource is left open. Idempotent. */
  @Override
  public void close() {
    if (!access.markClosed()) {
      return;
    }
    if (integrity != null) {
      integrity.close();
    }
    if (ownedPool != null) {
      ownedPool.close();
    }
    if (ownedReplicaPool != null) {
      ownedReplicaPool.close();
    }
  }

  private static Dialect detect(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String product = meta.getDatabaseProductName();
    int major = meta.getDatabaseMajorVersion();
    if ("H2".equals(product) && major >= 2) {
      return Dialect.H2;
    }
    if ("PostgreSQL".equals(product)) {
      if (major < 15) {
        throw new ActivityLogException(
            "activity-jdbc needs PostgreSQL 15 or newer; the database is version " + major);
      }
      return Dialect.POSTGRESQL;
    }
    throw new ActivityLogException(
        "activity-jdbc supports H2 2.x and PostgreSQL 15 or newer, not " + product + " " + major);
  }

  /**
   * Settings of a {@link JdbcActivityStore}. Where the data lives is one of {@link #h2Directory},
   * {@link #jdbcUrl} or {@link #dataSource}; with none, an H2 file database under {@code
   * ./activity-data/}.
   */
  public static final class Builder {
    /** Where the zero-configuration H2 database lives, relative to the working directory. */
    public static final Path DEFAULT_H2_DIRECTORY = Path.of("activity-data");

    /** The default most connections of a pool the store owns. */
    public static final int DEFAULT_POOL_SIZE = 10;

    /** The default wait for a pooled connection before the store reports itself unavailable. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    /** The default longest run of one statement before it is cancelled. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The default longest wait for a row lock another transaction holds, on a pool the store owns.
     */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    private @Nullable Path h2Directory;
    private @Nullable String jdbcUrl;
    private @Nullable String user;
    private @Nullable String password;
    private @Nullable DataSource dataSource;
    private @Nullable DataSource replicaDataSource;
    private @Nullable String replicaUrl;
    private @Nullable String replicaUser;
    private @Nullable String replicaPassword;
    private Clock clock = Clock.systemUTC();
    private ActivityCatalogue catalogue = ActivityCatalogue.standard();
    private boolean migrate = true;
    private @Nullable Integer poolSize;
    private @Nullable Duration connectionTimeout;
    private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
    private @Nullable Duration lockTimeout;
    private @Nullable String schema;
    private boolean durableH2Writes = true;
    private Layout layout = Layout.UNPARTITIONED;

    private Builder() {}

    /**
     * How the activity table is laid out. Defaults to {@link Layout#UNPARTITIONED}; {@link
     * Layout#PARTITIONED_BY_MONTH} needs PostgreSQL, and with migrations on (the default) it
     * converts an unpartitioned table when the store is built (see {@link Layout}). Every store on
     * one database must be built with the same layout.
     *
     * @param value the layout
     * @return this builder
     */
    public Builder layout(Layout value) {
      this.layout = Objects.requireNonNull(value, "layout");
      return this;
    }

    /**
     * Keeps the data in an embedded H2 file database in this directory (the file is {@code
     * activitylog.mv.db}); created when missing. The default is {@link #DEFAULT_H2_DIRECTORY},
     * {@code ./activity-data/}. The store opens it with H2's shutdown hook off ({@code
     * DB_CLOSE_ON_EXIT=FALSE}) and, unless {@link #durableH2Writes(boolean)
     * durableH2Writes(false)}, with {@code WRITE_DELAY=0}; {@link #close()} closes the database.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder h2Directory(Path directory) {
      requireNoLocation("h2Directory");
      String text = Objects.requireNonNull(directory, "directory").toAbsolutePath().toString();
      if (text.contains(";")) {
        throw new IllegalArgumentException(
            "h2Directory must not contain ';', which H2 reads as a setting; was \"" + text + "\"");
      }
      this.h2Directory = directory;
      return this;
    }

    /**
     * Connects to a JDBC URL whose driver is on the class path (H2 and PostgreSQL are); user and
     * password may be in the URL instead. The store owns the pool and closes it on {@link
     * #close()}. An embedded H2 file URL gets {@code ;WRITE_DELAY=0} appended unless it sets a
     * write delay, and one that sets another is refused, unless {@link #durableH2Writes(boolean)
     * durableH2Writes(false)}.
     *
     * @param url the JDBC URL, for example {@code jdbc:postgresql://db:5432/app}
     * @param user the user, or null
     * @param password the password, or null
     * @return this builder
     */
    public Builder jdbcUrl(String url, @Nullable String user, @Nullable String password) {
      requireNoLocation("jdbcUrl");
      Objects.requireNonNull(url, "url");
      if (!url.startsWith("jdbc:")) {
        throw new IllegalArgumentException("jdbcUrl must start with \"jdbc:\"");
      }
      this.jdbcUrl = url;
      this.user = user;
      this.password = password;
      return this;
    }

    /**
     * Connects to a JDBC URL that carries any credentials itself.
     *
     * @param url the JDBC URL
     * @return this builder
     */
    public Builder jdbcUrl(String url) {
      return jdbcUrl(url, null, null);
    }

    /**
     * Uses the host application's DataSource, typically its own pool. The store never closes it,
     * and pool settings ({@link #poolSize}, {@link #connectionTimeout}) are the host's to make.
     *
     * @param hostDataSource the DataSource
     * @return this builder
     */
    public Builder dataSource(DataSource hostDataSource) {
      requireNoLocation("dataSource");
      this.dataSource = Objects.requireNonNull(hostDataSource, "dataSource");
      return this;
    }

    /**
     * The clock that stamps {@code updated_at} and {@code deleted_at}. Defaults to the UTC system
     * clock.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * The types the store rebuilds from stored codes: register host-defined types here to read them
     * back as the host's constants. Defaults to {@link ActivityCatalogue#standard()}. Any {@link
     * org.activitylog.api.ActivityKind} is stored and filtered by its code whatever the catalogue;
     * a stored code the catalogue does not know reads as an {@link
     * org.activitylog.api.UnknownActivityType}.
     *
     * @param value the catalogue
     * @return this builder
     */
    public Builder catalogue(ActivityCatalogue value) {
      this.catalogue = Objects.requireNonNull(value, "catalogue");
      return this;
    }

    /**
     * Whether building the store applies its schema migrations (the default) or expects the tables
     * to exist, for databases whose DDL a DBA applies from {@link #schemaSql(Dialect)}.
     *
     * @param value true to migrate on start
     * @return this builder
     */
    public Builder migrate(boolean value) {
      this.migrate = value;
      return this;
    }

    /**
     * The most connections of the pool the store owns. Defaults to {@value #DEFAULT_POOL_SIZE}.
     *
     * @param value 1 or more
     * @return this builder
     */
    public Builder poolSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("poolSize must be 1 or more; was " + value);
      }
      this.poolSize = value;
      return this;
    }

    /**
     * How long a call waits for a connection of the pool the store owns before it fails with {@link
     * org.activitylog.api.StoreUnavailableException}. Defaults to 5 seconds.
     *
     * @param value at least 250 milliseconds
     * @return this builder
     */
    public Builder connectionTimeout(Duration value) {
      if (value.toMillis() < 250) {
        throw new IllegalArgumentException(
            "connectionTimeout must be at least 250 ms; was " + value.toMillis() + " ms");
      }
      this.connectionTimeout = value;
      return this;
    }

    /**
     * How long one statement of the store may run before the database cancels it and the call fails
     * with {@link org.activitylog.api.StoreUnavailableException} of reason {@link
     * org.activitylog.api.StoreUnavailableException.Reason#TIMEOUT TIMEOUT}; nothing it changed is
     * kept. Applies to every statement the store runs (not to schema migrations), on any connection
     * source, in whole seconds rounded up. Defaults to 30 seconds.
     *
     * @param value at least 1 second
     * @return this builder
     */
    public Builder statementTimeout(Duration value) {
      if (Objects.requireNonNull(value, "statementTimeout").compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "statementTimeout must be at least 1 s; was " + value.toMillis() + " ms");
      }
      this.statementTimeout = value;
      return this;
    }

    /**
     * How long a statement of the pool the store owns waits for a row another transaction has
     * locked before it fails with {@link org.activitylog.api.StoreUnavailableException} of reason
     * {@link org.activitylog.api.StoreUnavailableException.Reason#TIMEOUT TIMEOUT}; nothing it
     * changed is kept. Set on each connection ({@code SET LOCK_TIMEOUT} on H2, {@code lock_timeout}
     * on PostgreSQL), so it bounds schema migrations too. Defaults to 5 seconds; keep it below the
     * {@link #statementTimeout statement timeout}. With a host {@link #dataSource}, set it on the
     * host's pool.
     *
     * @param value at least 1 millisecond
     * @return this builder
     */
    public Builder lockTimeout(Duration value) {
      if (Objects.requireNonNull(value, "lockTimeout").toMillis() < 1) {
        throw new IllegalArgumentException(
            "lockTimeout must be at least 1 ms; was " + value.toNanos() + " ns");
      }
      this.lockTimeout = value;
      return this;
    }

    private int statementTimeoutSeconds() {
      long seconds = statementTimeout.getSeconds() + (statementTimeout.getNano() > 0 ? 1 : 0);
      return (int) Math.min(Integer.MAX_VALUE, seconds);
    }

    /**
     * Puts the tables (and the migration history) in this schema instead of the connection's
     * current one; the migrations create it when missing.
     *
     * @param value a lower-case identifier: letters, digits and {@code _}
     * @return this builder
     */
    public Builder schema(String value) {
      this.schema = ActivitySql.requireSchemaName(Objects.requireNonNull(value, "schema"));
      return this;
    }

    /**
     * Whether a write to an embedded H2 file database is on disk when the call returns (the
     * default), so that it survives a kill of the process. {@code false} is the knowing opt-out of
     * H2's own defaults: a commit is written up to half a second later by a background thread, and
     * writes from several threads run concurrently. That is faster (see BENCHMARKS.md) and loses
     * every write acknowledged in the last half second, and can leave an index that misses rows,
     * when the process is killed.
     *
     * <p>When true, an H2 file URL the library builds ({@link #h2Directory}) and an embedded H2
     * file URL given to {@link #jdbcUrl} get {@code WRITE_DELAY=0} (a {@code jdbcUrl} that sets
     * another write delay is refused), and the store's writes to one database file run one at a
     * time. Other databases are not affected: PostgreSQL is durable by its own configuration, and
     * an H2 server ({@code jdbc:h2:tcp:}) by the server's.
     *
     * @param value false to trade durability for speed
     * @return this builder
     */
    public Builder durableH2Writes(boolean value) {
      this.durableH2Writes = value;
      return this;
    }

    /**
     * Sends reads (pages, counts, gets by id or uid, follows) to a PostgreSQL streaming replica of
     * the database, and keeps writes on the primary. The replica must be a hot standby of the same
     * database (same schema), reachable with the same credentials' rights to read.
     *
     * <p>What a caller sees: everything this store wrote and acknowledged, at once (read your own
     * writes). After each write the store notes the primary's WAL position, and a read goes to the
     * replica only when the replica has replayed that far; otherwise to the primary. Stores of one
     * process built with the same replica DataSource (or URL) share that position, so they see each
     * other's writes at once too. Writes of other processes (other nodes) appear once the replica
     * has replayed them, as on any replica: a node that must see another node's write at once reads
     * without a replica. A write returns the row as the primary stored it. A replica that does not
     * answer sends reads to the primary for ten seconds before it is tried again; a read the
     * replica cancels because it conflicts with WAL replay runs again on the primary. Each write
     * costs one more short query on the primary (the WAL position).
     *
     * @param replica the replica's DataSource; used as it is, never closed by the store
     * @return this builder
     */
    public Builder readReplica(DataSource replica) {
      requireNoReplica();
      this.replicaDataSource = Objects.requireNonNull(replica, "replica");
      return this;
    }

    /**
     * Sends reads to a PostgreSQL streaming replica through a pool the store owns, of the same size
     * and timeouts as the primary's; see {@link #readReplica(DataSource)} for what a caller sees.
     *
     * @param url the replica's {@code jdbc:postgresql:} URL
     * @param user the user, or null when the URL carries it
     * @param password the password, or null
     * @return this builder
     */
    public Builder readReplicaJdbcUrl(
        String url, @Nullable String user, @Nullable String password) {
      requireNoReplica();
      if (!Objects.requireNonNull(url, "url").startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("a read replica needs a jdbc:postgresql: URL");
      }
      this.replicaUrl = url;
      this.replicaUser = user;
      this.replicaPassword = password;
      return this;
    }

    private void requireNoReplica() {
      if (replicaDataSource != null || replicaUrl != null) {
        throw new IllegalStateException(
            "readReplica and readReplicaJdbcUrl are alternatives; set only one of them");
      }
    }

    /**
     * Connects, detects the dialect, migrates unless told not to, and returns the store.
     *
     * @return the open store; close it to release its pool
     * @throws org.activitylog.api.StoreUnavailableException when the database cannot be reached or
     *     opened; its reason says why (for example {@code LOCKED} for an H2 file another process
     *     holds, reported without waiting for the connection timeout)
     * @throws ActivityLogException when the database is not supported or a migration fails, or when
     *     the table's layout is not the {@link #layout layout} asked for and cannot be converted (a
     *     partitioned table and the plain layout)
     * @throws org.activitylog.api.StoreUnavailableException with reason {@code DAMAGED} when an H2
     *     file left by a killed process has an index that misses rows
     * @throws IllegalStateException when the {@link #layout partitioned layout} is asked of a
     *     database that is not PostgreSQL
     * @throws IllegalArgumentException when durable H2 writes are on and the embedded H2 {@code
     *     jdbcUrl} sets a write delay other than 0
     * @throws IllegalStateException when a read replica is set and the database is not PostgreSQL
     */
    public JdbcActivityStore build() {
      if (dataSource != null
          && (poolSize != null || connectionTimeout != null || lockTimeout != null)) {
        throw new IllegalStateException(
            "poolSize, connectionTimeout and lockTimeout configure the pool the store owns; with a"
                + " host dataSource, set them on the host's pool");
      }
      HikariDataSource pool = null;
      HikariDataSource replicaPool = null;
      DataSource source = dataSource;
      String url = "";
      if (source == null) {
        url =
            jdbcUrl != null
                ? H2Durability.userUrl(jdbcUrl, durableH2Writes)
                : H2Durability.builtUrl(
                    h2Directory != null ? h2Directory : DEFAULT_H2_DIRECTORY, durableH2Writes);
        pool =
            ConnectionPools.create(
                url,
                user,
                password,
                poolSize != null ? poolSize : DEFAULT_POOL_SIZE,
                connectionTimeout != null ? connectionTimeout : DEFAULT_CONNECTION_TIMEOUT,
                lockTimeout != null ? lockTimeout : DEFAULT_LOCK_TIMEOUT);
        source = pool;
      }
      try {
        Dialect dialect;
        IndexIntegrity integrity = null;
        ReentrantLock writeLock;
        // The first connection of a pool the store owns goes straight to the driver, so that a
        // database that cannot be opened fails the build at once; it is kept open until the
        // migrations are done so that an embedded database is not closed and opened again.
        try (Connection first =
            pool != null ? ConnectionPools.connectOnce(pool) : source.getConnection()) {
          dialect = detect(first);
          if (dialect == Dialect.H2 && dataSource != null) {
            // A host DataSource: the URL the connection reports, which the store never saw.
            String reported = first.getMetaData().getURL();
            url = reported != null ? reported : "";
          }
          writeLock = dialect == Dialect.H2 && durableH2Writes ? H2Durability.writeLock(url) : null;
          // Migrations and the open mark are writes too: no other store of this JVM writes to the
          // file meanwhile.
          if (writeLock != null) {
            writeLock.lock();
          }
          try {
            if (migrate) {
              SchemaMigrations.migrate(source, dialect, schema, null);
            }
            if (layout == Layout.PARTITIONED_BY_MONTH) {
              if (dialect != Dialect.POSTGRESQL) {
                throw new IllegalStateException(
                    "layout PARTITIONED_BY_MONTH needs PostgreSQL; this database is " + dialect);
              }
              PartitionedTable table = new PartitionedTable(schema);
              if (migrate) {
                table.install(source);
              } else {
                table.requireInstalled(source);
              }
            } else if (dialect == Dialect.POSTGRESQL) {
              new PartitionedTable(schema).requirePlain(source);
            }
            if (dialect == Dialect.H2 && H2Durability.isEmbeddedFile(url)) {
              integrity = new IndexIntegrity(source, schema, writeLock);
              integrity.open();
            }
          } finally {
            if (writeLock != null) {
              writeLock.unlock();
            }
          }
        } catch (SQLException e) {
          throw SqlErrors.translate(e);
        }
        if (dialect != Dialect.POSTGRESQL && (replicaDataSource != null || replicaUrl != null)) {
          throw new IllegalStateException("read replicas are for PostgreSQL, not " + dialect);
        }
        DataSource replica = replicaDataSource;
        Object replicaKey = replica != null ? replica : "";
        if (replicaUrl != null) {
          replicaKey = replicaUrl;
          replicaPool =
              ConnectionPools.create(
                  replicaUrl,
                  replicaUser,
                  replicaPassword,
                  poolSize != null ? poolSize : DEFAULT_POOL_SIZE,
                  connectionTimeout != null ? connectionTimeout : DEFAULT_CONNECTION_TIMEOUT,
                  lockTimeout != null ? lockTimeout : DEFAULT_LOCK_TIMEOUT);
          replica = replicaPool;
        }
        return new JdbcActivityStore(
            pool, source, replicaPool, replica, replicaKey, dialect, writeLock, integrity, this);
      } catch (RuntimeException e) {
        if (pool != null) {
          pool.close();
        }
        if (replicaPool != null) {
          replicaPool.close();
        }
        throw e;
      }
    }

    private void requireNoLocation(String setting) {
      if (h2Directory != null || jdbcUrl != null || dataSource != null) {
        throw new IllegalStateException(
            setting
                + ": h2Directory, jdbcUrl and dataSource are alternatives; set only one of them");
      }
    }
  }
}
