package org.activitylog.recorder;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.activitylog.recorder.internal.Checks;

/**
 * A snapshot of a recorder's counters, from {@link ActivityRecorder#metrics()}, or of anything else
 * that writes activities to a store in batches ({@link RecorderMetricsSource}; an ingestor's
 * javadoc says what each field means for it).
 *
 * <p>Every accepted activity ends as exactly one of stored, dropped or failed; until then it is
 * pending (queued, or in the batch being written). So {@code accepted == stored + dropped + failed
 * + pending} always, and {@code accepted == stored + dropped + failed} once the recorder is idle
 * (after {@link ActivityRecorder#flush} or {@link ActivityRecorder#close}). The counters are read
 * one after the other, so a snapshot taken while activities move may be off by the few in motion.
 *
 * @param accepted activities {@code record} returned a {@link Receipt} for, dropped ones included
 * @param stored activities the store committed
 * @param dropped accepted activities that were never written, by reason
 * @param failed accepted activities the store refused, or that were still failing after the last
 *     retry; each is logged
 * @param rejected {@code record} calls that threw instead of accepting: queue full under {@link
 *     FullQueuePolicy#BLOCK} or {@link FullQueuePolicy#FAIL_FAST}, recorder closed, caller
 *     interrupted. Not part of {@code accepted}
 * @param retried retries of a batch after the store was unavailable
 * @param queueDepth activities waiting in the queue now
 * @param queueBytes the estimated size of the activities waiting in the queue now
 * @param inFlight activities in the batch being written now
 * @param batches batches the store committed
 * @param lastBatchLatency how long the last committed batch took, retries included
 * @param maxBatchLatency the longest a committed batch took
 * @param totalBatchLatency the time all committed batches took; divide by {@code batches} for the
 *     mean
 */
public record RecorderMetrics(
    long accepted,
    long stored,
    Map<DropReason, Long> dropped,
    long failed,
    long rejected,
    long retried,
    int queueDepth,
    long queueBytes,
    int inFlight,
    long batches,
    Duration lastBatchLatency,
    Duration maxBatchLatency,
    Duration totalBatchLatency) {

  /**
   * Copies the drop counts, with every reason present.
   *
   * @param accepted activities {@code record} returned a {@link Receipt} for, dropped ones included
   * @param stored activities the store committed
   * @param dropped accepted activities that were never written, by reason
   * @param failed accepted activities the store refused, or that were still failing after the last
   *     retry; each is logged
   * @param rejected {@code record} calls that threw instead of accepting: queue full under {@link
   *     FullQueuePolicy#BLOCK} or {@link FullQueuePolicy#FAIL_FAST}, recorder closed, caller
   *     interrupted. Not part of {@code accepted}
   * @param retried retries of a batch after the store was unavailable
   * @param queueDepth activities waiting in the queue now
   * @param queueBytes the estimated size of the activities waiting in the queue now
   * @param inFlight activities in the batch being written now
   * @param batches batches the store committed
   * @param lastBatchLatency how long the last committed batch took, retries included
   * @param maxBatchLatency the longest a committed batch took
   * @param totalBatchLatency the time all committed batches took; divide by {@code batches} for the
   *     mean
   */
  public RecorderMetrics {
    Checks.required("dropped", dropped);
    EnumMap<DropReason, Long> all = new EnumMap<>(DropReason.class);
    for (DropReason reason : DropReason.values()) {
      all.put(reason, dropped.getOrDefault(reason, 0L));
    }
    dropped = Map.copyOf(all);
    Checks.required("lastBatchLatency", lastBatchLatency);
    Checks.required("maxBatchLatency", maxBatchLatency);
    Checks.required("totalBatchLatency", totalBatchLatency);
  }

  /** {@return dropped activities of every reason} */
  public long droppedTotal() {
    long total = 0;
    for (long n : dropped.values()) {
      total += n;
    }
    return total;
  }

  /**
   * {@return dropped activities of one reason}
   *
   * @param reason the reason
   */
  public long dropped(DropReason reason) {
    return dropped.getOrDefault(reason, 0L);
  }

  /** {@return accepted activities not yet stored, dropped or failed: queued or being written} */
  public long pending() {
    return accepted - stored - droppedTotal() - failed;
  }
}
