package org.activitylog.spi;

/**
 * How far a purge got: the figures a purge reports after each batch and returns at its end.
 *
 * @param removed how many activities it deleted so far
 * @param batches how many batches it ran so far, the last one possibly empty
 * @param complete whether the last batch deleted fewer than the batch size, so that nothing the
 *     criteria match was left when it ran (except rows another transaction held locked, which a
 *     later purge removes); false while the purge runs, and at its end when it was stopped
 */
public record PurgeResult(long removed, long batches, boolean complete) {

  /**
   * Checks the figures.
   *
   * @param removed how many activities it deleted so far
   * @param batches how many batches it ran so far
   * @param complete whether nothing matching was left
   * @throws IllegalArgumentException when a figure is negative
   */
  public PurgeResult {
    if (removed < 0 || batches < 0) {
      throw new IllegalArgumentException(
          "removed and batches must be 0 or more; were " + removed + " and " + batches);
    }
  }
}
