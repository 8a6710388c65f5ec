package org.activitylog.jdbc;

import java.util.List;
import java.util.Optional;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityStoreContract;
import org.activitylog.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;

/**
 * The JDBC backend's month-partitioned layout runs the whole testkit on a real PostgreSQL server,
 * in a schema of its own (skipped without a server, failed without one when CI=true).
 */
class PostgresPartitionedContractTest extends ActivityStoreContract {
  private static final ContractDatabase DB =
      new ContractDatabase(TestDatabase.Kind.POSTGRESQL, "pgpart", Layout.PARTITIONED_BY_MONTH);

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return DB.store(clock);
  }

  @Override
  protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
    return Optional.of(DB.store(clock));
  }

  @Override
  protected void cleanUp(ActivityStore store, List<Long> workspaceGroupIds) {
    DB.deleteWorkspaces(workspaceGroupIds);
  }
}
