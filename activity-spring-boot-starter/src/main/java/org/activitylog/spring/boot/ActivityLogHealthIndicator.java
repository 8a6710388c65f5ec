package org.activitylog.spring.boot;

import org.activitylog.api.ActivityLogException;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.RecorderMetrics;
import org.activitylog.spi.ActivityStore;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Actuator health of activitylog, under the name {@code activityLog}: {@code UP} when the store
 * answers a look-up, {@code DOWN} when it throws. The details carry the recorder's queue depth and
 * its counts of pending, dropped and failed activities, which do not change the status: a queue
 * that fills while the store is up is a matter of load, for the meters and alerts to show.
 *
 * <p>The look-up is one primary-key read of an id no activity has, so a probe costs one round trip
 * and reads no row. A failure is described by the library exception's message, which never carries
 * SQL or connection settings, or else only by the exception's class name.
 */
public final class ActivityLogHealthIndicator implements HealthIndicator {
  /** An id the store never hands out: ids start at 1. */
  private static final long PROBE_ID = 0L;

  private final ActivityStore store;
  private final @Nullable ActivityRecorder recorder;

  /**
   * Checks a store and reports a recorder's queue.
   *
   * @param store the store to probe
   * @param recorder the recorder whose queue is reported, or null for none
   */
  public ActivityLogHealthIndicator(ActivityStore store, @Nullable ActivityRecorder recorder) {
    this.store = store;
    this.recorder = recorder;
  }

  @Override
  public Health health() {
    Health.Builder health;
    try {
      store.activities().findById(PROBE_ID);
      health = Health.up();
    } catch (StoreUnavailableException e) {
      health =
          Health.down()
              .withDetail("error", String.valueOf(e.getMessage()))
              .withDetail("reason", e.reason().name());
    } catch (ActivityLogException e) {
      health = Health.down().withDetail("error", String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      health = Health.down().withDetail("error", e.getClass().getName());
    }
    if (recorder != null) {
      RecorderMetrics metrics = recorder.metrics();
      health
          .withDetail("recorderQueueDepth", metrics.queueDepth())
          .withDetail("recorderPending", metrics.pending())
          .withDetail("recorderDropped", metrics.droppedTotal())
          .withDetail("recorderFailed", metrics.failed());
    }
    return health.build();
  }
}
