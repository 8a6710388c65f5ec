package org.activitylog.recorder.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.activitylog.api.NewActivity;
import org.activitylog.recorder.CloseResult;
import org.activitylog.recorder.DropReason;
import org.activitylog.recorder.FullQueuePolicy;
import org.activitylog.recorder.QueueFullException;
import org.activitylog.recorder.Receipt;
import org.activitylog.recorder.RecorderClosedException;
import org.activitylog.recorder.RecorderMetrics;

/**
 * Asynchronous mode: {@code record} queues, one writer thread drains the queue in batches.
 *
 * <p>At a close deadline the writer is told to stop. It is interrupted only while it waits between
 * retries, never while the store is working: an interrupt inside a JDBC driver can close the
 * connection or, on H2, the database file.
 */
public final class AsyncRecorder extends AbstractRecorder {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ActivityBuffer buffer;
  private final long blockNanos;
  private final Thread thread;

  private final Object pauseLock = new Object();
  private boolean pausing; // guarded by pauseLock
  private boolean aborted; // guarded by pauseLock

  /**
   * Creates the recorder and starts its writer thread.
   *
   * @param config the settings
   */
  public AsyncRecorder(RecorderConfig config) {
    super(config);
    this.buffer =
        new ActivityBuffer(
            config.queueCapacity(),
            config.queueBytes(),
            config.batchSize(),
            TimeUnit.NANOSECONDS.convert(config.linger()));
    this.blockNanos =
        config.fullQueuePolicy() == FullQueuePolicy.BLOCK
            ? TimeUnit.NANOSECONDS.convert(config.blockTimeout())
            : 0;
    ThreadFactory factory =
        config.threadFactory() != null ? config.threadFactory() : AsyncRecorder::daemon;
    this.thread = factory.newThread(this::drain);
    thread.start();
  }

  private static Thread daemon(Runnable task) {
    Thread t = new Thread(task, "activitylog-recorder-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  }

  @Override
  public Receipt record(NewActivity activity) {
    NewActivity complete = complete(activity);
    UUID uid = Objects.requireNonNull(complete.uid(), "complete() fills in the uid");
    int size = SizeEstimate.of(complete);
    // Counted before it is queued, so that a snapshot never shows an outcome without its
    // acceptance; taken back below when the activity is refused.
    counters.accepted.increment();
    ActivityBuffer.Offer offer;
    try {
      offer = buffer.offer(complete, size, blockNanos);
    } catch (InterruptedException e) {
      counters.accepted.decrement();
      throw rejected(
          interrupted(
              "interrupted while waiting for room in the recorder's queue; the activity was not"
                  + " recorded"));
    } catch (RecorderClosedException e) {
      counters.accepted.decrement();
      throw rejected(e);
    }
    if (offer == ActivityBuffer.Offer.QUEUED) {
      return new Receipt(uid, Receipt.Status.QUEUED);
    }
    if (config.fullQueuePolicy() == FullQueuePolicy.DROP) {
      counters.dropped(DropReason.QUEUE_FULL, 1);
      listener.onDropped(DropReason.QUEUE_FULL, 1);
      log.log(
          RateLimitedLog.Topic.QUEUE_FULL,
          Level.WARNING,
          () -> "the recorder's queue is full; dropping activities (" + limits() + ")",
          null);
      return new Receipt(uid, Receipt.Status.DROPPED);
    }
    counters.accepted.decrement();
    QueueFullException full =
        new QueueFullException(
            config.fullQueuePolicy() == FullQueuePolicy.BLOCK
                ? "the recorder's queue stayed full for "
                    + config.blockTimeout().toMillis()
                    + " ms ("
                    + limits()
                    + ")"
                : "the recorder's queue is full (" + limits() + ")");
    log.log(
        RateLimitedLog.Topic.QUEUE_FULL,
        Level.WARNING,
        () -> full.getMessage() + "; refusing activities: the store is slow or unavailable",
        null);
    throw rejected(full);
  }

  private String limits() {
    return "limits: " + config.queueCapacity() + " activities, " + config.queueBytes() + " bytes";
  }

  /** The writer thread's loop. */
  private void drain() {
    List<NewActivity> batch;
    while ((batch = buffer.take()) != null) {
      BatchWriter.Tally tally;
      if (isAborted()) {
        tally = new BatchWriter.Tally();
        tally.abandoned = batch.size();
      } else {
        tally = writeGuarded(batch);
      }
      if (tally.abandoned > 0) {
        counters.dropped(DropReason.CLOSE_TIMEOUT, tally.abandoned);
        listener.onDropped(DropReason.CLOSE_TIMEOUT, tally.abandoned);
      }
      buffer.completed(batch.size());
    }
  }

  private BatchWriter.Tally writeGuarded(List<NewActivity> batch) {
    try {
      return writer.write(batch, this::pause);
    } catch (RuntimeException | Error e) {
      // BatchWriter catches the store's errors and the listener is guarded, so this is a bug in
      // the recorder; count the batch as failed rather than let the writer thread die.
      writer.countFailed(batch.size(), e);
      BatchWriter.Tally tally = new BatchWriter.Tally();
      tally.failed = batch.size();
      return tally;
    }
  }

  private boolean pause(Duration backoff) {
    synchronized (pauseLock) {
      if (aborted) {
        return false;
      }
      pausing = true;
    }
    try {
      config.sleeper().sleep(backoff);
    } catch (InterruptedException e) {
      // close() interrupts a pause it aborts; any other interrupt just ends the wait early.
    }
    synchronized (pauseLock) {
      pausing = false;
      // Clear an interrupt that arrived after the sleep ended, so that it never reaches the store.
      Thread.interrupted();
      return !aborted;
    }
  }

  private boolean isAborted() {
    synchronized (pauseLock) {
      return aborted;
    }
  }

  private void abort() {
    synchronized (pauseLock) {
      aborted = true;
      if (pausing) {
        thread.interrupt();
      }
    }
  }

  @Override
  boolean awaitIdle(long timeoutNanos) throws InterruptedException {
    return buffer.awaitCompleted(timeoutNanos);
  }

  @Override
  public CloseResult close(Duration timeout) {
    Checks.required("timeout", timeout);
    buffer.close();
    boolean finished = Thread.currentThread() != thread && awaitWriter(timeout);
    if (finished) {
      return new CloseResult(0, metrics());
    }
    // Empty the queue before stopping the writer: the batch it holds is then still in flight and
    // counted as unwritten, whether the store finishes it or the abort drops it.
    ActivityBuffer.Abandoned abandoned = buffer.abandon();
    abort();
    int dropped = abandoned.dropped();
    int inFlight = abandoned.inFlight();
    if (dropped > 0) {
      counters.dropped(DropReason.CLOSE_TIMEOUT, dropped);
      listener.onDropped(DropReason.CLOSE_TIMEOUT, dropped);
    }
    long unwritten = (long) dropped + inFlight;
    if (unwritten > 0) {
      log.always(
          Level.WARNING,
          "the recorder closed before writing "
              + unwritten
              + " accepted activities: "
              + dropped
              + " still queued after "
              + timeout.toMillis()
              + " ms were dropped, "
              + inFlight
              + " are in a batch the store is still writing");
    }
    return new CloseResult(unwritten, metrics());
  }

  /**
   * Waits for the writer thread to end; false when the timeout passes or the caller is interrupted.
   */
  private boolean awaitWriter(Duration timeout) {
    long nanos = TimeUnit.NANOSECONDS.convert(timeout);
    try {
      if (nanos > 0) {
        TimeUnit.NANOSECONDS.timedJoin(thread, nanos);
      }
    } catch (InterruptedException e) {
      // Close still returns promptly, as after a timeout; the caller keeps its interrupt.
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  @Override
  public RecorderMetrics metrics() {
    return counters.snapshot(buffer.depth(), buffer.bytes(), buffer.inFlight());
  }
}
