package org.activitylog.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one batch of a purge deleted: {@link ActivityRepository#purgeBatch}'s answer.
 *
 * @param deleted how many activities the batch deleted, from 0 to the batch's limit
 * @param newestCreatedAt the latest creation time among them, where the next batch starts; null
 *     when the batch deleted nothing
 */
public record PurgedBatch(int deleted, @Nullable Instant newestCreatedAt) {

  /** A batch that found nothing to delete. */
  public static final PurgedBatch NONE = new PurgedBatch(0, null);

  /**
   * Checks that the time is given exactly when something was deleted.
   *
   * @param deleted how many activities the batch deleted
   * @param newestCreatedAt the latest creation time among them, or null when none
   * @throws IllegalArgumentException when the count is negative, or the time is missing for a batch
   *     that deleted something or given for one that did not
   */
  public PurgedBatch {
    if (deleted < 0) {
      throw new IllegalArgumentException("deleted must be 0 or more; was " + deleted);
    }
    if ((deleted == 0) != (newestCreatedAt == null)) {
      throw new IllegalArgumentException(
          "newestCreatedAt is given exactly when the batch deleted something; deleted "
              + deleted
              + ", newestCreatedAt "
              + newestCreatedAt);
    }
  }
}
