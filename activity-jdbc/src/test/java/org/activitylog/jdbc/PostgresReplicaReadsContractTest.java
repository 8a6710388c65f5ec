package org.activitylog.jdbc;

import java.util.List;
import java.util.Optional;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityStoreContract;
import org.activitylog.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;

/**
 * The whole testkit on stores that read from a real PostgreSQL streaming replica and write to its
 * primary: read-your-writes keeps every contract that reads back what a test wrote (skipped without
 * a replica, failed without one when CI=true).
 */
class PostgresReplicaReadsContractTest extends ActivityStoreContract {
  private static final ContractDatabase DB =
      new ContractDatabase(TestDatabase.Kind.POSTGRESQL, "replica", true);

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
