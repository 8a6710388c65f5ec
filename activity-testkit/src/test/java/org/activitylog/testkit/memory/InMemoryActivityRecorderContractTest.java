package org.activitylog.testkit.memory;

import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityRecorderContract;
import org.activitylog.testkit.MutableClock;

/** The recorder writing into the in-memory backend, with faults injected. */
class InMemoryActivityRecorderContractTest extends ActivityRecorderContract {

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return InMemoryActivityStore.create(clock);
  }
}
