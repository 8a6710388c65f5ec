package org.activitylog.benchmarks.harness;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs contenders in alternating rounds and keeps the measured ones.
 *
 * <p>Each round gives every contender the same time budget, repeating its operation until the
 * budget is spent. The contenders take turns inside a round, and the order rotates from round to
 * round, so a slow drift of the machine (another process, a growing table, a checkpoint) falls on
 * all of them alike. The first rounds warm the JIT, the connection pool and the database caches and
 * are thrown away.
 */
public final class RoundRunner {
  private final int warmups;
  private final int rounds;
  private final long roundNanos;
  private final int minOperations;
  private final PrintStream progress;

  /**
   * Creates a runner.
   *
   * @param warmups rounds run first and not kept, 0 or more
   * @param rounds rounds kept, 1 or more
   * @param roundTime how long each contender works in a round (timed work only)
   * @param minOperations the fewest operations of a round, however slow they are
   * @param progress where one line per round goes
   */
  public RoundRunner(
      int warmups, int rounds, Duration roundTime, int minOperations, PrintStream progress) {
    if (warmups < 0 || rounds < 1 || minOperations < 1) {
      throw new IllegalArgumentException(
          "warmups must be 0 or more and rounds and minOperations 1 or more; were "
              + warmups
              + ", "
              + rounds
              + ", "
              + minOperations);
    }
    this.warmups = warmups;
    this.rounds = rounds;
    this.roundNanos = roundTime.toNanos();
    this.minOperations = minOperations;
    this.progress = progress;
  }

  /** The number of measured rounds. */
  public int rounds() {
    return rounds;
  }

  /**
   * Measures contenders against each other.
   *
   * @param label what is measured, for the progress lines
   * @param contenders the contenders, at least one
   * @return one measurement per contender, in the order given
   * @throws Exception what an operation threw
   */
  public List<Measurement> compare(String label, List<Contender> contenders) throws Exception {
    int n = contenders.size();
    double[][] perRound = new double[n][rounds];
    long[] units = new long[n];
    for (int round = 0; round < warmups + rounds; round++) {
      StringBuilder line = new StringBuilder();
      line.append(label).append(round < warmups ? " warm-up " : " round ").append(round + 1);
      for (int turn = 0; turn < n; turn++) {
        int k = (turn + round) % n;
        Contender c = contenders.get(k);
        long[] done = runRound(c.operation());
        double nanosPerUnit = (double) done[0] / done[1];
        if (round >= warmups) {
          perRound[k][round - warmups] = nanosPerUnit;
          units[k] += done[1];
        }
        line.append(String.format(" | %s %.1f us/unit", c.name(), nanosPerUnit / 1000));
      }
      progress.println(line);
    }
    List<Measurement> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(new Measurement(contenders.get(k).name(), perRound[k], units[k]));
    }
    return out;
  }

  /** Returns the timed nanoseconds and the units processed. */
  private long[] runRound(Operation op) throws Exception {
    long timed = 0;
    long units = 0;
    int operations = 0;
    while (timed < roundNanos || operations < minOperations) {
      op.prepare();
      long start = System.nanoTime();
      long processed = op.run();
      timed += System.nanoTime() - start;
      units += processed;
      operations++;
    }
    if (units == 0) {
      throw new IllegalStateException("an operation processed no units");
    }
    return new long[] {timed, units};
  }
}
