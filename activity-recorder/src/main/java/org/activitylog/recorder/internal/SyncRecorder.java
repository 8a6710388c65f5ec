package org.activitylog.recorder.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.activitylog.api.ActivityLogException;
import org.activitylog.api.NewActivity;
import org.activitylog.recorder.CloseResult;
import org.activitylog.recorder.Receipt;
import org.activitylog.recorder.RecorderClosedException;
import org.activitylog.recorder.RecorderMetrics;

/**
 * Synchronous mode: each {@code record} writes on the caller's thread and returns once the store
 * has committed, retrying with the same backoff as the background writer. Bounded by the retry
 * policy; an interrupt ends the wait between attempts.
 */
public final class SyncRecorder extends AbstractRecorder {
  private volatile boolean closed;

  /**
   * Creates the recorder.
   *
   * @param config the settings
   */
  public SyncRecorder(RecorderConfig config) {
    super(config);
  }

  @Override
  public Receipt record(NewActivity activity) {
    NewActivity complete = complete(activity);
    UUID uid = Objects.requireNonNull(complete.uid(), "complete() fills in the uid");
    if (closed) {
      throw rejected(new RecorderClosedException());
    }
    counters.accepted.increment();
    BatchWriter.Tally tally = writer.write(List.of(complete), this::pause);
    if (tally.stored == 1) {
      return new Receipt(uid, Receipt.Status.STORED);
    }
    if (tally.abandoned == 1) {
      InterruptedException cause = new InterruptedException("interrupted between attempts");
      writer.countFailed(1, cause);
      throw interrupted(
          "interrupted while waiting to retry the store; activity "
              + uid
              + " may or may not be stored: record it again with the same uid to be sure");
    }
    Throwable failure = tally.lastFailure;
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure == null) {
      // Not expected: a write that neither stored nor abandoned the activity records its failure.
      throw new ActivityLogException("the activity store failed");
    }
    throw new ActivityLogException("the activity store failed", failure);
  }

  private boolean pause(Duration backoff) {
    try {
      config.sleeper().sleep(backoff);
      return true;
    } catch (InterruptedException e) {
      // The flag is set again by the caller's exception; stop retrying now.
      return false;
    }
  }

  @Override
  boolean awaitIdle(long timeoutNanos) {
    return true; // every record() returns only when its activity has an outcome
  }

  @Override
  public CloseResult close(Duration timeout) {
    Checks.required("timeout", timeout);
    // Nothing is queued: every record() call answers for its own activity.
    closed = true;
    return new CloseResult(0, metrics());
  }

  @Override
  public RecorderMetrics metrics() {
    return counters.snapshot(0, 0, 0);
  }
}
