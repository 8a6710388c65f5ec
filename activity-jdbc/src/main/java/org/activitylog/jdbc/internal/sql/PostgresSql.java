package org.activitylog.jdbc.internal.sql;

import java.util.Optional;
import org.activitylog.jdbc.Dialect;
import org.activitylog.spi.PurgeCriteria;
import org.jspecify.annotations.Nullable;

/** The statements that differ on PostgreSQL: {@code jsonb} casts and {@code ON CONFLICT}. */
class PostgresSql extends ActivitySql {
  /**
   * What every insert of an activity does when its key is taken: the key's unique index decides.
   */
  private static final String ON_KEY_CONFLICT = " ON CONFLICT (uid, workspace_group_id) DO NOTHING";

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
        + ")"
        + ON_KEY_CONFLICT;
  }

  @Override
  public Optional<String> insertManyIfAbsent() {
    // One statement per batch: the rows arrive as one array per column, so the statement's text,
    // plan and round trip are the same for 2 rows or 1000, where a JDBC batch of the one-row
    // insert executes (and, on the server, plans and checks the key) once per row.
    return Optional.of(
        "INSERT INTO "
            + activity
            + " ("
            + INSERT_COLUMNS
            + ") SELECT "
            + ARRAY_ROW_VALUES
            + " FROM "
            + arrayRows("")
            + ON_KEY_CONFLICT
            + " RETURNING id, uid, workspace_group_id");
  }

  /** The values of {@link #INSERT_COLUMNS} taken from a row {@code u} of {@link #arrayRows}. */
  static final String ARRAY_ROW_VALUES =
      "u.uid, u.activity_type, u.actor_kind, u.actor_id, CAST(u.actor AS jsonb),"
          + " u.text, CAST(u.resource AS jsonb), u.workspace_group_id, u.workspace_group,"
          + " u.campaign_id, u.campaign_name, CAST(u.details AS jsonb), u.created_at,"
          + " u.created_by, u.created_at, u.created_by, TRUE, 1";

  /**
   * {@return the batch's rows as a relation {@code u}, one array parameter per column in the order
   * {@link #insertManyIfAbsent()} documents}
   *
   * @param extra what follows the unnest before its alias, such as {@code WITH ORDINALITY}, with
   *     the extra column named in the alias by the caller's own text; empty for none
   */
  static String arrayRows(String extra) {
    return "unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),"
        + " CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
        + " CAST(? AS int8[]), CAST(? AS int8[]), CAST(? AS uuid[]), CAST(? AS text[]),"
        + " CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS text[]))"
        + (extra.isEmpty() ? "" : " " + extra)
        + " AS u(uid, activity_type, actor_kind, actor_id, actor, text, resource,"
        + " workspace_group_id, workspace_group, campaign_id, campaign_name, details,"
        + " created_at, created_by"
        + (extra.isEmpty() ? "" : ", ord")
        + ")";
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
  public BoundSql purgeBatch(PurgeCriteria criteria, int limit) {
    // The batch's ids are chosen once, in a materialized CTE. Written as `DELETE … WHERE id IN
    // (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)`, the planner may run the sub-select again for
    // rows of a nested loop, and a batch then deleted more rows than its limit (seen in the
    // contract: 3 rows in a batch of 2).
    BoundSql out = new BoundSql().append("WITH batch AS MATERIALIZED (");
    purgeCandidates(out, criteria, limit);
    return out.append("), gone AS (DELETE FROM ")
        .append(activity)
        .append(" WHERE id IN (SELECT id FROM batch) RETURNING created_at)")
        .append(" SELECT COUNT(*), MAX(created_at) FROM gone");
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
