package org.activitylog.jdbc.recorder;

import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityRecorderContract;
import org.activitylog.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;

/** The recorder writing into the JDBC backend on an H2 file database, with faults injected. */
class H2FileActivityRecorderContractTest extends ActivityRecorderContract {
  private static final RecorderDatabase DB =
      new RecorderDatabase(RecorderDatabase.Kind.H2_FILE, "h2file_rec");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return DB.store(clock);
  }
}
