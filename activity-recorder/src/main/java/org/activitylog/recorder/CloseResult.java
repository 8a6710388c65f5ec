package org.activitylog.recorder;

import org.activitylog.recorder.internal.Checks;

/**
 * What {@link ActivityRecorder#close(java.time.Duration)} achieved.
 *
 * @param unwritten accepted activities that were neither stored nor counted as failed when close
 *     returned: those still queued at the deadline (now counted as dropped with {@link
 *     DropReason#CLOSE_TIMEOUT}) and those of a batch the store was still writing, whose outcome
 *     the metrics will show when it ends; 0 after a clean close
 * @param metrics the counters when close returned
 */
public record CloseResult(long unwritten, RecorderMetrics metrics) {

  /**
   * Checks the parts.
   *
   * @param unwritten accepted activities that were neither stored nor counted as failed when close
   *     returned: those still queued at the deadline (now counted as dropped with {@link
   *     DropReason#CLOSE_TIMEOUT}) and those of a batch the store was still writing, whose outcome
   *     the metrics will show when it ends; 0 after a clean close
   * @param metrics the counters when close returned
   */
  public CloseResult {
    Checks.nonNegative("unwritten", unwritten);
    Checks.required("metrics", metrics);
  }

  /**
   * {@return whether every accepted activity was dealt with before the deadline: stored, or counted
   * as failed or dropped}
   */
  public boolean clean() {
    return unwritten == 0;
  }
}
