package org.activitylog.recorder;

import java.time.Duration;
import org.activitylog.api.ValidationException;
import org.activitylog.recorder.internal.Checks;

/**
 * How often and how patiently a batch is retried when the store is unavailable for a {@linkplain
 * org.activitylog.api.StoreUnavailableException.Reason#isTransient() transient} reason ({@link
 * org.activitylog.api.StoreUnavailableException}). The wait before retry {@code n} is {@code
 * initialBackoff * 2^(n-1)}, capped at {@code maxBackoff}, then jittered down by up to half so that
 * many recorders restarted together do not retry in step. Retrying is safe because every activity's
 * uid is fixed when it is accepted and the store inserts each uid at most once.
 *
 * <p>A store that is unavailable for a lasting reason (a database file locked by another process,
 * damaged storage, a missing schema, a timeout) fails the batch at once: waiting would not help.
 * Any other error from the store (bad data, a bug) is not retried either: the batch is split to
 * find the activities the store refuses, and only those are counted as failed.
 *
 * @param maxAttempts attempts per batch, the first included; 1 means no retry
 * @param initialBackoff the wait before the first retry, more than zero
 * @param maxBackoff the longest wait between two attempts, at least {@code initialBackoff}
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /**
   * Thirty attempts, 100 ms doubling up to 2 s: a batch outlives about a minute of outage (between
   * 26 and 51 seconds of waiting in all, plus the attempts themselves) before it is counted as
   * failed, long enough for a database restart or a failover. The short cap keeps recovery quick: a
   * batch is written within about 2 s of the store coming back, not after one long wait.
   */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(30, Duration.ofMillis(100), Duration.ofSeconds(2));

  /**
   * Checks the bounds.
   *
   * @param maxAttempts attempts per batch, the first included; 1 means no retry
   * @param initialBackoff the wait before the first retry, more than zero
   * @param maxBackoff the longest wait between two attempts, at least {@code initialBackoff}
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new ValidationException("maxAttempts", "must be 1 or more", maxAttempts);
    }
    Checks.required("initialBackoff", initialBackoff);
    Checks.required("maxBackoff", maxBackoff);
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new ValidationException("initialBackoff", "must be more than zero", initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new ValidationException("maxBackoff", "must be at least initialBackoff", maxBackoff);
    }
  }

  /** {@return one attempt, no retry: a failing batch is counted as failed at once} */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1));
  }

  /**
   * {@return the wait before a retry, before jitter}
   *
   * @param retry 1 for the first retry, 2 for the second, and so on
   */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new ValidationException("retry", "must be 1 or more", retry);
    }
    long initial = initialBackoff.toNanos();
    long max = maxBackoff.toNanos();
    // Doubling past 62 shifts would overflow; by then the cap has long been reached.
    int shift = Math.min(retry - 1, 62);
    long nanos = initial > (max >> shift) ? max : initial << shift;
    return Duration.ofNanos(Math.min(nanos, max));
  }
}
