package org.activitylog.recorder;

/**
 * What {@link ActivityRecorder#record(org.activitylog.api.NewActivity)} does when the asynchronous
 * queue is full, in activities or in bytes.
 */
public enum FullQueuePolicy {
  /**
   * Waits for room up to the configured block timeout, then throws {@link QueueFullException}. The
   * default: a burst is absorbed by a short wait, and an activity is never lost without the caller
   * knowing.
   */
  BLOCK,
  /**
   * Drops the activity at once: {@code record} returns a {@link Receipt} with status {@link
   * Receipt.Status#DROPPED}, the drop is counted under {@link DropReason#QUEUE_FULL} and logged at
   * most once per log interval. For callers that must never wait and accept losing activities.
   */
  DROP,
  /** Throws {@link QueueFullException} at once, without waiting. */
  FAIL_FAST
}
