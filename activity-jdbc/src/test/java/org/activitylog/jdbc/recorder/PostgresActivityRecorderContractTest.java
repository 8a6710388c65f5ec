package org.activitylog.jdbc.recorder;

import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityRecorderContract;
import org.activitylog.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;

/**
 * The recorder writing into the JDBC backend on a real PostgreSQL server (skipped without one,
 * failed without one when CI=true), with faults injected.
 */
class PostgresActivityRecorderContractTest extends ActivityRecorderContract {
  private static final RecorderDatabase DB =
      new RecorderDatabase(RecorderDatabase.Kind.POSTGRESQL, "pg_rec");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return DB.store(clock);
  }
}
