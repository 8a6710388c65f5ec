package org.activitylog.recorder.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.activitylog.recorder.DropReason;
import org.activitylog.recorder.RecorderMetrics;

/**
 * The live counters behind {@link RecorderMetrics}. Callers' threads count with {@link LongAdder}s,
 * which do not contend; the writer's counters change once per batch.
 */
final class RecorderCounters {
  final LongAdder accepted = new LongAdder();
  final LongAdder rejected = new LongAdder();
  final LongAdder stored = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder retried = new LongAdder();
  private final LongAdder droppedQueueFull = new LongAdder();
  private final LongAdder droppedClosed = new LongAdder();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong lastLatency = new AtomicLong();
  private final AtomicLong maxLatency = new AtomicLong();
  private final AtomicLong totalLatency = new AtomicLong();

  void dropped(DropReason reason, long count) {
    (reason == DropReason.QUEUE_FULL ? droppedQueueFull : droppedClosed).add(count);
  }

  void batchStored(int size, long latencyNanos) {
    stored.add(size);
    batches.incrementAndGet();
    lastLatency.set(latencyNanos);
    maxLatency.accumulateAndGet(latencyNanos, Math::max);
    totalLatency.addAndGet(latencyNanos);
  }

  RecorderMetrics snapshot(int queueDepth, long queueBytes, int inFlight) {
    EnumMap<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
    dropped.put(DropReason.QUEUE_FULL, droppedQueueFull.sum());
    dropped.put(DropReason.CLOSE_TIMEOUT, droppedClosed.sum());
    // Outcomes are read before `accepted`, so a snapshot never shows more outcomes than
    // acceptances: pending() is never negative.
    long storedNow = stored.sum();
    long failedNow = failed.sum();
    long rejectedNow = rejected.sum();
    return new RecorderMetrics(
        accepted.sum(),
        storedNow,
        dropped,
        failedNow,
        rejectedNow,
        retried.sum(),
        queueDepth,
        queueBytes,
        inFlight,
        batches.get(),
        Duration.ofNanos(lastLatency.get()),
        Duration.ofNanos(maxLatency.get()),
        Duration.ofNanos(totalLatency.get()));
  }
}
