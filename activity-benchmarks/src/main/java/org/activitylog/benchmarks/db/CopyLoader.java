package org.activitylog.benchmarks.db;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Properties;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.Actor;
import org.activitylog.api.Campaign;
import org.activitylog.api.NewActivity;
import org.activitylog.benchmarks.data.SyntheticActivities;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The raw baseline of a bulk load on PostgreSQL: one {@code COPY ... FROM STDIN} (text format) of a
 * data set into the activity table the library's migrations created, indexes in place, on a
 * connection of its own. The rows carry the same columns and JSON as {@link RawActivityWriter}'s
 * inserts; ids come from the table's identity, in load order.
 */
public final class CopyLoader {
  private static final String COPY =
      "COPY "
          + RawSql.TABLE
          + " (uid, activity_type, actor_kind, actor_id, actor, text, resource,"
          + " workspace_group_id, workspace_group, campaign_id, campaign_name, details, created_at,"
          + " created_by, updated_at, updated_by, is_active, version) FROM STDIN";

  /** Rows sent to the server per write: large enough that the driver's calls do not matter. */
  private static final int CHUNK = 2_000;

  private final BenchDatabase database;
  private final RawJson json;
  private final PrintStream progress;

  /**
   * Creates a loader.
   *
   * @param database a PostgreSQL database whose unqualified {@code activitylog_activity} is the
   *     target
   * @param json the JSON codec of the raw baselines
   * @param progress where progress lines go
   */
  public CopyLoader(BenchDatabase database, RawJson json, PrintStream progress) {
    this.database = database;
    this.json = json;
    this.progress = progress;
  }

  /**
   * Loads activities {@code 0} to {@code total - 1} of a data set in one COPY, one transaction.
   *
   * @param data the data set
   * @param total how many
   * @return how long it took, in nanoseconds
   * @throws SQLException when the COPY fails
   */
  public long load(SyntheticActivities data, long total) throws SQLException {
    long start = System.nanoTime();
    try (Connection c = database.connectDirectly(new Properties())) {
      CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
      try {
        StringBuilder rows = new StringBuilder(CHUNK * 700);
        long reported = 0;
        for (long i = 0; i < total; i++) {
          row(rows, data.historical(i, total));
          if ((i + 1) % CHUNK == 0 || i == total - 1) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            rows.setLength(0);
          }
          if (i + 1 - reported >= Math.max(1, total / 10)) {
            reported = i + 1;
            progress.printf(
                "  copied %,d of %,d rows in %.0f s%n",
                reported, total, (System.nanoTime() - start) / 1e9);
          }
        }
        in.endCopy();
      } finally {
        if (in.isActive()) {
          in.cancelCopy();
        }
      }
    }
    return System.nanoTime() - start;
  }

  private void row(StringBuilder out, NewActivity a) {
    ActivityContent c = a.content();
    Actor actor = c.actor();
    String created = Objects.requireNonNull(a.createdAt()).atOffset(ZoneOffset.UTC).toString();
    field(out, Objects.requireNonNull(a.uid(), "uid").toString());
    field(out, c.type().code());
    field(out, actor.ref().kind().name());
    field(out, actor.ref().id());
    field(out, json.actor(actor));
    field(out, c.text());
    field(out, json.resource(c.resource()));
    field(out, Long.toString(c.workspaceGroupId()));
    Long derived = c.derivedWorkspaceGroupId();
    field(out, derived == null ? null : derived.toString());
    Campaign campaign = c.campaign();
    field(out, campaign == null ? null : campaign.id().toString());
    field(out, campaign == null ? null : campaign.name());
    field(out, json.details(c.extensions()));
    field(out, created);
    field(out, a.createdBy());
    field(out, created);
    field(out, a.createdBy());
    field(out, "t");
    out.append("1\n");
  }

  /** One field of COPY's text format and its tab: {@code \N} for null, special bytes escaped. */
  private static void field(StringBuilder out, @Nullable String value) {
    if (value == null) {
      out.append("\\N\t");
      return;
    }
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
    out.append('\t');
  }
}
