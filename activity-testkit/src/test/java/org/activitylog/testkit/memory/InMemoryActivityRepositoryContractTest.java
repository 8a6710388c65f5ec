package org.activitylog.testkit.memory;

import java.util.Set;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityRepositoryContract;
import org.activitylog.testkit.Capability;
import org.activitylog.testkit.MutableClock;

/** The in-memory backend runs the activity repository contract. */
class InMemoryActivityRepositoryContractTest extends ActivityRepositoryContract {

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return InMemoryActivityStore.create(clock);
  }

  @Override
  protected ActivityStore createSecondStore(MutableClock clock) {
    return InMemoryActivityStore.sharingStorageWith((InMemoryActivityStore) store, clock);
  }

  @Override
  protected Set<Capability> capabilities() {
    return Set.of(Capability.SHARED_STORAGE);
  }
}
