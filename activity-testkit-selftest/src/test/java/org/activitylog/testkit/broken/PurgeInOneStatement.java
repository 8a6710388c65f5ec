package org.activitylog.testkit.broken;

import java.util.function.Predicate;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgeResult;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.testkit.MutableClock;

/**
 * Overrides the batched purge with one {@code DELETE} of everything the criteria match, as its
 * purge was before batching, "since the database is fast": one long transaction that locks every
 * row it deletes (the table-wide lock of a ten-million-row retention sweep), that cannot be stopped
 * midway, and that reports one batch whatever the batch size.
 */
final class PurgeInOneStatement extends BrokenRepository {

  PurgeInOneStatement(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public PurgeResult purge(PurgeCriteria criteria, int batchSize, Predicate<PurgeResult> progress) {
    PurgedBatch all = purgeBatch(criteria, Integer.MAX_VALUE);
    PurgeResult result = new PurgeResult(all.deleted(), 1, true);
    progress.test(result);
    return result;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PurgeInOneStatement::new);
    }
  }
}
