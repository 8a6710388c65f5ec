package org.activitylog.recorder;

import java.util.UUID;
import org.activitylog.recorder.internal.Checks;

/**
 * What {@code record} did with an activity.
 *
 * @param uid the activity's uid, fixed when it was accepted: look the activity up with it, or
 *     record it again with it without creating a second one
 * @param status whether it is stored, queued or dropped
 */
public record Receipt(UUID uid, Status status) {

  /** Where the activity is when {@code record} returns. */
  public enum Status {
    /** Committed by the store (synchronous mode). */
    STORED,
    /** In the queue; the background writer will store it (asynchronous mode). */
    QUEUED,
    /** Not kept: the queue was full and the policy is {@link FullQueuePolicy#DROP}. */
    DROPPED
  }

  /**
   * Checks that both parts are present.
   *
   * @param uid the activity's uid, fixed when it was accepted: look the activity up with it, or
   *     record it again with it without creating a second one
   * @param status whether it is stored, queued or dropped
   */
  public Receipt {
    Checks.required("uid", uid);
    Checks.required("status", status);
  }

  /** {@return whether the activity was dropped instead of stored or queued} */
  public boolean isDropped() {
    return status == Status.DROPPED;
  }
}
