package org.activitylog.testkit.memory;

import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ModelBasedContract;
import org.activitylog.testkit.MutableClock;

/** The in-memory backend, the reference implementation, agrees with the reference model. */
class InMemoryModelBasedContractTest extends ModelBasedContract {
  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return InMemoryActivityStore.create(clock);
  }
}
