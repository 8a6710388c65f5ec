package org.activitylog.recorder.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.activitylog.api.NewActivity;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.recorder.ActivitySink;
import org.activitylog.recorder.RecorderListener;
import org.activitylog.recorder.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Writes batches to the sink and counts the outcome of every activity in them.
 *
 * <ul>
 *   <li>{@link StoreUnavailableException} for a {@linkplain
 *       StoreUnavailableException.Reason#isTransient() transient} reason: the batch is retried
 *       whole after an exponential, jittered wait. Every activity keeps the uid and workspace group
 *       it was accepted with, and the sink writes each (workspace group, uid) key at most once, so
 *       a retry after a commit whose answer was lost stores nothing twice.
 *   <li>{@link StoreUnavailableException} for any other reason (a database file locked by another
 *       process, damaged storage, a missing schema, a timeout): waiting does not help, so the batch
 *       fails whole at once.
 *   <li>Any other exception means the sink refuses something in the batch. Retrying would fail the
 *       same way, so the batch is halved until the refused activities stand alone; they are counted
 *       as failed and the rest are stored.
 * </ul>
 */
final class BatchWriter {

  /** Waits before a retry; returns false when retrying must stop (close deadline, interrupt). */
  @FunctionalInterface
  interface Pause {
    boolean await(Duration backoff);
  }

  /** What became of the activities of one {@link #write} call. */
  static final class Tally {
    int stored;
    int failed;

    /** Not written because retrying was stopped; the caller decides what they count as. */
    int abandoned;

    @Nullable Throwable lastFailure;
    boolean stopped;
  }

  private final ActivitySink sink;
  private final RetryPolicy retry;
  private final RecorderCounters counters;
  private final RecorderListener listener;
  private final RateLimitedLog log;

  BatchWriter(
      ActivitySink sink,
      RetryPolicy retry,
      RecorderCounters counters,
      RecorderListener listener,
      RateLimitedLog log) {
    this.sink = sink;
    this.retry = retry;
    this.counters = counters;
    this.listener = listener;
    this.log = log;
  }

  /**
   * Writes a batch; counts stored and failed activities in the counters, the listener and the log.
   *
   * @param batch the activities, each with its uid and creation time
   * @param pause waits between attempts
   * @return the outcome; stored + failed + abandoned is the batch's size
   */
  Tally write(List<NewActivity> batch, Pause pause) {
    Tally tally = new Tally();
    writeIsolating(batch, pause, tally);
    return tally;
  }

  private void writeIsolating(List<NewActivity> batch, Pause pause, Tally tally) {
    if (tally.stopped) {
      tally.abandoned += batch.size();
      return;
    }
    Throwable failure = attempt(batch, pause, tally);
    if (failure == null) {
      return;
    }
    if (failure instanceof StoreUnavailableException || batch.size() == 1) {
      countFailed(batch.size(), failure);
      tally.failed += batch.size();
      tally.lastFailure = failure;
      return;
    }
    int half = batch.size() / 2;
    writeIsolating(batch.subList(0, half), pause, tally);
    writeIsolating(batch.subList(half, batch.size()), pause, tally);
  }

  /** Tries one batch until it is stored, refused, out of attempts or stopped. */
  private @Nullable Throwable attempt(List<NewActivity> batch, Pause pause, Tally tally) {
    long start = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      try {
        sink.write(batch);
        long latency = System.nanoTime() - start;
        counters.batchStored(batch.size(), latency);
        tally.stored += batch.size();
        listener.onBatchStored(batch.size(), Duration.ofNanos(latency));
        return null;
      } catch (StoreUnavailableException e) {
        if (!e.reason().isTransient() || attempt >= retry.maxAttempts()) {
          return e;
        }
        Duration backoff = jitter(retry.backoff(attempt));
        int failedAttempt = attempt;
        log.log(
            RateLimitedLog.Topic.RETRY,
            Level.WARNING,
            () ->
                "the activity store is unavailable; retrying a batch of "
                    + batch.size()
                    + " activities in "
                    + backoff.toMillis()
                    + " ms (attempt "
                    + failedAttempt
                    + " of "
                    + retry.maxAttempts()
                    + ")",
            e);
        listener.onRetry(attempt, backoff, e);
        if (!pause.await(backoff)) {
          tally.stopped = true;
          tally.abandoned += batch.size();
          tally.lastFailure = e;
          return null;
        }
        counters.retried.increment();
      } catch (RuntimeException | Error e) {
        // Refused: bad data the caller's validation could not see, or a store bug. Not retried.
        return e;
      }
    }
  }

  /**
   * Counts, reports and logs activities lost for good.
   *
   * @param n how many
   * @param cause what the store threw last, or why writing stopped
   */
  void countFailed(int n, Throwable cause) {
    counters.failed.add(n);
    listener.onFailed(n, cause);
    String why =
        cause instanceof StoreUnavailableException e
            ? e.reason().isTransient()
                ? "the store was still unavailable after " + retry.maxAttempts() + " attempts"
                : "the store cannot serve them (" + e.reason() + "): " + e.getMessage()
            : cause instanceof InterruptedException
                ? "the recording thread was interrupted between attempts"
                : "the store refused " + (n == 1 ? "it" : "them");
    log.log(
        RateLimitedLog.Topic.FAILED,
        Level.ERROR,
        () ->
            n + (n == 1 ? " accepted activity was" : " accepted activities were") + " lost: " + why,
        cause);
  }

  /**
   * Equal jitter: between half the backoff and all of it, so waits still grow but recorders that
   * failed together spread out.
   */
  private static Duration jitter(Duration backoff) {
    long nanos = backoff.toNanos();
    long half = nanos / 2;
    return Duration.ofNanos(nanos - ThreadLocalRandom.current().nextLong(half + 1));
  }
}
