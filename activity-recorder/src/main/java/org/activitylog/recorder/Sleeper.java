package org.activitylog.recorder;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retries. Injected so that tests can retry without waiting; production code keeps
 * {@link #system()}.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for a duration.
   *
   * @param duration how long
   * @throws InterruptedException when the thread is interrupted while waiting; the recorder
   *     interrupts its writer only to end a retry wait at a close deadline
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Sleeps the calling thread for real.
   *
   * @return a sleeper that blocks the calling thread
   */
  static Sleeper system() {
    return duration -> TimeUnit.NANOSECONDS.sleep(TimeUnit.NANOSECONDS.convert(duration));
  }
}
