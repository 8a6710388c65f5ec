package org.activitylog.kafka.internal;

import org.activitylog.api.StoreUnavailableException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;

/** Maps the Kafka clients' exceptions onto the sink contract's. */
public final class Failures {
  private Failures() {}

  /**
   * {@return what the sink throws for a producer failure}
   *
   * @param e the producer's exception
   */
  public static RuntimeException ofProducer(Throwable e) {
    if (e instanceof RecordTooLargeException) {
      // One activity too large for the broker: a refusal the recorder isolates, never retries.
      return new IllegalArgumentException("the Kafka broker refused a record as too large", e);
    }
    if (e instanceof RetriableException || e instanceof TimeoutException) {
      return new StoreUnavailableException(
          StoreUnavailableException.Reason.UNREACHABLE,
          "the Kafka broker did not acknowledge the batch; retrying may succeed",
          e);
    }
    return new StoreUnavailableException(
        StoreUnavailableException.Reason.FAILED, "the Kafka producer failed", e);
  }
}
