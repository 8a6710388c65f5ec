package org.activitylog.testkit.broken;

import java.util.Optional;
import org.activitylog.api.Activity;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Reads findById's row without asking whether there is one, so an unknown id ends in the driver's
 * "no data" error, which the backend's error translation reports as a store failure. Through the
 * facade a missing id then answers 503 where another tenant's id answers 404, which tells a
 * requester which ids exist elsewhere.
 */
final class FindByIdFailsOnMissingRow extends BrokenRepository {

  FindByIdFailsOnMissingRow(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Optional<Activity> findById(long id) {
    Optional<Activity> found = super.findById(id);
    if (found.isEmpty()) {
      throw new StoreUnavailableException(
          StoreUnavailableException.Reason.FAILED, "No data is available [2000-224]");
    }
    return found;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, FindByIdFailsOnMissingRow::new);
    }
  }
}
