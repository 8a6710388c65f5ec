package org.activitylog.recorder.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.activitylog.api.NewActivity;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.RecorderException;
import org.activitylog.recorder.RecorderInterruptedException;
import org.activitylog.recorder.RecorderListener;

/** What both modes share: completing activities, counters, the guarded listener and the log. */
abstract class AbstractRecorder implements ActivityRecorder {
  final RecorderConfig config;
  final RecorderCounters counters = new RecorderCounters();
  final RateLimitedLog log;
  final RecorderListener listener;
  final BatchWriter writer;

  AbstractRecorder(RecorderConfig config) {
    this.config = config;
    this.log = new RateLimitedLog(config.logger(), config.clock(), config.logInterval());
    this.listener = new GuardedListener(config.listener(), log);
    this.writer = new BatchWriter(config.sink(), config.retry(), counters, listener, log);
  }

  /**
   * Fixes the uid and creation time now, on the caller's thread, so that every later attempt writes
   * the same activity.
   */
  final NewActivity complete(NewActivity activity) {
    Checks.required("activity", activity);
    if (activity.uid() != null && activity.createdAt() != null) {
      return activity;
    }
    UUID uid = activity.uid() != null ? activity.uid() : config.uids().get();
    Instant at = activity.createdAt() != null ? activity.createdAt() : config.clock().instant();
    return new NewActivity(uid, activity.content(), at, activity.createdBy());
  }

  /** Counts and reports a refused call; returns the exception for the caller to throw. */
  final <E extends RecorderException> E rejected(E e) {
    counters.rejected.increment();
    listener.onRejected(e);
    return e;
  }

  /** Restores the interrupt flag and says what was interrupted. */
  static RecorderInterruptedException interrupted(String message) {
    Thread.currentThread().interrupt();
    return new RecorderInterruptedException(message);
  }

  @Override
  public final void flush() {
    try {
      awaitIdle(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      throw interrupted("interrupted while flushing the recorder");
    }
  }

  @Override
  public final boolean flush(Duration timeout) {
    Checks.required("timeout", timeout);
    try {
      return awaitIdle(TimeUnit.NANOSECONDS.convert(timeout));
    } catch (InterruptedException e) {
      throw interrupted("interrupted while flushing the recorder");
    }
  }

  /** Waits until everything accepted so far has an outcome. */
  abstract boolean awaitIdle(long timeoutNanos) throws InterruptedException;

  @Override
  public final void close() {
    close(config.closeTimeout());
  }
}
