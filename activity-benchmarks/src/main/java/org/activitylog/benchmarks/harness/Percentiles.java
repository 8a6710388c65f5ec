package org.activitylog.benchmarks.harness;

import java.util.Arrays;

/**
 * Order statistics of measured values. Latency samples are kept as a plain {@code long[]} of
 * nanosecond deltas and sorted once, which is exact and needs no histogram library.
 */
public final class Percentiles {
  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  /**
   * The percentiles of some samples.
   *
   * @param samples the samples; copied, so the caller may reuse the array
   * @param count how many of the first samples to use, 1 or more
   */
  public static Percentiles of(long[] samples, int count) {
    if (count < 1 || count > samples.length) {
      throw new IllegalArgumentException(
          "count must be between 1 and " + samples.length + "; was " + count);
    }
    long[] copy = Arrays.copyOf(samples, count);
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  /**
   * The value below which a fraction of the samples fall, by the nearest-rank method: the smallest
   * sample with at least that fraction of samples at or below it.
   *
   * @param fraction between 0 (exclusive) and 1 (inclusive), for example 0.999
   */
  public long at(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1]; was " + fraction);
    }
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** The largest sample. */
  public long max() {
    return sorted[sorted.length - 1];
  }

  /** How many samples there are. */
  public int count() {
    return sorted.length;
  }

  /**
   * The median of some values: the middle one, or the mean of the two middle ones.
   *
   * @param values the values, at least one; not changed
   */
  public static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("the median of no values is undefined");
    }
    double[] copy = values.clone();
    Arrays.sort(copy);
    int mid = copy.length / 2;
    return copy.length % 2 == 1 ? copy[mid] : (copy[mid - 1] + copy[mid]) / 2;
  }
}
