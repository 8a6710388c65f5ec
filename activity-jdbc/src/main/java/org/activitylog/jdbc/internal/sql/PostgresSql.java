package org.activitylog.jdbc.internal.sql;

import org.activitylog.jdbc.Dialect;
import org.jspecify.annotations.Nullable;

/** The statements that differ on PostgreSQL: {@code jsonb} casts and {@code ON CONFLICT}. */
class PostgresSql extends ActivitySql {

  PostgresSql(@Nullable String schema) {
    super(schema);
  }

  @Override
  public Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Override
  protected String json(String parameter) {
    return "CAST(:" + parameter + " AS jsonb)";
  }

  @Override
  public String insertIfAbsent() {
    return "INSERT INTO "
        + activity
        + " ("
        + INSERT_COLUMNS
        + ") VALUES ("
        + insertValues()
        + ") ON CONFLICT (uid, workspace_group_id) DO NOTHING";
  }

  @Override
  public String generatedIdColumn() {
    return "id";
  }

  @Override
  public String insertFollowIfAbsent() {
    return "INSERT INTO "
        + follow
        + " (follower_kind, follower_id, followee_kind, followee_id) VALUES (:fk, :fi, :ek, :ei)"
        + " ON CONFLICT DO NOTHING";
  }

  @Override
  protected String purgeReportStart() {
    return "WITH gone AS (";
  }

  @Override
  protected String purgeReportEnd() {
    return " RETURNING created_at) SELECT COUNT(*), MAX(created_at) FROM gone";
  }

  @Override
  protected String purgeLocking() {
    // A batch never waits for a row a writer holds, and so never deadlocks with an erasure that
    // locks the same rows in another order; a skipped row is left for a later batch or purge.
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  public String explain(String select) {
    return "EXPLAIN " + select;
  }
}
