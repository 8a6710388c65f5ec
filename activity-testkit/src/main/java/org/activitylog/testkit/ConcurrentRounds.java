package org.activitylog.testkit;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Runs the threads of a concurrency test in many short rounds. Each round every thread waits until
 * all of them are ready, so that they reach the code under test at the same moment, makes a few
 * calls on the same few keys, and waits again; between rounds the test checks what the round left.
 *
 * <p>Why rounds: a race a backend leaves open is often a window of a few instructions between two
 * calls. Threads released once and left to loop soon drift apart and rarely meet inside it; threads
 * that start the same calls at the same instant, round after round, meet there far more often. A
 * test stops starting rounds after {@link #BUDGET}, so that a slow database stays bounded, and a
 * check fails at the first round that shows the race, so that a broken backend fails fast and its
 * failure names the round and the state it found.
 */
final class ConcurrentRounds {

  /** Threads per round: more than the cores of a small machine, so some are preempted mid-call. */
  static final int THREADS = 8;

  /** How long a round may take before the test declares a deadlock. */
  static final long TIMEOUT_SECONDS = 30;

  /** After this time a test starts no new round, once it has run {@link #MIN_ROUNDS}. */
  static final Duration BUDGET = Duration.ofSeconds(1);

  /** The rounds every test runs however slow the backend. */
  static final int MIN_ROUNDS = 5;

  private ConcurrentRounds() {}

  /** What one thread of a round ended with: a value or an error. */
  record Outcome<T>(@Nullable T value, @Nullable Throwable error) {}

  /** Work of the main thread before a round starts, while every other thread waits. */
  @FunctionalInterface
  interface Prepare {
    /**
     * Prepares a round.
     *
     * @param round the round about to start, from 0
     */
    void run(int round) throws Exception;
  }

  /** One thread's step in a round. */
  @FunctionalInterface
  interface Step<T> {
    /**
     * Runs one thread's step.
     *
     * @param thread the thread, from 0 to {@link #THREADS} - 1
     * @param round the round, from 0
     * @return what the step wants the check to see
     */
    T run(int thread, int round) throws Exception;
  }

  /** The main thread's check after a round, while every other thread waits. */
  @FunctionalInterface
  interface Check<T> {
    /**
     * Checks a round.
     *
     * @param round the round that ended
     * @param outcomes what each thread's step ended with, by thread
     */
    void run(int round, List<Outcome<T>> outcomes) throws Exception;
  }

  /**
   * Runs rounds until {@code maxRounds} have run or the budget is spent.
   *
   * @param maxRounds the most rounds to run
   * @param step each thread's step
   * @param check the check after each round
   * @return how many rounds ran
   */
  static <T> int run(int maxRounds, Step<T> step, Check<T> check) throws Exception {
    return run(maxRounds, round -> {}, step, check);
  }

  /**
   * Runs rounds until {@code maxRounds} have run or the budget is spent, preparing each first.
   *
   * @param maxRounds the most rounds to run
   * @param prepare the preparation before each round
   * @param step each thread's step
   * @param check the check after each round
   * @return how many rounds ran
   */
  static <T> int run(int maxRounds, Prepare prepare, Step<T> step, Check<T> check)
      throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(THREADS + 1);
    AtomicInteger current = new AtomicInteger();
    AtomicInteger gate = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReferenceArray<Outcome<T>> outcomes = new AtomicReferenceArray<>(THREADS);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              // A daemon: a thread stuck in a broken backend must not keep the JVM alive.
              Thread thread = new Thread(r, "contract-round-worker");
              thread.setDaemon(true);
              return thread;
            });
    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        pool.execute(
            () -> {
              try {
                while (true) {
                  barrier.await(TIMEOUT_SECONDS, SECONDS);
                  if (stop.get()) {
                    return;
                  }
                  int round = current.get();
                  startTogether(gate, (round + 1) * THREADS);
                  Outcome<T> outcome;
                  try {
                    outcome = new Outcome<>(step.run(thread, round), null);
                  } catch (Throwable e) {
                    outcome = new Outcome<>(null, e);
                  }
                  outcomes.set(thread, outcome);
                  barrier.await(TIMEOUT_SECONDS, SECONDS);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (BrokenBarrierException | TimeoutException e) {
                // The main thread gave up on the round; it fails the test.
              }
            });
      }
      long deadline = System.nanoTime() + BUDGET.toNanos();
      int round = 0;
      while (round < maxRounds && (round < MIN_ROUNDS || System.nanoTime() < deadline)) {
        prepare.run(round);
        current.set(round);
        meet(barrier, round);
        meet(barrier, round);
        List<Outcome<T>> ended = new ArrayList<>(THREADS);
        for (int t = 0; t < THREADS; t++) {
          ended.add(outcomes.get(t));
        }
        check.run(round, ended);
        round++;
      }
      stop.set(true);
      meet(barrier, round);
      return round;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * {@return the values of a round's outcomes, by thread} The first error fails the test.
   *
   * @param outcomes the outcomes, all of which must have succeeded
   */
  static <T> List<T> valuesOf(List<Outcome<T>> outcomes) {
    List<T> values = new ArrayList<>(outcomes.size());
    for (Outcome<T> o : outcomes) {
      T value = o.value();
      if (value == null) {
        throw new AssertionError("a concurrent operation failed: " + o.error(), o.error());
      }
      values.add(value);
    }
    return values;
  }

  /**
   * Waits until every thread of the round has arrived, then returns at once in all of them. The
   * barrier before lets its threads go one after another, tens of microseconds apart, longer than
   * many a race window; this gate lets them go together. It yields rather than spins, since the
   * threads outnumber the cores and those still to arrive need one.
   */
  @SuppressWarnings("ThreadPriorityCheck")
  private static void startTogether(AtomicInteger gate, int allArrived)
      throws InterruptedException {
    gate.incrementAndGet();
    while (gate.get() < allArrived) {
      if (Thread.interrupted()) {
        throw new InterruptedException(); // the test gave up on the round
      }
      Thread.yield();
    }
  }

  private static void meet(CyclicBarrier barrier, int round) throws InterruptedException {
    try {
      barrier.await(TIMEOUT_SECONDS, SECONDS);
    } catch (TimeoutException | BrokenBarrierException e) {
      throw new AssertionError(
          "round "
              + round
              + " did not finish within "
              + TIMEOUT_SECONDS
              + " s: is a lock never released?",
          e);
    }
  }
}
