package org.activitylog.jdbc;

import java.util.Set;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.Capability;
import org.activitylog.testkit.FollowGraphContract;
import org.activitylog.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;

/**
 * The JDBC backend runs the FollowGraph contract on an H2 file database, each store owning its
 * pool.
 */
class H2FileFollowGraphContractTest extends FollowGraphContract {
  private static final ContractDatabase DB =
      new ContractDatabase(TestDatabase.Kind.H2_FILE, "h2file_follow");

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
