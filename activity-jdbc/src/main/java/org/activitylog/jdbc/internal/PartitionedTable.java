package org.activitylog.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.activitylog.api.ActivityLogException;
import org.jspecify.annotations.Nullable;

/**
 * The DDL of PostgreSQL's month-partitioned layout: converting the migrations' plain activity table
 * into a table partitioned by range of {@code created_at}, naming and creating month partitions,
 * and reading which partitions exist. Every name is the library's own or a schema the builder
 * checked to be a plain identifier; every bound is computed from an {@link Instant}, never text a
 * caller gave.
 */
public final class PartitionedTable {
  /** The name the plain table gets when it is kept as the partition of everything before. */
  static final String LEGACY = "activitylog_activity_legacy";

  /** The advisory lock key that makes two stores starting at once convert the table only once. */
  private static final long CONVERT_LOCK = 0x6163746c6f675054L;

  private static final Pattern BOUNDS =
      Pattern.compile("FROM \\((MINVALUE|'([^']*)')\\) TO \\((MAXVALUE|'([^']*)')\\)");

  private static final Pattern TIMESTAMP =
      Pattern.compile("(\\d{4,5})-(\\d\\d)-(\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d)\\+00");

  private final @Nullable String schema;
  private final String prefix;

  /**
   * Names the tables of a schema.
   *
   * @param schema the schema, or null for the connection's current one
   */
  public PartitionedTable(@Nullable String schema) {
    this.schema = schema;
    this.prefix = schema == null ? "" : "\"" + schema + "\".";
  }

  /** {@return the partitioned activity table, schema-qualified when a schema was configured} */
  String activity() {
    return prefix + "activitylog_activity";
  }

  /** {@return the claim table of (uid, workspace group) keys} */
  String claims() {
    return prefix + "activitylog_activity_uid";
  }

  /** {@return a partition's table, schema-qualified} */
  String qualified(String partition) {
    return prefix + "\"" + partition + "\"";
  }

  /**
   * {@return the month partition's name for a month: {@code activitylog_activity_pYYYYMM}}
   *
   * @param month the month
   */
  static String monthName(YearMonth month) {
    return String.format(
        Locale.ROOT, "activitylog_activity_p%04d%02d", month.getYear(), month.getMonthValue());
  }

  /** {@return the first instant of a month, UTC} */
  static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** {@return the month an instant falls in, UTC} */
  static YearMonth monthOf(Instant t) {
    return YearMonth.from(t.atOffset(ZoneOffset.UTC));
  }

  /** {@return a bound as a timestamptz literal: the library's own text, in UTC} */
  static String literal(Instant t) {
    OffsetDateTime u = t.atOffset(ZoneOffset.UTC);
    return String.format(
        Locale.ROOT,
        "'%04d-%02d-%02d %02d:%02d:%02d+00'",
        u.getYear(),
        u.getMonthValue(),
        u.getDayOfMonth(),
        u.getHour(),
        u.getMinute(),
        u.getSecond());
  }

  /**
   * {@return the statement that creates a month's partition unless it exists}
   *
   * @param month the month
   */
  String createMonth(YearMonth month) {
    return "CREATE TABLE IF NOT EXISTS "
        + qualified(monthName(month))
        + " PARTITION OF "
        + activity()
        + " FOR VALUES FROM ("
        + literal(start(month))
        + ") TO ("
        + literal(start(month.plusMonths(1)))
        + ")";
  }

  /**
   * One partition and its range; {@code from} is null for {@code MINVALUE} (the kept plain table)
   * and {@code to} null for {@code MAXVALUE}, which the library never creates.
   *
   * @param name the partition's table name, without schema
   * @param from the first instant it holds, or null for everything before {@code to}
   * @param to the first instant it does not hold, or null for no end
   */
  record Partition(String name, @Nullable Instant from, @Nullable Instant to) {
    /** {@return whether the partition holds an instant} */
    boolean holds(Instant t) {
      return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }
  }

  /**
   * {@return the partitions of the activity table, oldest first}
   *
   * @param c a connection; the reading runs in a transaction of its own
   * @throws SQLException when the catalog cannot be read
   */
  List<Partition> partitions(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    List<Partition> out = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      // Bounds print in the session's time zone and date style: fix both for this transaction.
      s.execute("SET LOCAL TimeZone = 'UTC'");
      s.execute("SET LOCAL DateStyle = 'ISO'");
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i"
                  + " JOIN pg_class c ON c.oid = i.inhrelid"
                  + " WHERE i.inhparent = CAST(? AS regclass)")) {
        ps.setString(1, activity());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Matcher m = BOUNDS.matcher(rs.getString(2));
            if (!m.find()) {
              throw new ActivityLogException(
                  "activity partition " + rs.getString(1) + " is not a range of created_at");
            }
            out.add(new Partition(rs.getString(1), bound(m.group(2)), bound(m.group(4))));
          }
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
    out.sort((a, b) -> a.from() == null ? -1 : b.from() == null ? 1 : a.from().compareTo(b.from()));
    return out;
  }

  private static @Nullable Instant bound(@Nullable String text) {
    if (text == null) {
      return null;
    }
    // "2026-12-01 00:00:00+00" in UTC and ISO date style; the year may have five digits (the
    // bound after December 9999).
    Matcher m = TIMESTAMP.matcher(text);
    if (!m.matches()) {
      throw new ActivityLogException("an activity partition bound is not a UTC timestamp");
    }
    return LocalDateTime.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5)),
            Integer.parseInt(m.group(6)))
        .toInstant(ZoneOffset.UTC);
  }

  /**
   * Makes the activity table partitioned when it is not: the migrations always create the plain
   * table. A plain table that holds rows is kept whole as the partition of everything before the
   * month after its newest row (no row is copied), and its keys are copied into the claim table; an
   * empty one is replaced. One transaction, under an advisory lock so that stores starting at once
   * convert it once, holding the plain table locked against every reader and writer until it
   * commits.
   *
   * @param dataSource where the tables live
   * @throws ActivityLogException when the conversion fails
   */
  public void install(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(" + CONVERT_LOCK + ")");
        String kind = relkind(c);
        if ("p".equals(kind)) {
          c.rollback();
          return;
        }
        if (!"r".equals(kind)) {
          throw new ActivityLogException(
              "the activity table is missing; build the store with migrate(true) first");
        }
        convert(c, s);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  /**
   * Checks that the activity table is partitioned, for a store built with {@code migrate(false)}.
   *
   * @param dataSource where the tables live
   * @throws ActivityLogException when it is not
   */
  public void requireInstalled(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      if (!"p".equals(relkind(c))) {
        throw new ActivityLogException(
            "the activity table is not partitioned: build the store once with migrate(true), or"
                + " convert it as docs/partitioned-layout.md describes");
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  /**
   * Checks that the activity table is not partitioned, for a store built with the plain layout: its
   * inserts would fail on every call (the plain insert needs the unique key a partitioned table
   * cannot have), so the build fails instead, naming the setting.
   *
   * @param dataSource where the tables live
   * @throws ActivityLogException when it is partitioned
   */
  public void requirePlain(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      if ("p".equals(relkind(c))) {
        throw new ActivityLogException(
            "the activity table is partitioned: build the store with"
                + " layout(Layout.PARTITIONED_BY_MONTH), as every store on this database must be");
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  private @Nullable String relkind(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relname = 'activitylog_activity'"
                + " AND n.nspname = COALESCE(?, current_schema())")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private void convert(Connection c, Statement s) throws SQLException {
    String legacy = prefix + LEGACY;
    s.execute("LOCK TABLE " + activity() + " IN ACCESS EXCLUSIVE MODE");
    s.execute("ALTER TABLE " + activity() + " RENAME TO " + LEGACY);
    // The partitioned table takes the plain one's columns, defaults and identity, so that columns a
    // later migration added come along; its keys and indexes are its own (see below).
    s.execute(
        "CREATE TABLE "
            + activity()
            + " (LIKE "
            + legacy
            + " INCLUDING DEFAULTS INCLUDING IDENTITY) PARTITION BY RANGE (created_at)");
    // Ids stay unique: the new identity goes on from where the plain table's stopped.
    s.execute(
        "SELECT setval(pg_get_serial_sequence('"
            + activity()
            + "', 'id'), GREATEST(COALESCE(pg_sequence_last_value(pg_get_serial_sequence('"
            + legacy
            + "', 'id')::regclass), 0), COALESCE((SELECT MAX(id) FROM "
            + legacy
            + "), 0)) + 1, false)");
    // A key on a partitioned table must include the partition column: (id, created_at). The
    // indexes are those of the plain table (migrations V1 and V3) with names of their own, so that
    // attaching the plain table reuses its indexes instead of building them again.
    String[] ddl = {
      "ALTER TABLE "
          + activity()
          + " ADD CONSTRAINT activitylog_activity_p_pkey PRIMARY KEY (id, created_at)",
      "CREATE INDEX activitylog_activity_p_tenant_live_idx ON "
          + activity()
          + " (workspace_group_id, created_at DESC, id DESC) INCLUDE (deleted_at)",
      "CREATE INDEX activitylog_activity_p_type_live_idx ON "
          + activity()
          + " (workspace_group_id, activity_type, created_at DESC, id DESC) INCLUDE (deleted_at)",
      "CREATE INDEX activitylog_activity_p_actor_time_idx ON "
          + activity()
          + " (actor_kind, actor_id, created_at DESC, id DESC)",
      "CREATE INDEX activitylog_activity_p_campaign_time_idx ON "
          + activity()
          + " (campaign_id, created_at DESC, id DESC) WHERE campaign_id IS NOT NULL",
      "CREATE INDEX activitylog_activity_p_time_idx ON "
          + activity()
          + " (created_at DESC, id DESC)",
      // findByUid and the batch insert's re-read look rows up by key in every partition.
      "CREATE INDEX activitylog_activity_p_uid_idx ON " + activity() + " (uid, workspace_group_id)",
      // The idempotency key the partitioned table cannot hold itself: one claim per stored
      // activity, written in the statement that stores it, removed in the one that deletes it.
      "CREATE TABLE "
          + claims()
          + " (uid UUID NOT NULL, workspace_group_id BIGINT NOT NULL,"
          + " created_at TIMESTAMPTZ NOT NULL,"
          + " CONSTRAINT activitylog_activity_uid_pkey PRIMARY KEY (uid, workspace_group_id))",
      // Dropping a month removes its claims by time.
      "CREATE INDEX activitylog_activity_uid_time_idx ON " + claims() + " (created_at)",
      "CREATE FUNCTION "
          + prefix
          + "activitylog_activity_release_uids() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
          + " DELETE FROM "
          + claims()
          + " k USING gone g WHERE k.uid = g.uid AND k.workspace_group_id = g.workspace_group_id"
          + " AND k.created_at = g.created_at; RETURN NULL; END $$",
      // One statement-level trigger with the deleted rows as a table: a purge batch or an erasure
      // releases its claims in one join, in its own transaction.
      "CREATE TRIGGER activitylog_activity_release_uids AFTER DELETE ON "
          + activity()
          + " REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "
          + prefix
          + "activitylog_activity_release_uids()"
    };
    for (String statement : ddl) {
      s.execute(statement);
    }
    Instant newest = null;
    try (ResultSet rs = s.executeQuery("SELECT MAX(created_at) FROM " + legacy)) {
      if (rs.next()) {
        OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
        newest = t == null ? null : t.toInstant();
      }
    }
    if (newest == null) {
      s.execute("DROP TABLE " + legacy);
      return;
    }
    s.execute(
        "INSERT INTO "
            + claims()
            + " (uid, workspace_group_id, created_at)"
            + " SELECT uid, workspace_group_id, created_at FROM "
            + legacy);
    // A partition cannot have a primary key of its own beside the parent's.
    String pkey = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT conname FROM pg_constraint WHERE conrelid = CAST(? AS regclass)"
                + " AND contype = 'p'")) {
      ps.setString(1, legacy);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          pkey = rs.getString(1);
        }
      }
    }
    if (pkey != null) {
      s.execute("ALTER TABLE " + legacy + " DROP CONSTRAINT \"" + pkey + "\"");
    }
    s.execute(
        "ALTER TABLE "
            + activity()
            + " ATTACH PARTITION "
            + legacy
            + " FOR VALUES FROM (MINVALUE) TO ("
            + literal(start(monthOf(newest).plusMonths(1)))
            + ")");
  }
}
