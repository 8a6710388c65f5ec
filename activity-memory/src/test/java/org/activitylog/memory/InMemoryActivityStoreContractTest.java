package org.activitylog.memory;

import java.util.Optional;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityStoreContract;
import org.activitylog.testkit.MutableClock;

/** The in-memory backend runs the whole testkit, as any backend author would. */
class InMemoryActivityStoreContractTest extends ActivityStoreContract {

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return InMemoryActivityStore.create(clock);
  }

  @Override
  protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
    return Optional.of(
        InMemoryActivityStore.sharingStorageWith((InMemoryActivityStore) first, clock));
  }
}
