package org.activitylog.recorder;

import java.time.Duration;

/**
 * Hears what a recorder does, to feed the host's metrics library. Every method does nothing by
 * default; override the ones you need. {@link ActivityRecorder#metrics()} gives the same numbers as
 * a snapshot without a listener.
 *
 * <p>Calls come from the writer thread and, for drops and rejections, from the threads calling
 * {@code record}: implementations must be thread-safe, fast and must not block. An exception thrown
 * by a listener is logged and otherwise ignored.
 */
public interface RecorderListener {

  /** A listener that does nothing: the default. */
  RecorderListener NONE = new RecorderListener() {};

  /**
   * Accepted activities were dropped.
   *
   * @param reason why
   * @param count how many
   */
  default void onDropped(DropReason reason, int count) {}

  /**
   * A {@code record} call threw instead of accepting the activity (queue full, closed,
   * interrupted).
   *
   * @param cause the exception the caller got
   */
  default void onRejected(RecorderException cause) {}

  /**
   * The store committed a batch.
   *
   * @param size how many activities it held
   * @param latency how long it took, retries included
   */
  default void onBatchStored(int size, Duration latency) {}

  /**
   * The store was unavailable; the batch will be tried again after a wait.
   *
   * @param attempt the attempt that failed, 1 for the first
   * @param backoff how long the writer waits before the next attempt
   * @param cause what the store threw
   */
  default void onRetry(int attempt, Duration backoff, RuntimeException cause) {}

  /**
   * Accepted activities failed for good: the store refused them, or was still unavailable after the
   * last attempt.
   *
   * @param count how many activities
   * @param cause what the store threw last
   */
  default void onFailed(int count, Throwable cause) {}
}
