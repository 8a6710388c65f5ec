package org.activitylog.jdbc.internal.sql;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.jspecify.annotations.Nullable;

/**
 * Binds the column types of the activitylog tables the same way on every driver: times as {@code
 * OffsetDateTime} in UTC (never through the JVM's default zone), uids as {@code java.util.UUID},
 * and typed NULLs.
 */
public final class SqlArguments {
  private SqlArguments() {}

  /** A timestamp-with-time-zone value, or NULL. */
  public static Argument time(@Nullable Instant value) {
    if (value == null) {
      return (pos, stmt, ctx) -> stmt.setNull(pos, Types.TIMESTAMP_WITH_TIMEZONE);
    }
    OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
    return (pos, stmt, ctx) -> stmt.setObject(pos, utc);
  }

  /** A UUID value, or NULL. */
  public static Argument uuid(@Nullable UUID value) {
    return value == null
        ? (pos, stmt, ctx) -> stmt.setNull(pos, Types.OTHER)
        : (pos, stmt, ctx) -> stmt.setObject(pos, value);
  }

  /** A text value, or NULL. */
  public static Argument text(@Nullable String value) {
    return value == null
        ? (pos, stmt, ctx) -> stmt.setNull(pos, Types.VARCHAR)
        : (pos, stmt, ctx) -> stmt.setString(pos, value);
  }

  /** A BIGINT value. */
  public static Argument int64(long value) {
    return (pos, stmt, ctx) -> stmt.setLong(pos, value);
  }

  /** A BIGINT value, or NULL. */
  public static Argument nullableInt64(@Nullable Long value) {
    return value == null
        ? (pos, stmt, ctx) -> stmt.setNull(pos, Types.BIGINT)
        : (pos, stmt, ctx) -> stmt.setLong(pos, value);
  }
}
