package org.activitylog.jdbc.internal.sql;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The statements that differ on PostgreSQL's month-partitioned layout. PostgreSQL refuses a unique
 * key on a partitioned table unless it includes the partition column, so the idempotency key
 * (workspace group, uid) lives in a claim table of its own, {@code activitylog_activity_uid}: an
 * insert claims the key and stores the activity in one statement, and a trigger removes the claims
 * of deleted activities in the deleting transaction.
 */
final class PartitionedPostgresSql extends PostgresSql {
  private final String claims;

  PartitionedPostgresSql(@Nullable String schema) {
    super(schema);
    this.claims = (schema == null ? "" : "\"" + schema + "\".") + "activitylog_activity_uid";
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here the statement first inserts the claim and stores the activity only when the claim was
   * new. Two concurrent inserts of one key meet on the claim's primary key: the later waits for the
   * earlier to commit or roll back, exactly as on the unpartitioned table's unique index. The
   * activity's values are cast because an {@code INSERT … SELECT} does not type its parameters from
   * the target columns as {@code VALUES} does.
   */
  @Override
  public String insertIfAbsent() {
    return "WITH claim AS (INSERT INTO "
        + claims
        + " (uid, workspace_group_id, created_at)"
        + " VALUES (:uid, :workspaceGroupId, :createdAt) ON CONFLICT DO NOTHING RETURNING 1)"
        + " INSERT INTO "
        + activity
        + " ("
        + INSERT_COLUMNS
        + ") SELECT CAST(:uid AS uuid), CAST(:type AS varchar), CAST(:actorKind AS varchar),"
        + " CAST(:actorId AS varchar), CAST(:actor AS jsonb), CAST(:text AS varchar),"
        + " CAST(:resource AS jsonb), CAST(:workspaceGroupId AS bigint),"
        + " CAST(:workspaceGroup AS bigint), CAST(:campaignId AS uuid),"
        + " CAST(:campaignName AS varchar), CAST(:details AS jsonb),"
        + " CAST(:createdAt AS timestamptz), CAST(:createdBy AS varchar),"
        + " CAST(:createdAt AS timestamptz), CAST(:createdBy AS varchar), TRUE, 1 FROM claim";
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here the statement claims every key of the batch first and stores the activities whose claim
   * was new, in the batch's order (the ordinality of the arrays), so that ids grow with the batch
   * as on the plain table. Two batches that share keys meet on the claims' primary key.
   */
  @Override
  public Optional<String> insertManyIfAbsent() {
    return Optional.of(
        "WITH u AS (SELECT * FROM "
            + arrayRows("WITH ORDINALITY")
            + "), claim AS (INSERT INTO "
            + claims
            + " (uid, workspace_group_id, created_at)"
            + " SELECT u.uid, u.workspace_group_id, u.created_at FROM u ORDER BY u.ord"
            + " ON CONFLICT DO NOTHING RETURNING uid, workspace_group_id)"
            + " INSERT INTO "
            + activity
            + " ("
            + INSERT_COLUMNS
            + ") SELECT "
            + ARRAY_ROW_VALUES
            + " FROM u JOIN claim c ON c.uid = u.uid AND c.workspace_group_id = u.workspace_group_id"
            + " ORDER BY u.ord RETURNING id, uid, workspace_group_id");
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here the claim says when the activity was created, so the look-up reads one partition
   * instead of probing every month's uid index (run-time partition pruning on the sub-select).
   */
  @Override
  public String findByUid() {
    return super.findByUid()
        + " AND a.created_at = (SELECT k.created_at FROM "
        + claims
        + " k WHERE k.uid = :uid AND k.workspace_group_id = :workspaceGroupId)";
  }
}
