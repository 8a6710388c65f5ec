package org.activitylog.benchmarks.data;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.activitylog.api.NewActivity;

/**
 * An endless supply of new activities for the insert benchmarks: each with a uid never used before
 * and a creation time one microsecond after the previous one. Not thread-safe; one per contender.
 */
public final class FreshActivities {
  private final SyntheticActivities data;
  private final SplittableRandom random;
  private Instant next;

  /**
   * Creates a supply.
   *
   * @param data the generator
   * @param seed the seed of this supply's values
   * @param from the first creation time
   */
  public FreshActivities(SyntheticActivities data, long seed, Instant from) {
    this.data = data;
    this.random = new SplittableRandom(seed);
    this.next = from.truncatedTo(ChronoUnit.MICROS);
  }

  /** The next activity. */
  public NewActivity next() {
    NewActivity a = data.fresh(random, next);
    next = next.plus(1, ChronoUnit.MICROS);
    return a;
  }

  /**
   * The next activities.
   *
   * @param count how many
   */
  public List<NewActivity> next(int count) {
    List<NewActivity> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(next());
    }
    return out;
  }
}
