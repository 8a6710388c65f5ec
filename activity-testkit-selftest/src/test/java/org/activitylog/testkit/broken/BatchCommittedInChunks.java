package org.activitylog.testkit.broken;

import java.util.ArrayList;
import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Writes a large batch in chunks of 100, each validated and committed on its own, to keep
 * transactions short: a batch with one invalid activity is refused, but the chunks before it are
 * already stored. Batches of up to 100 stay atomic.
 */
final class BatchCommittedInChunks extends BrokenRepository {
  private static final int CHUNK = 100;

  BatchCommittedInChunks(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    List<Activity> stored = new ArrayList<>(activities.size());
    for (int from = 0; from < activities.size(); from += CHUNK) {
      stored.addAll(
          super.insertAll(activities.subList(from, Math.min(activities.size(), from + CHUNK))));
    }
    return stored;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, BatchCommittedInChunks::new);
    }
  }
}
