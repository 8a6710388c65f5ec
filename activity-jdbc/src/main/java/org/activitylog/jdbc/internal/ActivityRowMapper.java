package org.activitylog.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Campaign;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;

/** Reads an activity from a row of {@code ActivitySql.COLUMNS}, by position. */
final class ActivityRowMapper implements RowMapper<Activity> {
  private final JsonColumns json;
  private final ActivityCatalogue catalogue;

  ActivityRowMapper(JsonColumns json, ActivityCatalogue catalogue) {
    this.json = json;
    this.catalogue = catalogue;
  }

  @Override
  public Activity map(ResultSet rs, StatementContext ctx) throws SQLException {
    long id = rs.getLong(1);
    UUID uid = rs.getObject(2, UUID.class);
    // A code no registered type claims reads as UnknownActivityType: rows of host types this
    // store was not told about stay readable.
    ActivityKind type = catalogue.resolve(rs.getString(3));
    ActorRef.Kind kind = ActorRef.Kind.valueOf(rs.getString(4));
    String actor = rs.getString(5);
    String text = rs.getString(6);
    String resource = rs.getString(7);
    long workspaceGroupId = rs.getLong(8);
    // Column workspace_group (AISquare's wire name) holds derivedWorkspaceGroupId; renaming the
    // column only to match the Java name is not worth a migration.
    long derivedColumn = rs.getLong(9);
    Long derivedWorkspaceGroupId = rs.wasNull() ? null : derivedColumn;
    UUID campaignId = rs.getObject(10, UUID.class);
    String campaignName = rs.getString(11);
    String details = rs.getString(12);
    ActivityContent content =
        new ActivityContent(
            type,
            json.readActor(kind, actor),
            text,
            json.readResource(resource),
            workspaceGroupId,
            derivedWorkspaceGroupId,
            campaignId == null ? null : new Campaign(campaignId, campaignName),
            json.readDetails(details));
    return new Activity(
        id,
        uid,
        content,
        instant(rs, 13),
        rs.getString(14),
        instant(rs, 15),
        rs.getString(16),
        nullableInstant(rs, 17),
        rs.getString(18),
        rs.getBoolean(19),
        rs.getLong(20));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
