package org.activitylog.benchmarks.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.Actor;
import org.activitylog.api.NewActivity;
import org.activitylog.jdbc.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * The raw JDBC insert baselines: a {@link PreparedStatement} per call, values bound by position,
 * the JSON columns written with Jackson. It runs the same insert-if-absent statement the library
 * must run and, like the library, reads back the generated ids unless told not to.
 */
public final class RawActivityWriter {
  private final DataSource dataSource;
  private final RawSql sql;
  private final RawJson json;
  private final String insertIfAbsent;
  private final String insert;
  private final boolean guardTakesUid;

  /**
   * Creates the writer.
   *
   * @param dataSource where connections come from
   * @param sql the statements of the database
   * @param json the JSON codec
   */
  public RawActivityWriter(DataSource dataSource, RawSql sql, RawJson json) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.json = json;
    this.insertIfAbsent = sql.insertIfAbsent();
    this.insert = sql.insert();
    this.guardTakesUid = sql.dialect() == Dialect.H2;
  }

  /**
   * Inserts one activity in its own autocommitted statement.
   *
   * @param activity the activity
   * @return the new id, or 0 when the uid was stored already
   * @throws SQLException when the insert fails
   */
  public long insertOne(NewActivity activity) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(insertIfAbsent, new String[] {sql.generatedKey()})) {
      bind(ps, activity, guardTakesUid);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : 0;
      }
    }
  }

  /**
   * Inserts activities in one JDBC batch and one transaction.
   *
   * @param activities the activities
   * @param generatedKeys whether to read back the new ids, as the library does
   * @return how many rows were inserted
   * @throws SQLException when the insert fails; the transaction is rolled back
   */
  public long insertBatch(List<NewActivity> activities, boolean generatedKeys) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return insertBatch(c, true, activities, generatedKeys);
    }
  }

  /**
   * Inserts activities in one JDBC batch and one transaction on a given connection.
   *
   * @param c the connection, left in autocommit mode afterwards
   * @param ifAbsent true for {@link RawSql#insertIfAbsent()}, false for the plain {@link
   *     RawSql#insert()} of rows known to be new
   * @param activities the activities
   * @param generatedKeys whether to read back the new ids
   * @return how many rows were inserted
   * @throws SQLException when the insert fails; the transaction is rolled back
   */
  public long insertBatch(
      Connection c, boolean ifAbsent, List<NewActivity> activities, boolean generatedKeys)
      throws SQLException {
    String statement = ifAbsent ? insertIfAbsent : insert;
    c.setAutoCommit(false);
    try (PreparedStatement ps =
        generatedKeys
            ? c.prepareStatement(statement, new String[] {sql.generatedKey()})
            : c.prepareStatement(statement)) {
      for (NewActivity a : activities) {
        bind(ps, a, ifAbsent && guardTakesUid);
        ps.addBatch();
      }
      long inserted = 0;
      for (int n : ps.executeBatch()) {
        inserted += n == PreparedStatement.SUCCESS_NO_INFO ? 1 : n;
      }
      if (generatedKeys) {
        long checksum = 0;
        try (ResultSet keys = ps.getGeneratedKeys()) {
          while (keys.next()) {
            checksum += keys.getLong(1);
          }
        }
        if (checksum < 0) {
          throw new IllegalStateException("negative generated ids");
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

  private void bind(PreparedStatement ps, NewActivity a, boolean trailingUid) throws SQLException {
    ActivityContent c = a.content();
    Actor actor = c.actor();
    OffsetDateTime created = Objects.requireNonNull(a.createdAt()).atOffset(ZoneOffset.UTC);
    int i = 1;
    ps.setObject(i++, a.uid());
    ps.setString(i++, c.type().code());
    ps.setString(i++, actor.ref().kind().name());
    ps.setString(i++, actor.ref().id());
    ps.setString(i++, json.actor(actor));
    ps.setString(i++, c.text());
    setText(ps, i++, json.resource(c.resource()));
    ps.setLong(i++, c.workspaceGroupId());
    if (c.derivedWorkspaceGroupId() == null) {
      ps.setNull(i++, Types.BIGINT);
    } else {
      ps.setLong(i++, c.derivedWorkspaceGroupId());
    }
    if (c.campaign() == null) {
      ps.setNull(i++, Types.OTHER);
      ps.setNull(i++, Types.VARCHAR);
    } else {
      ps.setObject(i++, c.campaign().id());
      ps.setString(i++, c.campaign().name());
    }
    setText(ps, i++, json.details(c.extensions()));
    ps.setObject(i++, created);
    setText(ps, i++, a.createdBy());
    ps.setObject(i++, created);
    setText(ps, i++, a.createdBy());
    if (trailingUid) {
      // H2's NOT EXISTS guard takes the key, uid and workspace group, once more, last.
      ps.setObject(i++, a.uid());
      ps.setLong(i, c.workspaceGroupId());
    }
  }

  private static void setText(PreparedStatement ps, int index, @Nullable String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }
}
