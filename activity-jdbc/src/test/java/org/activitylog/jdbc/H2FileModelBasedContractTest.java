package org.activitylog.jdbc;

import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ModelBasedContract;
import org.activitylog.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;

/**
 * The JDBC backend agrees with the reference model of the model-based contract on an H2 file
 * database, each store owning its pool.
 */
class H2FileModelBasedContractTest extends ModelBasedContract {
  private static final ContractDatabase DB =
      new ContractDatabase(TestDatabase.Kind.H2_FILE, "h2file_model");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return DB.store(clock);
  }

  @Override
  protected void cleanUp(ActivityStore store) {
    DB.deleteWorkspaces(data.workspaces());
  }
}
