package org.activitylog.jdbc;

import java.util.List;
import java.util.stream.Collectors;
import org.activitylog.jdbc.internal.PartitionedTable;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * The database one contract test class runs on: created and migrated on first use, shared by the
 * class's tests (they keep to random workspaces of their own), dropped after the class.
 *
 * <p>On H2 file databases every store owns its pool (the zero-configuration path); elsewhere the
 * stores share the test pool as a host application's DataSource would be shared.
 */
final class ContractDatabase {
  private final TestDatabase.Kind kind;
  private final String name;
  private final Layout layout;
  private final boolean replicaReads;
  private @Nullable TestDatabase db;

  ContractDatabase(TestDatabase.Kind kind, String name) {
    this(kind, name, Layout.UNPARTITIONED, false);
  }

  /**
   * A database of a layout whose stores read from its PostgreSQL streaming replica when {@code
   * replicaReads}.
   */
  ContractDatabase(TestDatabase.Kind kind, String name, Layout layout, boolean replicaReads) {
    this.kind = kind;
    this.name = name;
    this.layout = layout;
    this.replicaReads = replicaReads;
  }

  /** A store for one test, with the test's clock; migrations ran once already. */
  ActivityStore store(MutableClock clock) {
    TestDatabase database = database();
    JdbcActivityStore.Builder b =
        kind == TestDatabase.Kind.H2_FILE ? database.builder() : database.hostBuilder();
    if (replicaReads) {
      b.readReplica(database.replicaDataSource());
    }
    return b.clock(clock).layout(layout).migrate(false).build();
  }

  /** Deletes a finished test's activities, so the shared tables stay small. */
  void deleteWorkspaces(List<Long> workspaces) {
    if (db != null && !workspaces.isEmpty()) {
      db.execute(
          "DELETE FROM "
              + db.activityTable()
              + " WHERE workspace_group_id IN ("
              + workspaces.stream().map(String::valueOf).collect(Collectors.joining(", "))
              + ")");
    }
  }

  /** Drops the database. */
  void close() {
    if (db != null) {
      db.close();
      db = null;
    }
  }

  private synchronized TestDatabase database() {
    if (db == null) {
      if (replicaReads) {
        TestDatabase.replicaUrl(); // skips (or fails on CI) before a schema is made
      }
      db = TestDatabase.create(kind, name).migrated();
      if (layout == Layout.PARTITIONED_BY_MONTH) {
        new PartitionedTable(db.schema()).install(db.dataSource());
      }
    }
    return db;
  }
}
