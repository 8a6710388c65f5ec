package org.activitylog.jdbc;

import java.util.Set;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityRepositoryContract;
import org.activitylog.testkit.Capability;
import org.activitylog.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;

/** The JDBC backend runs the ActivityRepository contract on an H2 in-memory database. */
class H2MemoryActivityRepositoryContractTest extends ActivityRepositoryContract {
  private static final ContractDatabase DB =
      new ContractDatabase(TestDatabase.Kind.H2_MEMORY, "h2mem_repo");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return DB.store(clock);
  }

  @Override
  protected ActivityStore createSecondStore(MutableClock clock) {
    return DB.store(clock);
  }

  @Override
  protected Set<Capability> capabilities() {
    return Set.of(Capability.SHARED_STORAGE);
  }

  @Override
  protected void cleanUp(ActivityStore store) {
    DB.deleteWorkspaces(data.workspaces());
  }
}
