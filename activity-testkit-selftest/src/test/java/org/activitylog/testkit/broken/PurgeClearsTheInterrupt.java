package org.activitylog.testkit.broken;

import java.util.Objects;
import java.util.function.Predicate;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgeResult;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.testkit.MutableClock;

/**
 * Runs its own purge loop and checks for a cancel with {@code Thread.interrupted()}, which clears
 * the interrupt: the purge stops, but the caller's thread no longer knows it was interrupted, and a
 * shutdown that interrupted the retention thread finds it carrying on with its next job.
 */
final class PurgeClearsTheInterrupt extends BrokenRepository {

  PurgeClearsTheInterrupt(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public PurgeResult purge(PurgeCriteria criteria, int batchSize, Predicate<PurgeResult> progress) {
    if (batchSize < 1) {
      throw new ValidationException("batch_size", "must be 1 or more", batchSize);
    }
    long removed = 0;
    long batches = 0;
    PurgeCriteria next = criteria;
    while (!Thread.interrupted()) {
      PurgedBatch batch = purgeBatch(next, batchSize);
      removed += batch.deleted();
      batches++;
      boolean done = batch.deleted() < batchSize;
      PurgeResult soFar = new PurgeResult(removed, batches, done);
      if (!progress.test(soFar) || done) {
        return soFar;
      }
      next = next.startingAt(Objects.requireNonNull(batch.newestCreatedAt()));
    }
    return new PurgeResult(removed, batches, false);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PurgeClearsTheInterrupt::new);
    }
  }
}
