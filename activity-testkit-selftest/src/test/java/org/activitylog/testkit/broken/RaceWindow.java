package org.activitylog.testkit.broken;

import java.util.concurrent.TimeUnit;

/**
 * The gap a racy backend leaves between its check and its write, where a real backend makes its
 * second round trip to the database. Set with {@code -Draces.window}: {@code none} (the default:
 * only the time between two calls to the working store underneath), {@code yield} (the thread
 * offers its core to another, as a thread blocking on a socket does) or {@code spin-N} (the thread
 * keeps its core for N microseconds, far less than any database round trip).
 */
final class RaceWindow {
  private static final String SETTING = System.getProperty("races.window", "none");
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
