package org.activitylog.benchmarks.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.Actor;
import org.activitylog.api.Campaign;
import org.activitylog.api.NewActivity;
import org.activitylog.benchmarks.db.RawJson;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * The exact insert-if-absent techniques the library's PostgreSQL batch insert is measured against,
 * written as a hand-tuned DAO would write them on the library's own table. Each inserts one batch
 * of rows with distinct keys in one transaction, skips rows whose {@code (uid, workspace_group_id)}
 * is stored already, and reads back the generated id of every row it inserted (as the library must,
 * to return the stored activities).
 */
final class IngestTechniques {
  /** The columns every technique writes, in the library's order. */
  static final String COLUMNS =
      "uid, activity_type, actor_kind, actor_id, actor, text, resource, workspace_group_id,"
          + " workspace_group, campaign_id, campaign_name, details, created_at, created_by,"
          + " updated_at, updated_by, is_active, version";

  private static final String CONFLICT = " ON CONFLICT (uid, workspace_group_id) DO NOTHING";

  private final String table;
  private final String staging;
  private final RawJson json = new RawJson();

  /**
   * Creates the techniques for the activity table of a schema.
   *
   * @param schema the schema the library migrated
   */
  IngestTechniques(String schema) {
    this.table = schema + ".activitylog_activity";
    this.staging = "ingest_stage";
  }

  /** (d) and (c): the library's one-row statement in a JDBC batch, generated keys read back. */
  long batchLoop(Connection c, List<NewActivity> rows) throws SQLException {
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, ?, ?, ?,"
            + " CAST(? AS jsonb), ?, ?, ?, ?, TRUE, 1)"
            + CONFLICT;
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      for (NewActivity a : rows) {
        ActivityContent content = a.content();
        Actor actor = content.actor();
        Campaign campaign = content.campaign();
        ps.setObject(1, a.uid());
        ps.setString(2, content.type().code());
        ps.setString(3, actor.ref().kind().name());
        ps.setString(4, actor.ref().id());
        ps.setString(5, json.actor(actor));
        ps.setString(6, content.text());
        ps.setString(7, json.resource(content.resource()));
        ps.setLong(8, content.workspaceGroupId());
        setLong(ps, 9, content.derivedWorkspaceGroupId());
        ps.setObject(10, campaign == null ? null : campaign.id(), Types.OTHER);
        ps.setString(11, campaign == null ? null : campaign.name());
        ps.setString(12, json.details(content.extensions()));
        ps.setObject(13, at(a).atOffset(ZoneOffset.UTC));
        ps.setString(14, a.createdBy());
        ps.setObject(15, at(a).atOffset(ZoneOffset.UTC));
        ps.setString(16, a.createdBy());
        ps.addBatch();
      }
      ps.executeBatch();
      long inserted = 0;
      try (ResultSet keys = ps.getGeneratedKeys()) {
        while (keys.next()) {
          keys.getLong(1);
          inserted++;
        }
      }
      c.commit();
      return inserted;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** (b): one multi-row insert from one array per column, ids returned. */
  long unnest(Connection c, List<NewActivity> rows) throws SQLException {
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + COLUMNS
            + ") SELECT u.uid, u.t, u.ak, u.ai, CAST(u.actor AS jsonb), u.text,"
            + " CAST(u.resource AS jsonb), u.wg, u.dwg, u.cid, u.cname, CAST(u.details AS jsonb),"
            + " u.at, u.by, u.at, u.by, TRUE, 1"
            + " FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),"
            + " CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
            + " CAST(? AS int8[]), CAST(? AS int8[]), CAST(? AS uuid[]), CAST(? AS text[]),"
            + " CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS text[]))"
            + " AS u(uid, t, ak, ai, actor, text, resource, wg, dwg, cid, cname, details, at, by)"
            + CONFLICT
            + " RETURNING id";
    int n = rows.size();
    UUID[] uid = new UUID[n];
    String[] type = new String[n];
    String[] kind = new String[n];
    String[] actorId = new String[n];
    String[] actor = new String[n];
    @Nullable String[] text = new String[n];
    @Nullable String[] resource = new String[n];
    Long[] wg = new Long[n];
    @Nullable Long[] dwg = new Long[n];
    @Nullable UUID[] cid = new UUID[n];
    @Nullable String[] cname = new String[n];
    @Nullable String[] details = new String[n];
    String[] at = new String[n];
    @Nullable String[] by = new String[n];
    for (int i = 0; i < n; i++) {
      NewActivity a = rows.get(i);
      ActivityContent content = a.content();
      Campaign campaign = content.campaign();
      uid[i] = a.uid();
      type[i] = content.type().code();
      kind[i] = content.actor().ref().kind().name();
      actorId[i] = content.actor().ref().id();
      actor[i] = json.actor(content.actor());
      text[i] = content.text();
      resource[i] = json.resource(content.resource());
      wg[i] = content.workspaceGroupId();
      dwg[i] = content.derivedWorkspaceGroupId();
      cid[i] = campaign == null ? null : campaign.id();
      cname[i] = campaign == null ? null : campaign.name();
      details[i] = json.details(content.extensions());
      at[i] = at(a).toString();
      by[i] = a.createdBy();
    }
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Array[] arrays = {
        c.createArrayOf("uuid", uid),
        c.createArrayOf("text", type),
        c.createArrayOf("text", kind),
        c.createArrayOf("text", actorId),
        c.createArrayOf("text", actor),
        c.createArrayOf("text", text),
        c.createArrayOf("text", resource),
        c.createArrayOf("int8", wg),
        c.createArrayOf("int8", dwg),
        c.createArrayOf("uuid", cid),
        c.createArrayOf("text", cname),
        c.createArrayOf("text", details),
        c.createArrayOf("text", at),
        c.createArrayOf("text", by)
      };
      for (int i = 0; i < arrays.length; i++) {
        ps.setArray(i + 1, arrays[i]);
      }
      long inserted = 0;
      try (ResultSet keys = ps.executeQuery()) {
        while (keys.next()) {
          keys.getLong(1);
          inserted++;
        }
      }
      c.commit();
      return inserted;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /**
   * (a): {@code COPY} into a temporary staging table (one per connection, emptied at every commit),
   * then one insert-if-absent from it, ids returned.
   */
  long copy(Connection c, List<NewActivity> rows) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TEMP TABLE IF NOT EXISTS "
              + staging
              + " (uid uuid, activity_type text, actor_kind text, actor_id text, actor jsonb,"
              + " text text, resource jsonb, workspace_group_id int8, workspace_group int8,"
              + " campaign_id uuid, campaign_name text, details jsonb, created_at timestamptz,"
              + " created_by text) ON COMMIT DELETE ROWS");
    }
    StringBuilder data = new StringBuilder(rows.size() * 400);
    for (NewActivity a : rows) {
      ActivityContent content = a.content();
      Campaign campaign = content.campaign();
      field(data, Objects.requireNonNull(a.uid()).toString());
      field(data, content.type().code());
      field(data, content.actor().ref().kind().name());
      field(data, content.actor().ref().id());
      field(data, json.actor(content.actor()));
      field(data, content.text());
      field(data, json.resource(content.resource()));
      field(data, Long.toString(content.workspaceGroupId()));
      Long dwg = content.derivedWorkspaceGroupId();
      field(data, dwg == null ? null : dwg.toString());
      field(data, campaign == null ? null : campaign.id().toString());
      field(data, campaign == null ? null : campaign.name());
      field(data, json.details(content.extensions()));
      field(data, at(a).toString());
      field(data, a.createdBy());
      data.setCharAt(data.length() - 1, '\n');
    }
    c.setAutoCommit(false);
    try {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY " + staging + " FROM STDIN (FORMAT text)", new StringReader(data.toString()));
      long inserted = 0;
      try (Statement st = c.createStatement();
          ResultSet keys =
              st.executeQuery(
                  "INSERT INTO "
                      + table
                      + " ("
                      + COLUMNS
                      + ") SELECT uid, activity_type, actor_kind, actor_id, actor, text, resource,"
                      + " workspace_group_id, workspace_group, campaign_id, campaign_name,"
                      + " details, created_at, created_by, created_at, created_by, TRUE, 1 FROM "
                      + staging
                      + CONFLICT
                      + " RETURNING id")) {
        while (keys.next()) {
          keys.getLong(1);
          inserted++;
        }
      }
      c.commit();
      return inserted;
    } catch (SQLException | IOException | RuntimeException e) {
      c.rollback();
      throw e instanceof SQLException s ? s : new SQLException("COPY failed", e);
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** Appends one field of COPY's text format and a tab: {@code \N} for NULL, escapes otherwise. */
  private static void field(StringBuilder out, @Nullable String value) {
    if (value == null) {
      out.append("\\N");
    } else {
      for (int i = 0; i < value.length(); i++) {
        char ch = value.charAt(i);
        switch (ch) {
          case '\\' -> out.append("\\\\");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> out.append(ch);
        }
      }
    }
    out.append('\t');
  }

  private static Instant at(NewActivity a) {
    return Objects.requireNonNull(a.createdAt(), "createdAt");
  }

  private static void setLong(PreparedStatement ps, int p, @Nullable Long value)
      throws SQLException {
    if (value == null) {
      ps.setNull(p, Types.BIGINT);
    } else {
      ps.setLong(p, value);
    }
  }
}
