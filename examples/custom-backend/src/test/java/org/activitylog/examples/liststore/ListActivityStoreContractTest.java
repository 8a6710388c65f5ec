package org.activitylog.examples.liststore;

import java.util.Optional;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityStoreContract;
import org.activitylog.testkit.MutableClock;

/** The list store keeps every rule of the kit: one subclass runs all of it. */
class ListActivityStoreContractTest extends ActivityStoreContract {

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return ListActivityStore.open(clock);
  }

  /** A second store on the same list runs the shared-storage tests too. */
  @Override
  protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
    return Optional.of(ListActivityStore.sharing((ListActivityStore) first, clock));
  }
}
