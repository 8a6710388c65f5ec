package org.activitylog.testkit.broken;

import java.util.concurrent.TimeUnit;

/**
 * The gap a racy backend leaves between its check and its write. A real backend sends two
 * statements there, and its thread gives up its core while it waits for the first answer; the
 * default, {@code yield}, is that scheduling point without the wait: no sleep widens the window.
 * For measuring, {@code -Draces.window} also takes {@code none} (only the time between two calls to
 * the working store underneath, as racy code that never blocks has) and {@code spin-N} (the thread
 * keeps its core for N microseconds).
 */
final class RaceWindow {
  private static final String SETTING = System.getProperty("races.window", "yield");
  private static final long SPIN_NANOS =
      SETTING.startsWith("spin-")
          ? TimeUnit.MICROSECONDS.toNanos(Long.parseLong(SETTING.substring("spin-".length())))
          : 0;

  private RaceWindow() {}

  /** Passes the gap between a racy backend's check and its write. */
  static void between() {
    if (SPIN_NANOS > 0) {
      long end = System.nanoTime() + SPIN_NANOS;
      while (System.nanoTime() < end) {
        Thread.onSpinWait();
      }
    } else if (SETTING.equals("yield")) {
      Thread.yield();
    }
  }
}
