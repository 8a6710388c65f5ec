package org.activitylog.jdbc;

import java.util.Set;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityLogContract;
import org.activitylog.testkit.Capability;
import org.activitylog.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;

/**
 * The JDBC backend runs the ActivityLog facade contract on an H2 file database, each store owning
 * its pool.
 */
class H2FileActivityLogContractTest extends ActivityLogContract {
  private static final ContractDatabase DB =
      new ContractDatabase(TestDatabase.Kind.H2_FILE, "h2file_log");

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
