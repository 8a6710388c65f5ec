package org.activitylog.benchmarks.harness;

import java.util.Locale;

/** How the results print numbers: rates, durations and ratios in a fixed, readable form. */
public final class Figures {
  private Figures() {}

  /**
   * A rate such as {@code 41.9k rows/s}.
   *
   * @param perSecond units per second
   */
  public static String rate(double perSecond) {
    if (perSecond >= 10_000) {
      return String.format(Locale.ROOT, "%.1fk", perSecond / 1000);
    }
    return String.format(Locale.ROOT, "%.0f", perSecond);
  }

  /**
   * A duration given in nanoseconds, in the unit that keeps three significant digits.
   *
   * @param nanos the duration
   */
  public static String duration(double nanos) {
    if (nanos >= 1_000_000) {
      return String.format(Locale.ROOT, "%.2f ms", nanos / 1_000_000);
    }
    if (nanos >= 1_000) {
      return String.format(Locale.ROOT, "%.1f µs", nanos / 1_000);
    }
    return String.format(Locale.ROOT, "%.0f ns", nanos);
  }

  /**
   * A ratio such as {@code 1.07x}.
   *
   * @param ratio the ratio
   */
  public static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2fx", ratio);
  }

  /**
   * The spread of a measurement's rounds as the slowest over the fastest, such as {@code ±4%}
   * around the median.
   *
   * @param m the measurement
   */
  public static String spread(Measurement m) {
    double half = (m.maxNanos() - m.minNanos()) / 2 / m.medianNanos() * 100;
    return String.format(Locale.ROOT, "±%.0f%%", half);
  }

  /**
   * Whether a target is met, as a table cell.
   *
   * @param met whether it is
   */
  public static String verdict(boolean met) {
    return met ? "met" : "**missed**";
  }
}
