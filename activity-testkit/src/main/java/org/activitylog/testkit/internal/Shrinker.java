package org.activitylog.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Shrinks a failing sequence by delta debugging: it removes chunks of halving size, then single
 * elements, then tries simpler variants of each remaining element, and repeats until a whole round
 * changes nothing: then no single element can be removed or simplified and the sequence still fail.
 * Each candidate is tested by a predicate that replays it from scratch.
 */
public final class Shrinker {

  /**
   * A shrunk sequence.
   *
   * @param sequence the shortest failing sequence found
   * @param replays how many candidates were tried
   * @param exhausted whether the budget ran out before the sequence stopped shrinking
   * @param <T> the element type
   */
  public record Result<T>(List<T> sequence, int replays, boolean exhausted) {

    /**
     * Copies the sequence.
     *
     * @param sequence the shortest failing sequence found
     * @param replays how many candidates were tried
     * @param exhausted whether the budget ran out before the sequence stopped shrinking
     */
    public Result {
      sequence = List.copyOf(sequence);
    }
  }

  private Shrinker() {}

  /**
   * Shrinks a failing sequence.
   *
   * @param failing a sequence the predicate holds for
   * @param fails replays a candidate and tells whether it still fails
   * @param simpler simpler variants of an element, in the order to try them
   * @param budget the most candidates to try
   * @param <T> the element type
   * @return the shortest failing sequence found
   */
  public static <T> Result<T> shrink(
      List<T> failing, Predicate<List<T>> fails, Function<T, List<T>> simpler, int budget) {
    List<T> current = List.copyOf(failing);
    int replays = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int chunk = Math.max(1, current.size() / 2); chunk >= 1; chunk /= 2) {
        int i = 0;
        while (i < current.size()) {
          if (replays >= budget) {
            return new Result<>(current, replays, true);
          }
          List<T> candidate = new ArrayList<>(current.subList(0, i));
          candidate.addAll(current.subList(Math.min(current.size(), i + chunk), current.size()));
          replays++;
          if (fails.test(candidate)) {
            current = List.copyOf(candidate);
            changed = true;
          } else {
            i += chunk;
          }
        }
      }
      for (int i = 0; i < current.size(); i++) {
        boolean simplified = true;
        while (simplified) {
          simplified = false;
          for (T variant : simpler.apply(current.get(i))) {
            if (replays >= budget) {
              return new Result<>(current, replays, true);
            }
            List<T> candidate = new ArrayList<>(current);
            candidate.set(i, variant);
            replays++;
            if (fails.test(candidate)) {
              current = List.copyOf(candidate);
              changed = true;
              simplified = true;
              break;
            }
          }
        }
      }
    }
    return new Result<>(current, replays, false);
  }
}
