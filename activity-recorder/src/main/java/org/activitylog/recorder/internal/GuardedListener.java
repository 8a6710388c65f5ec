package org.activitylog.recorder.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import org.activitylog.recorder.DropReason;
import org.activitylog.recorder.RecorderException;
import org.activitylog.recorder.RecorderListener;

/**
 * Calls the host's listener and keeps its exceptions away from the recorder: a broken metrics hook
 * must neither kill the writer thread nor fail a caller's {@code record}.
 */
final class GuardedListener implements RecorderListener {
  private final RecorderListener delegate;
  private final RateLimitedLog log;

  GuardedListener(RecorderListener delegate, RateLimitedLog log) {
    this.delegate = delegate;
    this.log = log;
  }

  @Override
  public void onDropped(DropReason reason, int count) {
    try {
      delegate.onDropped(reason, count);
    } catch (RuntimeException e) {
      complain(e);
    }
  }

  @Override
  public void onRejected(RecorderException cause) {
    try {
      delegate.onRejected(cause);
    } catch (RuntimeException e) {
      complain(e);
    }
  }

  @Override
  public void onBatchStored(int size, Duration latency) {
    try {
      delegate.onBatchStored(size, latency);
    } catch (RuntimeException e) {
      complain(e);
    }
  }

  @Override
  public void onRetry(int attempt, Duration backoff, RuntimeException cause) {
    try {
      delegate.onRetry(attempt, backoff, cause);
    } catch (RuntimeException e) {
      complain(e);
    }
  }

  @Override
  public void onFailed(int count, Throwable cause) {
    try {
      delegate.onFailed(count, cause);
    } catch (RuntimeException e) {
      complain(e);
    }
  }

  private void complain(RuntimeException e) {
    log.log(
        RateLimitedLog.Topic.LISTENER,
        Level.WARNING,
        () -> "the recorder listener threw; the recorder carries on",
        e);
  }
}
