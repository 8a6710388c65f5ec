package org.activitylog.testkit.memory;

import java.util.Set;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityLogContract;
import org.activitylog.testkit.Capability;
import org.activitylog.testkit.MutableClock;

/** The in-memory backend runs the ActivityLog facade contract. */
class InMemoryActivityLogContractTest extends ActivityLogContract {

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
