package org.activitylog.recorder.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.activitylog.api.NewActivity;
import org.activitylog.recorder.RecorderClosedException;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous recorder's queue: many callers put, one writer takes batches. Bounded both in
 * activities and in estimated bytes, which no JDK queue does at once, so it is a ring of
 * preallocated slots under one lock. It also counts what was accepted, taken and completed, so that
 * {@code flush} can wait for exactly the activities accepted before it.
 *
 * <p>Every field is guarded by {@link #lock}.
 */
final class ActivityBuffer {

  /** Whether {@link #offer} queued the activity. */
  enum Offer {
    QUEUED,
    FULL
  }

  private final ReentrantLock lock = new ReentrantLock();

  /** Signals the writer: the first activity arrived, a batch is full, or someone is waiting. */
  private final Condition writerWake = lock.newCondition();

  /** Signals callers blocked on a full queue: room was made, or the buffer closed. */
  private final Condition roomMade = lock.newCondition();

  /** Signals flushers: a batch completed. */
  private final Condition progress = lock.newCondition();

  private final NewActivity[] items;
  private final int[] sizes;
  private final long maxBytes;
  private final int batchSize;
  private final long lingerNanos;

  private int head;
  private int count;
  private long bytes;
  private int inFlight;

  /** Activities ever queued; the sequence number of the last one. */
  private long queued;

  /** Activities ever taken by the writer. */
  private long taken;

  /** Activities whose outcome (stored, failed, dropped) is counted. */
  private long completed;

  /** The highest {@link #queued} a flusher waits for; the writer skips lingering below it. */
  private long flushTarget;

  /** A caller found the queue full: the writer must not linger for a fuller batch. */
  private boolean pressure;

  private boolean closed;

  ActivityBuffer(int capacity, long maxBytes, int batchSize, long lingerNanos) {
    this.items = new NewActivity[capacity];
    this.sizes = new int[capacity];
    this.maxBytes = maxBytes;
    this.batchSize = batchSize;
    this.lingerNanos = lingerNanos;
  }

  /**
   * Queues an activity if there is room, waiting up to {@code waitNanos} for it.
   *
   * @param activity the activity
   * @param size its estimated size
   * @param waitNanos how long to wait for room; 0 not to wait
   * @throws InterruptedException when the caller is interrupted while waiting; nothing was queued
   * @throws RecorderClosedException when the buffer is closed, before or while waiting
   */
  Offer offer(NewActivity activity, int size, long waitNanos) throws InterruptedException {
    lock.lock();
    try {
      long nanos = waitNanos;
      while (true) {
        if (closed) {
          throw new RecorderClosedException();
        }
        if (fits(size)) {
          break;
        }
        if (nanos <= 0) {
          wakeWriterUnderPressure();
          return Offer.FULL;
        }
        wakeWriterUnderPressure();
        nanos = roomMade.awaitNanos(nanos);
      }
      int tail = (head + count) % items.length;
      items[tail] = activity;
      sizes[tail] = size;
      count++;
      bytes += size;
      queued++;
      // Wake the writer only when it can act: it waits for a first activity, or, lingering,
      // for a full batch. Signalling on every offer would wake it for nothing.
      if (count == 1 || count == batchSize) {
        writerWake.signal();
      }
      return Offer.QUEUED;
    } finally {
      lock.unlock();
    }
  }

  private boolean fits(int size) {
    // An activity larger than the byte bound still enters an empty queue; otherwise it could
    // never be recorded at all.
    return count < items.length && (count == 0 || bytes + size <= maxBytes);
  }

  private void wakeWriterUnderPressure() {
    if (!pressure) {
      pressure = true;
      writerWake.signal();
    }
  }

  /**
   * The writer's next batch: waits for an activity, then up to the linger time for a full batch,
   * unless the queue is under pressure, flushed or closed.
   *
   * @return up to a batch of activities, oldest first; null once the buffer is closed and empty
   */
  @Nullable List<NewActivity> take() {
    lock.lock();
    try {
      while (count == 0) {
        if (closed) {
          return null;
        }
        writerWake.awaitUninterruptibly();
      }
      long nanos = lingerNanos;
      while (count < batchSize && nanos > 0 && !closed && !pressure && flushTarget <= taken) {
        try {
          nanos = writerWake.awaitNanos(nanos);
        } catch (InterruptedException e) {
          // Nobody interrupts the writer while it waits here; if someone does, write now.
          Thread.currentThread().interrupt();
          break;
        }
      }
      int n = Math.min(count, batchSize);
      List<NewActivity> batch = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        batch.add(items[head]);
        bytes -= sizes[head];
        items[head] = null;
        head = (head + 1) % items.length;
      }
      count -= n;
      taken += n;
      inFlight = n;
      pressure = false;
      roomMade.signalAll();
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Marks the batch in flight as done: its outcome is counted.
   *
   * @param n its size
   */
  void completed(int n) {
    lock.lock();
    try {
      completed += n;
      inFlight = 0;
      progress.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until every activity queued before this call has completed.
   *
   * @param timeoutNanos the longest to wait, or {@link Long#MAX_VALUE} for no limit
   * @return false when the timeout passed first
   * @throws InterruptedException when the caller is interrupted
   */
  boolean awaitCompleted(long timeoutNanos) throws InterruptedException {
    lock.lock();
    try {
      long target = queued;
      if (completed >= target) {
        return true;
      }
      if (target > flushTarget) {
        flushTarget = target;
        writerWake.signal();
      }
      long nanos = timeoutNanos;
      while (completed < target) {
        if (timeoutNanos == Long.MAX_VALUE) {
          progress.await();
        } else if (nanos <= 0) {
          return false;
        } else {
          nanos = progress.awaitNanos(nanos);
        }
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting: later offers and callers waiting for room get {@link RecorderClosedException};
   * the writer drains the queue without lingering.
   */
  void close() {
    lock.lock();
    try {
      closed = true;
      writerWake.signalAll();
      roomMade.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** What {@link #abandon()} found. */
  record Abandoned(int dropped, int inFlight) {}

  /**
   * Empties the queue after a close deadline passed; the activities removed are completed, as
   * dropped. Reads the batch in flight in the same step, so that none is missed between the two.
   *
   * @return how many were removed, and how many were in the writer's hands
   */
  Abandoned abandon() {
    lock.lock();
    try {
      int n = count;
      for (int i = 0; i < n; i++) {
        items[(head + i) % items.length] = null;
      }
      head = 0;
      count = 0;
      bytes = 0;
      completed += n;
      progress.signalAll();
      return new Abandoned(n, inFlight);
    } finally {
      lock.unlock();
    }
  }

  /** Activities waiting now. */
  int depth() {
    lock.lock();
    try {
      return count;
    } finally {
      lock.unlock();
    }
  }

  /** Estimated bytes waiting now. */
  long bytes() {
    lock.lock();
    try {
      return bytes;
    } finally {
      lock.unlock();
    }
  }

  /** Activities in the batch being written now. */
  int inFlight() {
    lock.lock();
    try {
      return inFlight;
    } finally {
      lock.unlock();
    }
  }
}
