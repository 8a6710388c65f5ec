package org.activitylog.testkit.broken;

import java.util.Optional;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityStoreContract;
import org.activitylog.testkit.MutableClock;

/**
 * The whole kit run against a broken backend, with a second store on the same storage whenever the
 * backend is a {@link BrokenStore}, so that the shared-storage tests run (and can fail) too.
 */
abstract class BrokenContract extends ActivityStoreContract {

  @Override
  protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
    return first instanceof BrokenStore broken
        ? Optional.of(broken.sibling(clock))
        : Optional.empty();
  }
}
