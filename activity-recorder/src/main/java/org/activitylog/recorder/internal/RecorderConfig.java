package org.activitylog.recorder.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.activitylog.recorder.ActivitySink;
import org.activitylog.recorder.FullQueuePolicy;
import org.activitylog.recorder.RecorderListener;
import org.activitylog.recorder.RetryPolicy;
import org.activitylog.recorder.Sleeper;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a recorder, checked by {@link org.activitylog.recorder.ActivityRecorder.Builder}.
 *
 * @param sink where batches go
 * @param queueCapacity the most queued activities
 * @param queueBytes the most estimated bytes of queued activities
 * @param batchSize the most activities per insert
 * @param linger how long the writer waits for a batch to fill
 * @param fullQueuePolicy what a full queue does to {@code record}
 * @param blockTimeout how long {@code record} waits under the blocking policy
 * @param retry how failing batches are retried
 * @param closeTimeout how long {@code close()} waits
 * @param clock stamps creation times and paces the log
 * @param uids generates uids
 * @param listener hears events
 * @param sleeper waits between retries
 * @param threadFactory makes the writer thread, or null for the default
 * @param logger where warnings go
 * @param logInterval how often each kind of warning may be logged
 */
public record RecorderConfig(
    ActivitySink sink,
    int queueCapacity,
    long queueBytes,
    int batchSize,
    Duration linger,
    FullQueuePolicy fullQueuePolicy,
    Duration blockTimeout,
    RetryPolicy retry,
    Duration closeTimeout,
    Clock clock,
    Supplier<UUID> uids,
    RecorderListener listener,
    Sleeper sleeper,
    @Nullable ThreadFactory threadFactory,
    System.Logger logger,
    Duration logInterval) {}
