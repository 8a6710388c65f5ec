package org.activitylog.recorder;

/** Why an accepted activity was never written. Each is counted in {@link RecorderMetrics}. */
public enum DropReason {
  /** The queue was full and the policy was {@link FullQueuePolicy#DROP}. */
  QUEUE_FULL,
  /**
   * The recorder was closed and its timeout passed before the activity was written: it was still
   * queued, or its batch failed after the deadline and was not retried.
   */
  CLOSE_TIMEOUT
}
