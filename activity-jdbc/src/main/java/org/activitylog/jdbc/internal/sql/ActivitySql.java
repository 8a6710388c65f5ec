package org.activitylog.jdbc.internal.sql;

import static org.activitylog.jdbc.internal.sql.SqlArguments.time;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.activitylog.jdbc.Dialect;
import org.activitylog.spi.PurgeCriteria;
import org.jdbi.v3.core.argument.Argument;
import org.jspecify.annotations.Nullable;

/**
 * Every statement the store runs, as text with named parameters. The statements both dialects share
 * live here; {@link H2Sql} and {@link PostgresSql} hold the few that differ, and {@link
 * ActivityQuerySql} assembles the filtered listings from the fixed fragments here. Table names may
 * carry a schema the host chose when it built the store; it is checked to be a plain identifier.
 */
public abstract class ActivitySql {
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /**
   * The columns every read selects, in the order the row mapper reads them. {@code workspace_group}
   * (and the {@code :workspaceGroup} parameter) keeps its first name and holds {@code
   * ActivityContent.derivedWorkspaceGroupId}: a migration only for a rename is not worth it.
   */
  static final String COLUMNS =
      "a.id, a.uid, a.activity_type, a.actor_kind, a.actor, a.text, a.resource,"
          + " a.workspace_group_id, a.workspace_group, a.campaign_id, a.campaign_name, a.details,"
          + " a.created_at, a.created_by, a.updated_at, a.updated_by, a.deleted_at, a.deleted_by,"
          + " a.is_active, a.version";

  /** The columns an insert writes, in the order of {@link #insertValues()}. */
  static final String INSERT_COLUMNS =
      "uid, activity_type, actor_kind, actor_id, actor, text, resource, workspace_group_id,"
          + " workspace_group, campaign_id, campaign_name, details, created_at, created_by,"
          + " updated_at, updated_by, is_active, version";

  /** The activity table, schema-qualified when a schema was configured. */
  protected final String activity;

  /** The follow table, schema-qualified when a schema was configured. */
  protected final String follow;

  /** The job lease table, schema-qualified when a schema was configured. */
  protected final String lease;

  /**
   * Creates the statements for tables in a schema.
   *
   * @param schema the schema, or null for the connection's current one
   */
  protected ActivitySql(@Nullable String schema) {
    String prefix = schema == null ? "" : "\"" + requireSchemaName(schema) + "\".";
    this.activity = prefix + "activitylog_activity";
    this.follow = prefix + "activitylog_follow";
    this.lease = prefix + "activitylog_job_lease";
  }

  /**
   * {@return the statements of a dialect}
   *
   * @param dialect the database
   * @param schema the schema, or null for the connection's current one
   */
  public static ActivitySql of(Dialect dialect, @Nullable String schema) {
    return dialect == Dialect.H2 ? new H2Sql(schema) : new PostgresSql(schema);
  }

  /**
   * {@return the statements of PostgreSQL's month-partitioned layout}
   *
   * @param schema the schema, or null for the connection's current one
   */
  public static ActivitySql partitioned(@Nullable String schema) {
    return new PartitionedPostgresSql(schema);
  }

  /**
   * Checks that a schema name is a plain lower-case identifier, so it can be quoted into SQL.
   *
   * @param schema the name
   * @return the name
   * @throws IllegalArgumentException when it is not
   */
  public static String requireSchemaName(String schema) {
    if (!SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "schema must be 1 to 63 characters of lower-case letters, digits and _, starting with a"
              + " letter or _; was \""
              + schema
              + "\"");
    }
    return schema;
  }

  /** {@return the database these statements are written for} */
  public abstract Dialect dialect();

  /**
   * {@return a placeholder for a JSON document given as text}
   *
   * @param parameter the parameter name, without the colon
   */
  protected abstract String json(String parameter);

  /**
   * Inserts one activity unless its workspace group holds its uid already (the key is the pair:
   * uids are unique per owning group); the update count tells which happened and the generated key
   * {@link #generatedIdColumn()} is the new id. Parameters: those of {@link #insertValues()}.
   *
   * @return the statement
   */
  public abstract String insertIfAbsent();

  /**
   * {@return the insert-if-absent of many activities in one statement, when the database has one}
   * It inserts the rows whose key is free and returns {@code id, uid, workspace_group_id} of each
   * row it inserted; a row whose key is taken is skipped, as by {@link #insertIfAbsent()}. Its
   * positional parameters are one array per column, all of one length, in this order: uid (uuid),
   * type, actor kind, actor id, actor JSON, text, resource JSON (text), workspace group id, derived
   * workspace group (int8), campaign id (uuid), campaign name, details JSON (text), creation time
   * (timestamptz), creator (text). The keys of the rows must be distinct.
   */
  public Optional<String> insertManyIfAbsent() {
    return Optional.empty();
  }

  /** {@return the name of the generated id column as the driver wants it for generated keys} */
  public abstract String generatedIdColumn();

  /**
   * Adds a follow edge unless it exists; the update count tells which happened. Parameters: {@code
   * fk, fi, ek, ei} (follower kind and id, followee kind and id).
   *
   * @return the statement
   */
  public abstract String insertFollowIfAbsent();

  /**
   * {@return the query plan of a select, one row per line of plan text}
   *
   * @param select a select of this dialect
   */
  public abstract String explain(String select);

  /** {@return the value expressions of an insert, matching {@link #INSERT_COLUMNS}} */
  protected String insertValues() {
    return ":uid, :type, :actorKind, :actorId, "
        + json("actor")
        + ", :text, "
        + json("resource")
        + ", :workspaceGroupId, :workspaceGroup, :campaignId, :campaignName, "
        + json("details")
        + ", :createdAt, :createdBy, :createdAt, :createdBy, TRUE, 1";
  }

  /** {@return one activity by id} Parameter: {@code id}. */
  public String findById() {
    return "SELECT " + COLUMNS + " FROM " + activity + " a WHERE a.id = :id";
  }

  /** {@return one activity by id, locked until the transaction ends} Parameter: {@code id}. */
  public String findByIdForUpdate() {
    return findById() + " FOR UPDATE";
  }

  /**
   * {@return one activity by its key, workspace group and uid} Parameters: {@code uid,
   * workspaceGroupId}.
   */
  public String findByUid() {
    return "SELECT "
        + COLUMNS
        + " FROM "
        + activity
        + " a WHERE a.uid = :uid AND a.workspace_group_id = :workspaceGroupId";
  }

  /**
   * {@return the start of a select by many uids, to be followed by {@code (p0, p1, …)}} It reads
   * those uids in every group: the caller keeps the rows whose group it asked for.
   */
  public String findByUidsIn() {
    return "SELECT " + COLUMNS + " FROM " + activity + " a WHERE a.uid IN ";
  }

  /** The start of a select of activities; the query builder appends the rest. */
  String selectFrom() {
    return "SELECT " + COLUMNS + " FROM " + activity + " a";
  }

  /** The start of a count of activities; the query builder appends the rest. */
  String countFrom() {
    return "SELECT COUNT(*) FROM " + activity + " a";
  }

  /**
   * The condition that an activity's actor is followed by an actor. Parameters: follower kind, then
   * follower id, in the two placeholders it contains.
   */
  String followedByPrefix() {
    return "EXISTS (SELECT 1 FROM " + follow + " f WHERE f.follower_kind = ";
  }

  /** Closes {@link #followedByPrefix()} after its two parameters. */
  String followedBySuffix() {
    return " AND f.followee_kind = a.actor_kind AND f.followee_id = a.actor_id)";
  }

  /**
   * Replaces an activity's content when its version is the one read; the update count is 0 when
   * another writer came first. The workspace groups are never written: they own the activity.
   * Parameters: the content parameters of {@link #insertValues()} but uid, creation and the
   * workspace groups, plus {@code updatedAt, updatedBy, id, version}.
   *
   * @return the statement
   */
  public String update() {
    return "UPDATE "
        + activity
        + " SET activity_type = :type, actor_kind = :actorKind, actor_id = :actorId, actor = "
        + json("actor")
        + ", text = :text, resource = "
        + json("resource")
        + ", campaign_id = :campaignId, campaign_name = :campaignName, details = "
        + json("details")
        + ", updated_at = :updatedAt, updated_by = :updatedBy, version = version + 1"
        + " WHERE id = :id AND version = :version";
  }

  /**
   * Soft-deletes an activity that is not deleted. Parameters: {@code at, by, id}.
   *
   * @return the statement
   */
  public String softDelete() {
    return "UPDATE "
        + activity
        + " SET deleted_at = :at, deleted_by = :by, updated_at = :at, updated_by = :by,"
        + " is_active = FALSE, version = version + 1 WHERE id = :id AND deleted_at IS NULL";
  }

  /**
   * Restores a soft-deleted activity. Parameters: {@code at, by, id}.
   *
   * @return the statement
   */
  public String restore() {
    return "UPDATE "
        + activity
        + " SET deleted_at = NULL, deleted_by = NULL, updated_at = :at, updated_by = :by,"
        + " is_active = TRUE, version = version + 1 WHERE id = :id AND deleted_at IS NOT NULL";
  }

  /**
   * {@return one batch of a purge, as one statement and so one transaction: it deletes up to {@code
   * limit} of the oldest rows the criteria match (on PostgreSQL skipping rows another transaction
   * holds locked) and answers one row, how many it deleted and the newest {@code created_at} among
   * them}
   *
   * @param criteria which rows
   * @param limit the most rows
   */
  public abstract BoundSql purgeBatch(PurgeCriteria criteria, int limit);

  /**
   * {@return the select of the rows one purge batch deletes, alone: what {@link #purgeBatch} runs
   * inside its {@code DELETE}, for a query plan}
   *
   * @param criteria which rows
   * @param limit the most rows
   */
  public BoundSql purgeCandidates(PurgeCriteria criteria, int limit) {
    return purgeCandidates(new BoundSql(), criteria, limit);
  }

  /**
   * Appends the select of a batch's rows. The order is by creation time, then id; when the criteria
   * name exactly one group (and one type), {@code ORDER BY} starts with those columns, descending
   * like the tenant and type indexes, so that H2 reads the index in order (as {@link
   * ActivityQuerySql} does for feeds); the order is the same, since the columns are fixed.
   */
  protected BoundSql purgeCandidates(BoundSql out, PurgeCriteria c, int limit) {
    out.append("SELECT a.id FROM ").append(activity).append(" a WHERE a.created_at < ");
    out.param(time(c.createdBefore()));
    Instant from = c.createdFrom();
    if (from != null) {
      out.append(" AND a.created_at >= ").param(time(from));
    }
    inList(out, "a.workspace_group_id", " IN (", c.workspaceGroupIds(), SqlArguments::int64);
    inList(
        out,
        "a.workspace_group_id",
        " NOT IN (",
        c.excludedWorkspaceGroupIds(),
        SqlArguments::int64);
    inList(out, "a.activity_type", " IN (", c.typeCodes(), SqlArguments::text);
    inList(out, "a.activity_type", " NOT IN (", c.excludedTypeCodes(), SqlArguments::text);
    out.append(" ORDER BY ");
    if (c.workspaceGroupIds().size() == 1) {
      out.append("a.workspace_group_id DESC, ");
      if (c.typeCodes().size() == 1) {
        out.append("a.activity_type DESC, ");
      }
    }
    return out.append("a.created_at, a.id LIMIT ")
        .param(SqlArguments.int64(limit))
        .append(purgeLocking());
  }

  /**
   * {@return what a purge batch's select appends to lock its rows, or nothing when the {@code
   * DELETE}'s own row locks are used}
   */
  protected abstract String purgeLocking();

  private static <T> void inList(
      BoundSql out,
      String column,
      String operator,
      Collection<T> values,
      Function<T, Argument> argument) {
    if (values.isEmpty()) {
      return;
    }
    out.append(" AND ").append(column).append(operator);
    String separator = "";
    // Sorted, so that the same criteria always give the same statement text.
    for (T value : values.stream().sorted().toList()) {
      out.append(separator).param(argument.apply(value));
      separator = ", ";
    }
    out.append(")");
  }

  /**
   * {@return whether this session got a session-level advisory lock: PostgreSQL only} Parameter:
   * {@code key}.
   */
  public String tryAdvisoryLock() {
    return "SELECT pg_try_advisory_lock(:key)";
  }

  /**
   * {@return whether this session still holds a session-level advisory lock: PostgreSQL only}
   * Parameter: {@code key}. {@code pg_locks} shows a {@code bigint} key as its high half in {@code
   * classid} and its low half in {@code objid}, with {@code objsubid} 1.
   */
  public String holdsAdvisoryLock() {
    return "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
        + " AND pid = pg_backend_pid() AND objsubid = 1"
        + " AND ((classid::bigint << 32) | objid::bigint) = :key)";
  }

  /** {@return releases a session-level advisory lock: PostgreSQL only} Parameter: {@code key}. */
  public String advisoryUnlock() {
    return "SELECT pg_advisory_unlock(:key)";
  }

  /**
   * {@return the text that names this store's leases apart from those of a store in another schema
   * of the same database: PostgreSQL's advisory locks are per database}
   */
  public String leaseScope() {
    return lease;
  }

  /**
   * {@return a job lease row, locked until the transaction ends} Parameter: {@code name}. Columns:
   * holder, expires_at.
   */
  public String findLeaseForUpdate() {
    return "SELECT holder, expires_at FROM " + lease + " WHERE name = :name FOR UPDATE";
  }

  /**
   * Takes over a job lease whose expiry has passed; the caller locked its row. Parameters: {@code
   * name, holder, expires, now}. The update count is 1 when the lease was taken.
   *
   * @return the statement
   */
  public String takeOverLapsedLease() {
    return "UPDATE "
        + lease
        + " SET holder = :holder, expires_at = :expires WHERE name = :name AND expires_at <= :now";
  }

  /**
   * Adds a job lease row. Parameters: {@code name, holder, expires}. Of two takers inserting one
   * name, the later fails on the primary key.
   *
   * @return the statement
   */
  public String insertLease() {
    return "INSERT INTO " + lease + " (name, holder, expires_at) VALUES (:name, :holder, :expires)";
  }

  /**
   * Extends a job lease its holder still has. Parameters: {@code name, holder, expires}.
   *
   * @return the statement
   */
  public String renewLease() {
    return "UPDATE " + lease + " SET expires_at = :expires WHERE name = :name AND holder = :holder";
  }

  /**
   * Releases a job lease its holder still has. Parameters: {@code name, holder}.
   *
   * @return the statement
   */
  public String releaseLease() {
    return "DELETE FROM " + lease + " WHERE name = :name AND holder = :holder";
  }

  /**
   * Deletes every activity of an actor. Parameters: {@code kind, id}.
   *
   * @return the statement
   */
  public String deleteOfActor() {
    return "DELETE FROM " + activity + " WHERE actor_kind = :kind AND actor_id = :id";
  }

  /**
   * Replaces an actor in all its activities and clears the audit names, which may name the person,
   * as an update by nobody. Parameters: {@code kind, id} (the erased actor), {@code newKind, newId,
   * actor} (the replacement), {@code at}.
   *
   * @return the statement
   */
  public String anonymiseActor() {
    return "UPDATE "
        + activity
        + " SET actor_kind = :newKind, actor_id = :newId, actor = "
        + json("actor")
        + ", created_by = NULL, updated_at = :at, updated_by = NULL, deleted_by = NULL,"
        + " version = version + 1"
        + " WHERE actor_kind = :kind AND actor_id = :id";
  }

  /**
   * Removes a follow edge. Parameters: {@code fk, fi, ek, ei}.
   *
   * @return the statement
   */
  public String deleteFollow() {
    return "DELETE FROM "
        + follow
        + " WHERE follower_kind = :fk AND follower_id = :fi"
        + " AND followee_kind = :ek AND followee_id = :ei";
  }

  /** {@return whom an actor follows} Parameters: {@code fk, fi}. */
  public String following() {
    return "SELECT followee_kind, followee_id FROM "
        + follow
        + " WHERE follower_kind = :fk AND follower_id = :fi";
  }

  /**
   * Removes every edge from or to an actor. Parameters: {@code kind, id}.
   *
   * @return the statement
   */
  public String deleteFollowsOf() {
    return "DELETE FROM "
        + follow
        + " WHERE (follower_kind = :kind AND follower_id = :id)"
        + " OR (followee_kind = :kind AND followee_id = :id)";
  }
}
