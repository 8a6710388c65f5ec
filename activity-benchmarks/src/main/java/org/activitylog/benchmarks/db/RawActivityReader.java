package org.activitylog.benchmarks.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.activitylog.api.Cursor;

/**
 * The raw JDBC read baselines: the hand-written statements of {@link RawSql}, a connection from the
 * shared pool per call, every column read by position. With {@code parse} the JSON columns are also
 * parsed with Jackson, so the caller gets the same information the library's typed activities
 * carry.
 */
public final class RawActivityReader {
  private final DataSource dataSource;
  private final RawSql sql;
  private final RawJson json;
  private final String firstPageOfWorkspace;
  private final String keysetPageOfWorkspace;
  private final String firstPageOverall;
  private final String keysetPageOverall;
  private final String countOfWorkspace;
  private final String countOfWorkspaceAndType;

  /**
   * Creates the reader.
   *
   * @param dataSource where connections come from
   * @param sql the statements of the database
   * @param json the JSON codec
   */
  public RawActivityReader(DataSource dataSource, RawSql sql, RawJson json) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.json = json;
    this.firstPageOfWorkspace = sql.firstPageOfWorkspace();
    this.keysetPageOfWorkspace = sql.keysetPageOfWorkspace();
    this.firstPageOverall = sql.firstPageOverall();
    this.keysetPageOverall = sql.keysetPageOverall();
    this.countOfWorkspace = sql.countOfWorkspace();
    this.countOfWorkspaceAndType = sql.countOfWorkspaceAndType();
  }

  /**
   * The first page of a workspace with its total, as the library's page API answers it: the total
   * is counted only when the page is full.
   *
   * @param workspace the workspace group
   * @param limit the page size
   * @param parse whether to parse the JSON columns
   * @throws SQLException when a query fails
   */
  public RawPage firstPageOfWorkspaceWithTotal(long workspace, int limit, boolean parse)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      List<RawActivity> items;
      try (PreparedStatement ps = c.prepareStatement(firstPageOfWorkspace)) {
        ps.setLong(1, workspace);
        ps.setInt(2, limit);
        items = read(ps, parse);
      }
      long total = items.size() < limit ? items.size() : count(c, workspace);
      return new RawPage(items, total);
    }
  }

  /**
   * The first page of a workspace.
   *
   * @param workspace the workspace group
   * @param limit the page size
   * @param parse whether to parse the JSON columns
   * @throws SQLException when the query fails
   */
  public List<RawActivity> firstPageOfWorkspace(long workspace, int limit, boolean parse)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(firstPageOfWorkspace)) {
      ps.setLong(1, workspace);
      ps.setInt(2, limit);
      return read(ps, parse);
    }
  }

  /**
   * The page of a workspace after a cursor.
   *
   * @param workspace the workspace group
   * @param after the cursor
   * @param limit the page size
   * @param parse whether to parse the JSON columns
   * @throws SQLException when the query fails
   */
  public List<RawActivity> keysetPageOfWorkspace(
      long workspace, Cursor after, int limit, boolean parse) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(keysetPageOfWorkspace)) {
      ps.setLong(1, workspace);
      int next = bindKeyset(ps, 2, after);
      ps.setInt(next, limit);
      return read(ps, parse);
    }
  }

  /**
   * The first page of all workspaces.
   *
   * @param limit the page size
   * @param parse whether to parse the JSON columns
   * @throws SQLException when the query fails
   */
  public List<RawActivity> firstPageOverall(int limit, boolean parse) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(firstPageOverall)) {
      ps.setInt(1, limit);
      return read(ps, parse);
    }
  }

  /**
   * The page of all workspaces after a cursor.
   *
   * @param after the cursor
   * @param limit the page size
   * @param parse whether to parse the JSON columns
   * @throws SQLException when the query fails
   */
  public List<RawActivity> keysetPageOverall(Cursor after, int limit, boolean parse)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(keysetPageOverall)) {
      int next = bindKeyset(ps, 1, after);
      ps.setInt(next, limit);
      return read(ps, parse);
    }
  }

  /**
   * How many activities a workspace has.
   *
   * @param workspace the workspace group
   * @throws SQLException when the query fails
   */
  public long countOfWorkspace(long workspace) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return count(c, workspace);
    }
  }

  /**
   * How many activities of a type a workspace has.
   *
   * @param workspace the workspace group
   * @param typeCode the type's code
   * @throws SQLException when the query fails
   */
  public long countOfWorkspaceAndType(long workspace, String typeCode) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(countOfWorkspaceAndType)) {
      ps.setLong(1, workspace);
      ps.setString(2, typeCode);
      return single(ps);
    }
  }

  /**
   * The sort key at a depth of all workspaces' feed, newest first.
   *
   * @param offset how many activities come before it
   * @throws SQLException when the query fails
   */
  public Optional<Cursor> cursorOverall(long offset) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.cursorOverall())) {
      ps.setLong(1, offset);
      return cursor(ps);
    }
  }

  /**
   * The sort key at a depth of one workspace's feed, newest first.
   *
   * @param workspace the workspace group
   * @param offset how many activities come before it
   * @throws SQLException when the query fails
   */
  public Optional<Cursor> cursorOfWorkspace(long workspace, long offset) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.cursorOfWorkspace())) {
      ps.setLong(1, workspace);
      ps.setLong(2, offset);
      return cursor(ps);
    }
  }

  private long count(Connection c, long workspace) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(countOfWorkspace)) {
      ps.setLong(1, workspace);
      return single(ps);
    }
  }

  private int bindKeyset(PreparedStatement ps, int first, Cursor after) throws SQLException {
    OffsetDateTime at = after.createdAt().atOffset(ZoneOffset.UTC);
    int i = first;
    ps.setObject(i++, at);
    ps.setLong(i++, after.id());
    return i;
  }

  private static long single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Optional<Cursor> cursor(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new Cursor(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2)));
    }
  }

  private List<RawActivity> read(PreparedStatement ps, boolean parse) throws SQLException {
    List<RawActivity> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String actor = rs.getString(5);
        String resource = rs.getString(7);
        String details = rs.getString(12);
        long workspaceGroup = rs.getLong(9);
        Long derived = rs.wasNull() ? null : workspaceGroup;
        out.add(
            new RawActivity(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                actor,
                rs.getString(6),
                resource,
                rs.getLong(8),
                derived,
                rs.getObject(10, UUID.class),
                rs.getString(11),
                details,
                rs.getObject(13, OffsetDateTime.class),
                rs.getString(14),
                rs.getObject(15, OffsetDateTime.class),
                rs.getString(16),
                rs.getObject(17, OffsetDateTime.class),
                rs.getString(18),
                rs.getBoolean(19),
                rs.getLong(20),
                parse ? json.read(actor) : null,
                parse ? json.read(resource) : null,
                parse ? json.read(details) : null));
      }
    }
    return out;
  }
}
