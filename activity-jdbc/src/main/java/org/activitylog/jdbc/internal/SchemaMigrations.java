package org.activitylog.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.activitylog.api.ActivityLogException;
import org.activitylog.jdbc.Dialect;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.jspecify.annotations.Nullable;

/**
 * The library's schema migrations, applied by Flyway with a history table of their own ({@value
 * #HISTORY_TABLE}) so that they live beside the host application's migrations.
 *
 * <p>The scripts are handed to Flyway by a resource provider instead of a classpath location:
 * Flyway then never scans the host's classpath (it would pick up the host's {@code db/migration}),
 * and it finds the scripts on the module path, where a package holding them is not open to it.
 */
public final class SchemaMigrations {
  /** The library's own Flyway history table. */
  public static final String HISTORY_TABLE = "activitylog_schema_history";

  /** The migration scripts of every dialect, oldest first. */
  private static final List<String> SCRIPTS =
      List.of(
          "V1__activities.sql",
          "V2__follow_graph.sql",
          "V3__soft_delete_in_feed_indexes.sql",
          "V4__uid_unique_per_workspace_group.sql",
          "V5__open_marker.sql",
          "V6__job_lease.sql");

  /** Flyway's entry point, named as text so that loading it needs no read edge. */
  private static final String FLYWAY_CLASS = "org.flywaydb.core.Flyway";

  /** How often a migration is tried when another store is migrating the same schema. */
  private static final int MAX_ATTEMPTS = 5;

  private SchemaMigrations() {}

  /**
   * {@return the whole schema of a dialect as one script, for a DBA to review or apply by hand}
   *
   * @param dialect the database
   */
  public static String ddl(Dialect dialect) {
    StringBuilder out = new StringBuilder();
    out.append("-- activitylog schema for ")
        .append(dialect)
        .append(": the migrations below, in order. Applied automatically unless the store")
        .append(" is built with migrate(false).\n");
    for (String script : SCRIPTS) {
      out.append("\n-- ").append(script).append('\n').append(read(dialect, script));
    }
    return out.toString();
  }

  /**
   * Brings a database's activitylog tables up to date. Safe when several stores start at once:
   * Flyway serialises them on a lock and the later ones find nothing to do.
   *
   * @param dataSource where the tables live
   * @param dialect the database
   * @param schema the schema, or null for the connection's current one
   * @param target the last version to apply, or null for all (tests use it to build old schemas)
   * @throws ActivityLogException when a migration fails
   */
  public static void migrate(
      DataSource dataSource, Dialect dialect, @Nullable String schema, @Nullable String target) {
    readFlyway();
    WithFlyway.migrate(dataSource, dialect, schema, target);
  }

  /**
   * Lets this module read Flyway's before the first Flyway type is linked. The module descriptor
   * cannot require Flyway (see module-info), so the edge is added here: to the unnamed module when
   * Flyway is on the class path, to its automatic module when it is on the module path. Class
   * loading and reflection need no read edge; linking a Flyway type from this module does.
   */
  private static void readFlyway() {
    Class<?> flyway;
    try {
      flyway = Class.forName(FLYWAY_CLASS, false, SchemaMigrations.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ActivityLogException(
          "migrating the activitylog schema needs flyway-core on the class path, or on the module"
              + " path resolved with --add-modules flyway.core; or build the store with"
              + " migrate(false)",
          e);
    }
    Module self = SchemaMigrations.class.getModule();
    if (!self.canRead(flyway.getModule())) {
      self.addReads(flyway.getModule());
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(100L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActivityLogException("interrupted while migrating the activitylog schema", e);
    }
  }

  private static String read(Dialect dialect, String script) {
    String path = "migration/" + dialect.name().toLowerCase(Locale.ROOT) + "/" + script;
    try (InputStream in = SchemaMigrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The code that links Flyway's types, apart so that {@link SchemaMigrations} itself loads and
   * reports a missing Flyway with a message instead of a {@link NoClassDefFoundError}.
   */
  private static final class WithFlyway {
    private WithFlyway() {}

    static void migrate(
        DataSource dataSource, Dialect dialect, @Nullable String schema, @Nullable String target) {
      FluentConfiguration config =
          Flyway.configure(SchemaMigrations.class.getClassLoader())
              .dataSource(dataSource)
              .table(HISTORY_TABLE)
              .resourceProvider(new Scripts(dialect))
              .javaMigrationClassProvider(List::of)
              .skipDefaultCallbacks(true)
              // A schema that already holds the host's tables has no history table of ours yet:
              // mark it as version 0 and apply every migration from V1 on.
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .baselineDescription("activitylog baseline")
              .cleanDisabled(true)
              .validateMigrationNaming(true);
      if (schema != null) {
        config.schemas(schema).defaultSchema(schema).createSchemas(true);
      }
      if (target != null) {
        config.target(target);
      }
      Flyway flyway = config.load();
      for (int attempt = 1; ; attempt++) {
        try {
          flyway.migrate();
          return;
        } catch (FlywayException e) {
          if (SqlErrors.isDatabaseCondition(e)) {
            throw SqlErrors.translate(e);
          }
          // Flyway locks the history table, but not its creation: a store that starts while
          // another is creating the table can decide to baseline it and fail. On the next try the
          // table is there and the lock makes it wait its turn.
          if (attempt >= MAX_ATTEMPTS) {
            throw new ActivityLogException("migrating the activitylog schema failed", e);
          }
          pause(attempt);
        }
      }
    }
  }

  /** Hands Flyway the scripts of one dialect. */
  private static final class Scripts implements ResourceProvider {
    private final Dialect dialect;

    Scripts(Dialect dialect) {
      this.dialect = dialect;
    }

    @Override
    public @Nullable LoadableResource getResource(String name) {
      return SCRIPTS.contains(name) ? new Script(dialect, name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      List<LoadableResource> found = new ArrayList<>();
      for (String script : SCRIPTS) {
        for (String suffix : suffixes) {
          if (script.startsWith(prefix) && script.endsWith(suffix)) {
            found.add(new Script(dialect, script));
            break;
          }
        }
      }
      return found;
    }
  }

  /** One migration script. */
  private static final class Script extends LoadableResource {
    private final Dialect dialect;
    private final String name;

    Script(Dialect dialect, String name) {
      this.dialect = dialect;
      this.name = name;
    }

    @Override
    public Reader read() {
      return new StringReader(SchemaMigrations.read(dialect, name));
    }

    @Override
    public String getAbsolutePath() {
      return "activitylog/" + dialect.name().toLowerCase(Locale.ROOT) + "/" + name;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public String getRelativePath() {
      return name;
    }
  }
}
