package org.activitylog.jdbc.internal.sql;

import org.activitylog.jdbc.Dialect;
import org.activitylog.spi.PurgeCriteria;
import org.jspecify.annotations.Nullable;

/**
 * The statements that differ on H2. H2 has no {@code ON CONFLICT}: inserts are guarded by {@code
 * NOT EXISTS}, and the rare race two transactions still lose to the unique key is retried by the
 * repository.
 */
final class H2Sql extends ActivitySql {

  H2Sql(@Nullable String schema) {
    super(schema);
  }

  @Override
  public Dialect dialect() {
    return Dialect.H2;
  }

  @Override
  protected String json(String parameter) {
    // JSON is kept as text on H2: its JSON type would need FORMAT JSON on every write.
    return ":" + parameter;
  }

  @Override
  public String insertIfAbsent() {
    return "INSERT INTO "
        + activity
        + " ("
        + INSERT_COLUMNS
        + ") SELECT "
        + insertValues()
        + " WHERE NOT EXISTS (SELECT 1 FROM "
        + activity
        + " x WHERE x.uid = :uid AND x.workspace_group_id = :workspaceGroupId)";
  }

  @Override
  public String generatedIdColumn() {
    return "ID";
  }

  @Override
  public String insertFollowIfAbsent() {
    return "INSERT INTO "
        + follow
        + " (follower_kind, follower_id, followee_kind, followee_id) SELECT :fk, :fi, :ek, :ei"
        + " WHERE NOT EXISTS (SELECT 1 FROM "
        + follow
        + " x WHERE x.follower_kind = :fk AND x.follower_id = :fi"
        + " AND x.followee_kind = :ek AND x.followee_id = :ei)";
  }

  @Override
  public BoundSql purgeBatch(PurgeCriteria criteria, int limit) {
    // A data change delta table: the DELETE's rows, read in the same statement.
    BoundSql out = new BoundSql().append("SELECT COUNT(*), MAX(created_at) FROM OLD TABLE (");
    out.append("DELETE FROM ").append(activity).append(" WHERE id IN (");
    purgeCandidates(out, criteria, limit);
    return out.append("))");
  }

  @Override
  protected String purgeLocking() {
    // A select FOR UPDATE makes H2 read and sort every matching row instead of reading the index
    // in order up to the limit (seen with EXPLAIN: no "index sorted"). The DELETE locks its own
    // rows, and writes to an H2 file run one at a time anyway (H2Durability).
    return "";
  }

  @Override
  public String explain(String select) {
    return "EXPLAIN " + select;
  }
}
