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

  /**
   * {@return a timestamp-with-time-zone value, or NULL}
   *
   * @param value the instant, or null
   */
  public static Argument time(@Nullable Instant value) {
    if (value == null) {
      return (pos, stmt, ctx) -> stmt.setNull(pos, Types.TIMESTAMP_WITH_TIMEZONE);
    }
    OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
    return (pos, stmt, ctx) -> stmt.setObject(pos, utc);
  }

  /**
   * {@return a UUID value, or NULL}
   *
   * @param value the uid, or null
   */
  public static Argument uuid(@Nullable UUID value) {
    return value == null
        ? (pos, stmt, ctx) -> stmt.setNull(pos, Types.OTHER)
        : (pos, stmt, ctx) -> stmt.setObject(pos, value);
  }

  /**
   * {@return a text value, or NULL}
   *
   * @param value the text, or null
   */
  public static Argument text(@Nullable String value) {
    return value == null
        ? (pos, stmt, ctx) -> stmt.setNull(pos, Types.VARCHAR)
        : (pos, stmt, ctx) -> stmt.setString(pos, value);
  }

  /**
   * {@return a BIGINT value}
   *
   * @param value the number
   */
  public static Argument int64(long value) {
    return (pos, stmt, ctx) -> stmt.setLong(pos, value);
  }

  /**
   * {@return a BIGINT value, or NULL}
   *
   * @param value the number, or null
   */
  public static Argument nullableInt64(@Nullable Long value) {
    return value == null
        ? (pos, stmt, ctx) -> stmt.setNull(pos, Types.BIGINT)
        : (pos, stmt, ctx) -> stmt.setLong(pos, value);
  }
}
