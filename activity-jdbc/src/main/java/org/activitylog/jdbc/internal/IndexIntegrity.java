package org.activitylog.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.activitylog.api.StoreUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * Refuses to serve an embedded H2 database whose indexes miss rows. A kill can leave an H2 file in
 * which a secondary index lacks rows its table holds (seen in 3 of 143 kills with H2's default
 * settings): every feed, count and scan through that index would then silently leave those
 * activities out, for good. Each store marks the database open in {@code activitylog_open_marker}
 * and removes its mark on close; a mark found at open means a store ended uncleanly, and then every
 * secondary index of the activity tables is counted through the index itself and compared with the
 * table.
 *
 * <p>A damaged index fails the open with {@link StoreUnavailableException.Reason#DAMAGED} rather
 * than being rebuilt: a unique index that missed rows may have let a duplicate in, which a rebuild
 * would not settle, so an operator decides (activity-jdbc/README.md, "Damaged index").
 */
public final class IndexIntegrity {
  static final String DAMAGED_MESSAGE =
      "an index of the activity database misses rows after an unclean shutdown; stop the"
          + " application and rebuild the indexes as activity-jdbc/README.md describes";

  private static final String MARKER_TABLE = "ACTIVITYLOG_OPEN_MARKER";

  /** The stores open in this JVM, whose marks are not left over from a kill. */
  private static final Set<UUID> OPEN_HERE = ConcurrentHashMap.newKeySet();

  private final DataSource dataSource;
  private final @Nullable String schema;
  private final @Nullable ReentrantLock writeLock;
  private final UUID storeId = UUID.randomUUID();
  private boolean marked;

  /**
   * Binds the check to a database.
   *
   * @param dataSource the store's connections
   * @param schema the store's schema, or null for the connection's current one
   * @param writeLock the database's write lock, held while the marks change, or null
   */
  public IndexIntegrity(
      DataSource dataSource, @Nullable String schema, @Nullable ReentrantLock writeLock) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.writeLock = writeLock;
  }

  /**
   * Checks the indexes when a store left its mark without closing, then marks the database open by
   * this store. Does nothing when the marker table is missing (a schema applied by hand from an
   * older version).
   *
   * @throws StoreUnavailableException with reason {@code DAMAGED} when an index misses rows
   */
  public void open() {
    try (Connection c = dataSource.getConnection()) {
      String table = markerTable(c);
      if (table == null) {
        return;
      }
      boolean unclean;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
        rs.next();
        unclean = rs.getLong(1) > 0;
      }
      if (unclean) {
        List<String> damaged = damagedIndexes(c, schema != null ? schema : schemaOf(c));
        if (!damaged.isEmpty()) {
          throw new StoreUnavailableException(
              StoreUnavailableException.Reason.DAMAGED,
              DAMAGED_MESSAGE,
              new IllegalStateException("indexes that miss rows: " + damaged));
        }
        // The stores that left these marks are gone, except those still open in this JVM.
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT store_id FROM " + table)) {
          List<UUID> stale = new ArrayList<>();
          while (rs.next()) {
            UUID id = rs.getObject(1, UUID.class);
            if (!OPEN_HERE.contains(id)) {
              stale.add(id);
            }
          }
          for (UUID id : stale) {
            delete(c, table, id);
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO " + table + " (store_id, opened_at) VALUES (?, ?)")) {
        ps.setObject(1, storeId);
        ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
        ps.executeUpdate();
      }
      marked = true;
      OPEN_HERE.add(storeId);
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Removes this store's mark: the database was closed cleanly as far as this store goes. */
  public void close() {
    if (!marked) {
      return;
    }
    marked = false;
    OPEN_HERE.remove(storeId);
    if (writeLock != null) {
      writeLock.lock();
    }
    try (Connection c = dataSource.getConnection()) {
      delete(c, qualified(MARKER_TABLE), storeId);
    } catch (SQLException e) {
      // The mark stays and the next open checks the indexes: slower, never wrong.
    } finally {
      if (writeLock != null) {
        writeLock.unlock();
      }
    }
  }

  private static void delete(Connection c, String table, UUID id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM " + table + " WHERE store_id = ?")) {
      ps.setObject(1, id);
      ps.executeUpdate();
    }
  }

  /**
   * {@return the secondary indexes of the activity tables whose row count differs from the table's,
   * as {@code TABLE.INDEX: index rows/table rows}}
   *
   * @param c a connection to the database
   * @throws SQLException when the catalog or a count cannot be read
   * @throws IllegalStateException when H2 would not read an index for its count
   */
  static List<String> damagedIndexes(Connection c, String schema) throws SQLException {
    List<String[]> indexes = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT TABLE_NAME, INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE TABLE_SCHEMA = COALESCE(?, CURRENT_SCHEMA)"
                + " AND TABLE_NAME IN ('ACTIVITYLOG_ACTIVITY', 'ACTIVITYLOG_FOLLOW')"
                + " AND INDEX_TYPE_NAME <> 'PRIMARY KEY' ORDER BY TABLE_NAME, INDEX_NAME")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          indexes.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    List<String> damaged = new ArrayList<>();
    for (String[] index : indexes) {
      String table = quote(schema) + "." + quote(index[0]);
      long tableRows = count(c, table, "", null);
      long indexRows = count(c, table, quote(index[1]), index[1]);
      if (indexRows != tableRows) {
        damaged.add(index[0] + "." + index[1] + ": " + indexRows + "/" + tableRows);
      }
    }
    return damaged;
  }

  /**
   * Counts a table's rows through one index, or through the table itself for an empty index list.
   * An always-true condition H2 cannot turn into an index range keeps H2 from answering with the
   * row count it keeps for the table, so the count really walks the index; EXPLAIN confirms it.
   */
  private static long count(
      Connection c, String table, String useIndex, @Nullable String expectedIndex)
      throws SQLException {
    String query =
        "SELECT COUNT(*) FROM " + table + " USE INDEX (" + useIndex + ") WHERE RAND() >= 0";
    String plan;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
      rs.next();
      plan = rs.getString(1);
    }
    String expected = expectedIndex != null ? "." + expectedIndex + " */" : ".tableScan */";
    if (!plan.contains(expected)) {
      throw new IllegalStateException("H2 would not count through " + expected + ": " + plan);
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private @Nullable String markerTable(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = COALESCE(?, CURRENT_SCHEMA) AND TABLE_NAME = ?")) {
      ps.setString(1, schema);
      ps.setString(2, MARKER_TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0 ? qualified(MARKER_TABLE) : null;
      }
    }
  }

  private String qualified(String table) {
    return schema == null ? table : quote(schema) + "." + table;
  }

  private static String schemaOf(Connection c) throws SQLException {
    String s = c.getSchema();
    if (s == null) {
      throw new SQLException("the connection names no current schema");
    }
    return s;
  }

  /** Catalog names come from H2 itself; quoting keeps them exact. */
  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
