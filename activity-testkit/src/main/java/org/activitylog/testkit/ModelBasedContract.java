package org.activitylog.testkit;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.internal.Operation;
import org.activitylog.testkit.internal.Replay;
import org.activitylog.testkit.internal.SequenceGenerator;
import org.activitylog.testkit.internal.Shrinker;
import org.activitylog.testkit.internal.World;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Model-based tests: random sequences of inserts, batch inserts, updates with and without expected
 * versions, soft deletes, restores, clock moves, follows, erasures, purges and every kind of read,
 * run against the store under test and against a plain reference model written from the SPI's
 * javadoc. Any difference fails the test with the shortest sequence that still shows it. They find
 * the interactions no hand-written test thinks of: an update of a deleted activity then restored, a
 * uid inserted again after its activity was erased, a tie in creation time on a keyset page.
 *
 * <pre>{@code
 * class MyModelBasedContractTest extends ModelBasedContract {
 *   @Override
 *   protected ActivityStore createStore(MutableClock clock) {
 *     return MyActivityStore.create(dataSource, clock);
 *   }
 * }
 * }</pre>
 *
 * <p><b>Runs and seeds.</b> A run makes {@link #modelRuns()} sequences of up to {@link
 * #maxSequenceLength()} operations from one seed, random unless the system property {@value
 * #SEED_PROPERTY} gives it; the failure message names the seed, and the same seed makes the same
 * sequences again. Every sequence is replayed with the clock set back to {@link
 * MutableClock#START}, on workspace groups, actors, uids and campaigns of its own, so replays never
 * see each other's activities: the sequences of a run share the test's store, and the candidates
 * tried while shrinking a failing one each get a new store from {@link #createStore(MutableClock)},
 * so that the shortest sequence fails on a store nothing else touched. (When a sequence fails only
 * on the shared store, it is shrunk there, and the message says so.)
 *
 * <p><b>Shared databases.</b> Every replay writes into workspace groups and actors of its own and
 * reads only through them (every query names the replay's groups), as the other contracts do.
 * Purging is global, so each replay creates its activities in a window of ten seconds between 2001
 * and 2010 that no other replay of the run uses, first purges everything created before that
 * window, and never purges with a cutoff after it; the windows of one run follow each other, so
 * each replay's first purge also removes the rows of the replays before it. As with {@link
 * ActivityRepositoryContract}, a backend's own tests must not create activities before 2011 on the
 * same database, and contract tests must not run in parallel on one database.
 */
public abstract class ModelBasedContract extends StoreContractSupport {

  /** The system property that fixes the seed, for rerunning a failure. */
  public static final String SEED_PROPERTY = "activitylog.testkit.seed";

  /** The first instant of the creation windows' era; every window ends before 2011. */
  private static final Instant ERA = Instant.parse("2001-01-01T00:00:00Z");

  /** Where the era ends: a window that would reach past it starts over at {@link #ERA}. */
  private static final Instant ERA_END = Instant.parse("2010-12-31T00:00:00Z");

  /** Where the first window of a run may start, in hours after {@link #ERA}. */
  private static final long ERA_HOURS = 8L * 365 * 24;

  /** How many random sequences a run replays unless {@link #modelRuns()} says otherwise. */
  static final int DEFAULT_RUNS = 200;

  private @Nullable Instant nextWindow;
  private long absentId;

  /**
   * {@return how many random sequences one run replays} Each replay opens a new store; lower it for
   * a slow backend, raise it for a soak run.
   */
  protected int modelRuns() {
    return DEFAULT_RUNS;
  }

  /** {@return the longest sequence a run makes; lengths are uniform from 1 to this} */
  protected int maxSequenceLength() {
    return 40;
  }

  /**
   * {@return the most replays spent shrinking a failing sequence} When they run out, the message
   * shows the shortest sequence found so far and says so.
   */
  protected int maxShrinkReplays() {
    return 2_000;
  }

  /**
   * {@return the seed of this run: the system property {@value #SEED_PROPERTY} when set, otherwise
   * a random one}
   *
   * @throws IllegalArgumentException when the property is not a number
   */
  protected long seed() {
    String text = System.getProperty(SEED_PROPERTY);
    if (text == null || text.isBlank()) {
      return ThreadLocalRandom.current().nextLong();
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "system property " + SEED_PROPERTY + " must be a number (a seed), not " + text, e);
    }
  }

  @Nested
  @DisplayName("Random sequences against a reference model")
  class RandomSequences {

    /**
     * If this fails, the message lists the shortest sequence of operations after which the store
     * answered differently from the reference model, and the first difference: write that sequence
     * as a plain test of your backend and look at the operation that differed. The seed in the
     * message replays the whole run.
     */
    @Test
    @DisplayName(
        "Random sequences of inserts, updates, deletes, restores, follows, erasures, purges and"
            + " reads get the answers a plain reference model gives")
    void randomSequencesAgreeWithTheModel(TestReporter reporter) {
      long seed = seed();
      reporter.publishEntry(SEED_PROPERTY, Long.toString(seed));
      absentId = Long.MAX_VALUE - ThreadLocalRandom.current().nextLong(1_000_000);
      nextWindow = ERA.plus(Duration.ofHours(ThreadLocalRandom.current().nextLong(ERA_HOURS)));
      int runs = modelRuns();
      for (int run = 0; run < runs; run++) {
        List<Operation> ops =
            SequenceGenerator.generate(sequenceSeed(seed, run), maxSequenceLength());
        Replay.Result result = replay(ops, false);
        if (result.failed()) {
          Replay.Result alone = replay(ops, true);
          fail(
              alone.failed()
                  ? report(seed, run, runs, ops, alone, true)
                  : report(seed, run, runs, ops, result, false));
        }
      }
    }
  }

  /** The seed of one sequence of a run, so that each sequence can be made alone. */
  private static long sequenceSeed(long seed, int run) {
    return seed + 0x9E3779B97F4A7C15L * (run + 1);
  }

  /**
   * Replays a sequence on the test's store or a new one, with a new world and a creation window of
   * its own.
   */
  private Replay.Result replay(List<Operation> ops, boolean newStore) {
    Instant window = nextWindow == null ? ERA : nextWindow;
    // Starting over is safe: the replay that reached the era's end purged every earlier window.
    Instant next = window.plus(World.WINDOW);
    nextWindow = next.plus(World.WINDOW).isAfter(ERA_END) ? ERA : next;
    clock.set(MutableClock.START);
    World world = World.fresh(data, window, MutableClock.START, absentId);
    if (!newStore) {
      return Replay.run(ops, store, clock, world);
    }
    ActivityStore s = createStore(clock);
    try {
      return Replay.run(ops, s, clock, world);
    } finally {
      s.close();
    }
  }

  /** Shrinks a failing sequence and describes it. */
  private String report(
      long seed,
      int run,
      int runs,
      List<Operation> original,
      Replay.Result first,
      boolean newStores) {
    Replay.Result[] last = {first};
    Shrinker.Result<Operation> shrunk =
        Shrinker.shrink(
            original,
            candidate -> {
              Replay.Result r = replay(candidate, newStores);
              if (r.failed()) {
                last[0] = r;
              }
              return r.failed();
            },
            Operation::simpler,
            maxShrinkReplays());
    Replay.Result shortest = last[0];
    StringBuilder m = new StringBuilder();
    m.append("The store and the reference model disagree (seed ")
        .append(seed)
        .append(", sequence ")
        .append(run + 1)
        .append(" of ")
        .append(runs)
        .append("; rerun with -D")
        .append(SEED_PROPERTY)
        .append('=')
        .append(seed)
        .append(").\n");
    m.append("Shortest failing sequence: ")
        .append(shrunk.sequence().size())
        .append(" of ")
        .append(original.size())
        .append(" operations, found in ")
        .append(shrunk.replays())
        .append(" replays")
        .append(
            shrunk.exhausted() ? " (the shrinking budget ran out: a shorter one may exist)" : "")
        .append(
            newStores ? "" : ", on the store the earlier sequences used (on a new store it passes)")
        .append(":\n");
    List<String> steps = shortest.steps();
    for (int i = 0; i < steps.size(); i++) {
      String n = i < shrunk.sequence().size() ? String.format("%3d. ", i + 1) : "     ";
      m.append(n).append(steps.get(i).replace("\n", "\n     ")).append('\n');
    }
    m.append("First difference, ")
        .append(
            shortest.failedAt() < shrunk.sequence().size()
                ? "at step " + (shortest.failedAt() + 1)
                : "after the last step")
        .append(":\n")
        .append(shortest.difference())
        .append('\n');
    if (!first.difference().equals(shortest.difference())) {
      m.append("(The unshrunk sequence first differed ")
          .append(
              first.failedAt() < original.size()
                  ? "at step " + (first.failedAt() + 1) + " of " + original.size()
                  : "after its last step")
          .append(":\n")
          .append(first.difference())
          .append(")\n");
    }
    m.append(
            "Names: g0-g2 are workspace groups, u0-u7 uids, a0-a3 actors (a0' another profile of"
                + " a0), anon-user and anon-member the anonymous actors, c0-c1 campaigns; W+ is a"
                + " time in the sequence's creation window, T+ a time after the clock's start ")
        .append(MutableClock.START)
        .append(".");
    return m.toString();
  }
}
