package org.activitylog.benchmarks.db;

import org.activitylog.jdbc.Dialect;

/**
 * The hand-written SQL of the raw JDBC baselines, on the table the library's migrations create.
 * Each statement is the form an expert would write after reading the query plans: the ORDER BY of a
 * workspace's feed matches the tenant index so H2 reads it in order, and keyset conditions use the
 * row comparison that both databases turn into an index range.
 */
public final class RawSql {
  /** The table, as the library's migrations name it. */
  public static final String TABLE = "activitylog_activity";

  /** Every column a read returns, as many as the library's reads fetch. */
  public static final String COLUMNS =
      "id, uid, activity_type, actor_kind, actor, text, resource, workspace_group_id,"
          + " workspace_group, campaign_id, campaign_name, details, created_at, created_by,"
          + " updated_at, updated_by, deleted_at, deleted_by, is_active, version";

  private static final String INSERT_COLUMNS =
      "uid, activity_type, actor_kind, actor_id, actor, text, resource, workspace_group_id,"
          + " workspace_group, campaign_id, campaign_name, details, created_at, created_by,"
          + " updated_at, updated_by, is_active, version";

  private static final String WORKSPACE_ORDER =
      " ORDER BY workspace_group_id, created_at DESC, id DESC";
  private static final String TIME_ORDER = " ORDER BY created_at DESC, id DESC";

  private final Dialect dialect;

  /**
   * The statements for a database.
   *
   * @param dialect the database
   */
  public RawSql(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The database these statements are for. */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Inserts a row unless its workspace group holds its uid, as the library must: {@code ON CONFLICT
   * DO NOTHING} on PostgreSQL, {@code NOT EXISTS} on H2 (which then takes the uid and the workspace
   * group a second time, last).
   */
  public String insertIfAbsent() {
    if (dialect == Dialect.POSTGRESQL) {
      return "INSERT INTO "
          + TABLE
          + " ("
          + INSERT_COLUMNS
          + ") VALUES ("
          + values()
          + ")"
          + " ON CONFLICT (uid, workspace_group_id) DO NOTHING";
    }
    return "INSERT INTO "
        + TABLE
        + " ("
        + INSERT_COLUMNS
        + ") SELECT "
        + values()
        + " WHERE NOT EXISTS (SELECT 1 FROM "
        + TABLE
        + " x WHERE x.uid = ? AND x.workspace_group_id = ?)";
  }

  /** A plain insert, for loading a data set of distinct uids. */
  public String insert() {
    return "INSERT INTO " + TABLE + " (" + INSERT_COLUMNS + ") VALUES (" + values() + ")";
  }

  /** The name of the generated key column as the driver wants it. */
  public String generatedKey() {
    return dialect == Dialect.POSTGRESQL ? "id" : "ID";
  }

  /** The newest activities of one workspace. Parameters: workspace, limit. */
  public String firstPageOfWorkspace() {
    return "SELECT "
        + COLUMNS
        + " FROM "
        + TABLE
        + " WHERE workspace_group_id = ? AND deleted_at IS NULL"
        + WORKSPACE_ORDER
        + " LIMIT ?";
  }

  /** The activities of one workspace after a cursor. Parameters: workspace, keyset, limit. */
  public String keysetPageOfWorkspace() {
    return "SELECT "
        + COLUMNS
        + " FROM "
        + TABLE
        + " WHERE workspace_group_id = ? AND deleted_at IS NULL AND "
        + keyset()
        + WORKSPACE_ORDER
        + " LIMIT ?";
  }

  /** The newest activities of all workspaces. Parameter: limit. */
  public String firstPageOverall() {
    return "SELECT "
        + COLUMNS
        + " FROM "
        + TABLE
        + " WHERE deleted_at IS NULL"
        + TIME_ORDER
        + " LIMIT ?";
  }

  /** The activities of all workspaces after a cursor. Parameters: keyset, limit. */
  public String keysetPageOverall() {
    return "SELECT "
        + COLUMNS
        + " FROM "
        + TABLE
        + " WHERE deleted_at IS NULL AND "
        + keyset()
        + TIME_ORDER
        + " LIMIT ?";
  }

  /** How many activities a workspace has. Parameter: workspace. */
  public String countOfWorkspace() {
    return "SELECT COUNT(*) FROM " + TABLE + " WHERE workspace_group_id = ? AND deleted_at IS NULL";
  }

  /** How many activities of a type a workspace has. Parameters: workspace, type code. */
  public String countOfWorkspaceAndType() {
    return "SELECT COUNT(*) FROM "
        + TABLE
        + " WHERE workspace_group_id = ? AND activity_type = ? AND deleted_at IS NULL";
  }

  /** The sort key at a depth of all workspaces' feed. Parameter: offset. */
  public String cursorOverall() {
    return "SELECT created_at, id FROM "
        + TABLE
        + " WHERE deleted_at IS NULL"
        + TIME_ORDER
        + " LIMIT 1 OFFSET ?";
  }

  /** The sort key at a depth of one workspace's feed. Parameters: workspace, offset. */
  public String cursorOfWorkspace() {
    return "SELECT created_at, id FROM "
        + TABLE
        + " WHERE workspace_group_id = ? AND deleted_at IS NULL"
        + WORKSPACE_ORDER
        + " LIMIT 1 OFFSET ?";
  }

  /**
   * The keyset condition "strictly after the cursor, newest first", as a row comparison: both
   * PostgreSQL 15 and H2 2.5 turn it into an index range that starts at the cursor (H2's plan shows
   * {@code CREATED_AT <= ?1} as the index condition and reads 21 rows for a page of 20), while H2
   * reads every row before the cursor for the expanded {@code created_at < ? OR (created_at = ? AND
   * id < ?)}.
   */
  private static String keyset() {
    return "(created_at, id) < (?, ?)";
  }

  private String values() {
    String json = dialect == Dialect.POSTGRESQL ? "CAST(? AS jsonb)" : "?";
    return "?, ?, ?, ?, "
        + json
        + ", ?, "
        + json
        + ", ?, ?, ?, ?, "
        + json
        + ", ?, ?, ?, ?, TRUE, 1";
  }
}
