package org.activitylog.benchmarks.harness;

import java.util.Arrays;

/**
 * The measured rounds of one contender: nanoseconds per unit in each round, in the order they ran.
 *
 * @param name the contender's name
 * @param nanosPerUnit one figure per measured round
 * @param units how many units all measured rounds processed together
 */
public record Measurement(String name, double[] nanosPerUnit, long units) {

  /** Copies the figures. */
  public Measurement {
    if (nanosPerUnit.length == 0) {
      throw new IllegalArgumentException("a measurement needs at least one round");
    }
    nanosPerUnit = nanosPerUnit.clone();
  }

  /** The median over rounds of the nanoseconds per unit. */
  public double medianNanos() {
    return Percentiles.median(nanosPerUnit);
  }

  /** The fastest round's nanoseconds per unit. */
  public double minNanos() {
    return Arrays.stream(nanosPerUnit).min().orElseThrow();
  }

  /** The slowest round's nanoseconds per unit. */
  public double maxNanos() {
    return Arrays.stream(nanosPerUnit).max().orElseThrow();
  }

  /** Units per second at the median round. */
  public double medianPerSecond() {
    return 1e9 / medianNanos();
  }

  /** The per-round figures, a copy. */
  @Override
  public double[] nanosPerUnit() {
    return nanosPerUnit.clone();
  }
}
