package org.activitylog.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.StoreUnavailableException.Reason;
import org.activitylog.api.ValidationException;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.StoreContractSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link ActivityRecorder}'s own rules over a store: full queues, drops, flush and close
 * deadlines, interrupts, retries of a store that is down or refuses, batch sizes, metrics, logs and
 * listener events. The faults are injected by this test's {@link ActivitySink} before the store is
 * called, so the store sees only ordinary batches, and no backend can break these rules; a
 * backend's part (every activity stored, committed on return, once per uid) is stated by the
 * backend kit's {@code ActivityRecorderContract}. Every test of a batch checks, against the store's
 * rows, that {@code accepted = stored + dropped + failed} and that each kept uid is stored once.
 *
 * <p>They run over the in-memory store here because activity-recorder's own tests cannot depend on
 * a backend: activity-memory's tests run the kit, which depends on activity-recorder, and Maven
 * forbids the cycle. The recorder's rules that need no store (settings, validation, the uid and
 * time it fixes, a synchronous record against a failing sink) stay in activity-recorder's {@code
 * ActivityRecorderTest}, with lambda sinks.
 */
class ActivityRecorderOwnRulesTest extends StoreContractSupport {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final List<ActivityRecorder> recorders = new ArrayList<>();

  /** The sink the recorders of a test write through; faults are switched on here. */
  private FaultySink faulty;

  /** The waits the recorder asked for between retries, in order. */
  private final List<Duration> retryWaits = new CopyOnWriteArrayList<>();

  private final CapturingLogger logger = new CapturingLogger();
  private final Events events = new Events();

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return InMemoryActivityStore.create(clock);
  }

  private ActivityRecorder.Builder recorderBuilder() {
    return ActivityRecorder.builder(faulty)
        .clock(clock)
        .sleeper(retryWaits::add)
        .logger(logger)
        .listener(events)
        .linger(Duration.ZERO)
        .closeTimeout(WAIT);
  }

  // Runs after StoreContractSupport's @BeforeEach, which opens the store.
  @BeforeEach
  void wrapStore() {
    faulty = new FaultySink(store.activities());
  }

  private ActivityRecorder open(ActivityRecorder.Builder builder) {
    ActivityRecorder recorder = builder.build();
    recorders.add(recorder);
    return recorder;
  }

  @AfterEach
  void closeRecorders() {
    if (faulty != null) {
      faulty.up();
      faulty.resume();
    }
    for (ActivityRecorder r : recorders) {
      r.close(WAIT);
    }
    recorders.clear();
  }

  /** A login in this test's workspace, with no uid or time: the recorder fixes both. */
  private NewActivity login(String text) {
    return data.activity(ActivityType.USER_LOGIN, data.user())
        .uid(null)
        .createdAt(null)
        .text(text)
        .build();
  }

  private static List<UUID> kept(Collection<Receipt> receipts) {
    return receipts.stream().filter(r -> !r.isDropped()).map(Receipt::uid).toList();
  }

  /** Holds the writer inside the store and fills the queue behind it. */
  private List<Receipt> jam(ActivityRecorder recorder, int queued) throws InterruptedException {
    faulty.pause();
    List<Receipt> receipts = new ArrayList<>();
    receipts.add(recorder.record(login("in flight")));
    assertThat(faulty.awaitInsert()).as("the writer reached the store").isTrue();
    for (int i = 0; i < queued; i++) {
      receipts.add(recorder.record(login("queued " + i)));
    }
    return receipts;
  }

  private static void awaitWaiting(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (thread.getState() != Thread.State.WAITING
        && thread.getState() != Thread.State.TIMED_WAITING) {
      assertThat(System.nanoTime()).as("%s never started waiting", thread).isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  @Nested
  @DisplayName("A store that hangs")
  class StoreHangs {

    /**
     * If this fails, check that {@code ActivityBuffer.offer} gives up at the block timeout and that
     * {@code AsyncRecorder.record} takes back the acceptance and reports the refusal.
     */
    @Test
    @DisplayName("Blocks callers for the block timeout, then refuses with QueueFullException")
    void blockTimesOut(TestReporter reporter) throws InterruptedException {
      ActivityRecorder recorder =
          open(recorderBuilder().queueCapacity(4).batchSize(1).blockTimeout(Duration.ofMillis(20)));
      List<Receipt> receipts = jam(recorder, 4);

      assertThatThrownBy(() -> recorder.record(login("no room")))
          .isInstanceOf(QueueFullException.class)
          .hasMessageContaining("stayed full for 20 ms");
      RecorderMetrics held = recorder.metrics();
      assertThat(receipts).extracting(Receipt::status).containsOnly(Receipt.Status.QUEUED);
      assertThat(held.accepted()).isEqualTo(5);
      assertThat(held.queueDepth()).isEqualTo(4);
      assertThat(held.inFlight()).isEqualTo(1);
      assertThat(events.rejections).hasSize(1);
      faulty.resume();

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.rejected()).isEqualTo(1);
      assertAccountedFor(m, kept(receipts), reporter);
    }

    /** If this fails, check that {@code ActivityBuffer} wakes a blocked caller when it has room. */
    @Test
    @DisplayName("Under BLOCK, a caller is accepted as soon as the writer makes room")
    void blockWaitsForRoom(TestReporter reporter) throws Exception {
      ActivityRecorder recorder =
          open(recorderBuilder().queueCapacity(2).batchSize(1).blockTimeout(Duration.ofMinutes(1)));
      List<Receipt> receipts = new ArrayList<>(jam(recorder, 2));
      AtomicReference<Receipt> receipt = new AtomicReference<>();
      Thread caller = new Thread(() -> receipt.set(recorder.record(login("waits"))));
      caller.start();
      awaitWaiting(caller);

      faulty.resume();
      caller.join(WAIT.toMillis());

      assertThat(receipt.get()).isNotNull();
      assertThat(receipt.get().status()).isEqualTo(Receipt.Status.QUEUED);
      receipts.add(receipt.get());
      assertThat(recorder.flush(WAIT)).isTrue();
      assertAccountedFor(recorder.metrics(), kept(receipts), reporter);
    }

    /** If this fails, check that the rows written after the store resumes are all committed. */
    @Test
    @DisplayName("Under DROP, drops and counts what does not fit, and stores the rest on resume")
    void dropPolicy(TestReporter reporter) throws InterruptedException {
      ActivityRecorder recorder =
          open(
              recorderBuilder()
                  .fullQueuePolicy(FullQueuePolicy.DROP)
                  .queueCapacity(10)
                  .batchSize(5));
      List<Receipt> receipts = jam(recorder, 30);
      faulty.resume();

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.dropped(DropReason.QUEUE_FULL)).isEqualTo(20);
      assertThat(receipts.stream().filter(Receipt::isDropped)).hasSize(20);
      assertAccountedFor(m, kept(receipts), reporter);
    }

    /**
     * If this fails, check that every drop reaches the listener and that {@code RateLimitedLog}
     * logs a topic once per interval, counting what it held back.
     */
    @Test
    @DisplayName("Under DROP, every drop is reported to the listener and logged once per interval")
    void dropCountsAndLogsOnce(TestReporter reporter) throws InterruptedException {
      ActivityRecorder recorder =
          open(
              recorderBuilder()
                  .fullQueuePolicy(FullQueuePolicy.DROP)
                  .logInterval(Duration.ofMinutes(1))
                  .queueCapacity(2)
                  .batchSize(1));
      List<Receipt> receipts = new ArrayList<>(jam(recorder, 2));

      for (int i = 0; i < 100; i++) {
        Receipt r = recorder.record(login("dropped " + i));
        assertThat(r.isDropped()).as("receipt %d", i).isTrue();
        receipts.add(r);
      }
      assertThat(logger.at(Level.WARNING)).hasSize(1);
      clock.advance(Duration.ofMinutes(1));
      receipts.add(recorder.record(login("dropped again")));

      List<CapturingLogger.Entry> warnings = logger.at(Level.WARNING);
      assertThat(warnings).hasSize(2);
      assertThat(warnings.get(1).message()).contains("99 more like this");
      RecorderMetrics m = recorder.metrics();
      assertThat(m.dropped(DropReason.QUEUE_FULL)).isEqualTo(101);
      assertThat(m.accepted()).isEqualTo(104);
      assertThat(events.drops).hasSize(101);
      faulty.resume();
      assertThat(recorder.flush(WAIT)).isTrue();
      assertAccountedFor(recorder.metrics(), kept(receipts), reporter);
    }

    /** If this fails, check that {@code FAIL_FAST} offers with no wait at all. */
    @Test
    @DisplayName("Under FAIL_FAST, a full queue refuses with QueueFullException without waiting")
    void failFastThrows(TestReporter reporter) throws InterruptedException {
      ActivityRecorder recorder =
          open(
              recorderBuilder()
                  .fullQueuePolicy(FullQueuePolicy.FAIL_FAST)
                  .blockTimeout(Duration.ofDays(1))
                  .queueCapacity(3)
                  .batchSize(1));
      List<Receipt> receipts = jam(recorder, 3);

      assertThatThrownBy(() -> recorder.record(login("no room")))
          .isInstanceOf(QueueFullException.class)
          .hasMessageContaining("3 activities")
          .hasMessageNotContaining("stayed full");
      assertThat(recorder.metrics().rejected()).isEqualTo(1);
      faulty.resume();
      assertThat(recorder.flush(WAIT)).isTrue();
      assertAccountedFor(recorder.metrics(), kept(receipts), reporter);
    }

    /** If this fails, check that {@code ActivityBuffer} counts {@code SizeEstimate} bytes. */
    @Test
    @DisplayName("The queue is bounded in bytes as well as in activities")
    void boundedInBytes() throws InterruptedException {
      ActivityRecorder recorder =
          open(
              recorderBuilder()
                  .fullQueuePolicy(FullQueuePolicy.FAIL_FAST)
                  .queueCapacity(1_000)
                  .queueBytes(100_000)
                  .batchSize(1));
      faulty.pause();
      recorder.record(login("in flight"));
      assertThat(faulty.awaitInsert()).isTrue();
      String big = "x".repeat(10_000); // about 20 kB each

      int queued = 0;
      try {
        while (queued < 1_000) {
          recorder.record(login(big));
          queued++;
        }
      } catch (QueueFullException expected) {
        // the byte bound was reached
      }

      assertThat(queued).isBetween(3, 5);
      assertThat(recorder.metrics().queueBytes()).isLessThanOrEqualTo(100_000);
    }

    /** If this fails, check that {@code flush(Duration)} returns at its timeout. */
    @Test
    @DisplayName("Flush with a timeout returns false while the store hangs, true once it answers")
    void flushTimesOut(TestReporter reporter) throws InterruptedException {
      ActivityRecorder recorder = open(recorderBuilder());
      List<Receipt> receipts = jam(recorder, 0);

      assertThat(recorder.flush(Duration.ofMillis(10))).isFalse();
      faulty.resume();
      recorder.flush();
      assertAccountedFor(recorder.metrics(), kept(receipts), reporter);
    }

    /** If this fails, check that the backend keeps working after a long {@code insertAll}. */
    @Test
    @DisplayName("Close returns at its deadline, reports what was not written, and loses no more")
    void closeTimesOut(TestReporter reporter) throws InterruptedException {
      ActivityRecorder recorder = open(recorderBuilder().batchSize(3));
      List<Receipt> receipts = jam(recorder, 6);

      CloseResult result = recorder.close(Duration.ofMillis(20));

      assertThat(result.clean()).isFalse();
      assertThat(result.unwritten()).isEqualTo(7);
      assertThat(result.metrics().dropped(DropReason.CLOSE_TIMEOUT)).isEqualTo(6);
      assertThat(logger.at(Level.WARNING))
          .anySatisfy(e -> assertThat(e.message()).contains("closed before writing 7"));
      faulty.resume();
      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics settled = recorder.metrics();
      assertThat(settled.stored()).as("the batch in flight when close gave up").isEqualTo(1);
      assertAccountedFor(settled, List.of(receipts.get(0).uid()), reporter);
    }

    /** If this fails, check that {@code ActivityBuffer.close} wakes callers waiting for room. */
    @Test
    @DisplayName("Callers blocked on a full queue are refused when the recorder closes")
    void closeReleasesBlockedCallers() throws Exception {
      ActivityRecorder recorder =
          open(recorderBuilder().queueCapacity(1).batchSize(1).blockTimeout(Duration.ofMinutes(1)));
      jam(recorder, 1);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<Receipt> blocked = pool.submit(() -> recorder.record(login("blocked")));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!blocked.isDone() && recorder.metrics().accepted() < 3) {
          assertThat(System.nanoTime()).isLessThan(deadline);
          Thread.sleep(1);
        }

        recorder.close(Duration.ofMillis(10));

        assertThatThrownBy(() -> blocked.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
            .hasCauseInstanceOf(RecorderClosedException.class);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  @DisplayName("A store that fails")
  class StoreFails {

    /**
     * If this fails, check that a failed {@code insertAll} leaves nothing half-written that a retry
     * of the same batch would duplicate.
     */
    @Test
    @DisplayName("Unavailable and then back, it loses nothing and stores nothing twice")
    void unavailableThenBack(TestReporter reporter) {
      AtomicInteger waits = new AtomicInteger();
      ActivityRecorder patient =
          open(
              recorderBuilder()
                  .batchSize(10)
                  .sleeper(
                      d -> {
                        if (waits.incrementAndGet() == 3) {
                          faulty.up();
                        }
                      }));
      faulty.down();

      List<Receipt> receipts = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        receipts.add(patient.record(login("n" + i)));
      }

      assertThat(patient.flush(WAIT)).isTrue();
      RecorderMetrics m = patient.metrics();
      assertThat(m.retried()).isGreaterThanOrEqualTo(3);
      assertThat(m.failed()).isZero();
      assertAccountedFor(m, kept(receipts), reporter);
    }

    /** If this fails, check that {@code BatchWriter} counts and reports every retry. */
    @Test
    @DisplayName("A store that fails a few times and recovers: each retry counted and reported")
    void failThenRecover(TestReporter reporter) {
      ActivityRecorder recorder = open(recorderBuilder().batchSize(10));
      faulty.failNext(4);

      List<Receipt> receipts = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        receipts.add(recorder.record(login("n" + i)));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.stored()).isEqualTo(50);
      assertThat(m.retried()).isEqualTo(4);
      assertThat(events.retries).hasSize(4);
      assertAccountedFor(m, kept(receipts), reporter);
    }

    /**
     * If this fails, check that a failed {@code insertAll} commits nothing: the activities counted
     * as failed must not be in the store.
     */
    @Test
    @DisplayName("Still unavailable after the last attempt, the batch is counted as failed")
    void exhaustedRetriesAreCounted(TestReporter reporter) {
      ActivityRecorder recorder =
          open(
              recorderBuilder()
                  .batchSize(5)
                  .linger(Duration.ofHours(1))
                  .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2))));
      faulty.down();

      for (int i = 0; i < 5; i++) {
        recorder.record(login("n" + i));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.failed()).isEqualTo(5);
      assertThat(m.retried()).isEqualTo(2);
      assertThat(retryWaits).hasSize(2);
      assertThat(events.failures).containsExactly(5);
      assertThat(logger.at(Level.ERROR))
          .singleElement()
          .satisfies(e -> assertThat(e.message()).contains("5 accepted activities were lost"));
      assertAccountedFor(m, List.of(), reporter);
    }

    /**
     * If this fails, check that {@code SyncRecorder} throws the store's last error and logs the
     * loss once, not once per attempt.
     */
    @Test
    @DisplayName("In synchronous mode, a store still unavailable at the last attempt is thrown")
    void synchronousExhaustedRetriesAreThrown(TestReporter reporter) {
      ActivityRecorder recorder =
          open(
              recorderBuilder()
                  .synchronous()
                  .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4))));
      faulty.down();

      assertThatThrownBy(() -> recorder.record(login("lost")))
          .isInstanceOf(StoreUnavailableException.class);

      RecorderMetrics m = recorder.metrics();
      assertThat(m.failed()).isEqualTo(1);
      assertThat(faulty.calls()).isEqualTo(3);
      assertThat(logger.at(Level.ERROR)).hasSize(1);
      assertAccountedFor(m, List.of(), reporter);
    }

    /**
     * If this fails, check that {@code BatchWriter} fails a non-transient batch whole and at once.
     */
    @ParameterizedTest
    @EnumSource(
        value = Reason.class,
        names = {"TIMEOUT", "LOCKED", "DAMAGED", "SCHEMA", "FAILED"})
    @DisplayName("A batch the store cannot take for a lasting reason fails at once, reported")
    void nonTransientBatchFailsAtOnce(Reason reason, TestReporter reporter) {
      ActivityRecorder recorder = open(recorderBuilder().batchSize(5).linger(Duration.ofHours(1)));
      faulty.downWith(reason);

      for (int i = 0; i < 5; i++) {
        recorder.record(login("n" + i));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.failed()).isEqualTo(5);
      assertThat(m.retried()).isZero();
      assertThat(faulty.calls()).as("attempts, no retry and no split").isEqualTo(1);
      assertThat(retryWaits).isEmpty();
      assertThat(events.failures).containsExactly(5);
      assertThat(logger.at(Level.ERROR))
          .singleElement()
          .satisfies(e -> assertThat(e.message()).contains(reason.name()));
      assertAccountedFor(m, List.of(), reporter);
    }

    /**
     * If this fails, check that {@code BatchWriter} halves a refused batch until the refused
     * activity stands alone, and never retries a refusal.
     */
    @Test
    @DisplayName("An activity the store refuses fails alone; the rest of its batch is stored")
    void refusedActivityIsIsolated(TestReporter reporter) throws InterruptedException {
      ActivityRecorder recorder = open(recorderBuilder().batchSize(8));
      faulty.refuse(a -> "poison".equals(a.content().text()));
      List<Receipt> receipts = jam(recorder, 0);
      for (int i = 0; i < 8; i++) {
        receipts.add(recorder.record(login(i == 5 ? "poison" : "n" + i)));
      }
      UUID poison = receipts.get(6).uid(); // after the one in flight
      faulty.resume();

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.stored()).isEqualTo(8);
      assertThat(m.failed()).isEqualTo(1);
      assertThat(m.retried()).as("bad data is never retried").isZero();
      assertAccountedFor(
          m, kept(receipts).stream().filter(uid -> !uid.equals(poison)).toList(), reporter);
    }
  }

  @Nested
  @DisplayName("Interrupted callers")
  class InterruptedCallers {

    /**
     * If this fails, check that nothing of an activity whose caller was interrupted reaches the
     * store.
     */
    @Test
    @DisplayName("A caller waiting for room answers an interrupt with nothing half-accepted")
    void interruptedWhileWaiting(TestReporter reporter) throws Exception {
      ActivityRecorder recorder =
          open(recorderBuilder().queueCapacity(2).batchSize(1).blockTimeout(Duration.ofMinutes(5)));
      List<Receipt> receipts = jam(recorder, 2);
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flagKept = new AtomicReference<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  recorder.record(login("interrupted"));
                } catch (RuntimeException e) {
                  thrown.set(e);
                  flagKept.set(Thread.currentThread().isInterrupted());
                }
              });
      caller.start();
      awaitWaiting(caller);

      caller.interrupt();
      caller.join(WAIT.toMillis());
      RecorderMetrics held = recorder.metrics();
      faulty.resume();

      assertThat(thrown.get()).isInstanceOf(RecorderInterruptedException.class);
      assertThat(flagKept.get()).as("interrupt flag set again").isTrue();
      assertThat(held.accepted()).isEqualTo(3);
      assertThat(held.rejected()).isEqualTo(1);
      assertThat(recorder.flush(WAIT)).isTrue();
      assertAccountedFor(recorder.metrics(), kept(receipts), reporter);
    }
  }

  @Nested
  @DisplayName("Batches and what they report")
  class Batches {

    /** If this fails, check that {@code ActivityBuffer.take} never hands out more than a batch. */
    @Test
    @DisplayName("The writer inserts in batches of at most the batch size")
    void batchesAreBounded(TestReporter reporter) throws InterruptedException {
      ActivityRecorder recorder = open(recorderBuilder().batchSize(10));
      List<Receipt> receipts = jam(recorder, 25);
      faulty.resume();

      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(faulty.batchSizes()).containsExactly(1, 10, 10, 5);
      assertAccountedFor(recorder.metrics(), kept(receipts), reporter);
    }

    /** If this fails, check {@code RecorderCounters.snapshot} and the buffer's gauges. */
    @Test
    @DisplayName("Metrics show the queue while the store hangs, and batches with latency after")
    void metricsSnapshot(TestReporter reporter) throws InterruptedException {
      ActivityRecorder recorder = open(recorderBuilder().batchSize(1));
      List<Receipt> receipts = jam(recorder, 2);

      RecorderMetrics held = recorder.metrics();
      assertThat(held.queueDepth()).isEqualTo(2);
      assertThat(held.queueBytes()).isPositive();
      assertThat(held.inFlight()).isEqualTo(1);
      assertThat(held.pending()).isEqualTo(3);

      faulty.resume();
      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics done = recorder.metrics();
      assertThat(done.batches()).isEqualTo(3);
      assertThat(done.queueDepth()).isZero();
      assertThat(done.queueBytes()).isZero();
      assertThat(done.pending()).isZero();
      assertThat(done.maxBatchLatency())
          .isPositive()
          .isGreaterThanOrEqualTo(done.lastBatchLatency());
      assertThat(done.totalBatchLatency()).isGreaterThanOrEqualTo(done.maxBatchLatency());
      assertThat(events.storedBatches).containsExactly(1, 1, 1);
      assertAccountedFor(done, kept(receipts), reporter);
    }

    /**
     * If this fails, check that {@code GuardedListener} catches and logs what a listener throws.
     */
    @Test
    @DisplayName("A listener that throws does not stop the recorder")
    void throwingListenerIsContained(TestReporter reporter) {
      ActivityRecorder recorder =
          open(
              recorderBuilder()
                  .listener(
                      new RecorderListener() {
                        @Override
                        public void onBatchStored(int size, Duration latency) {
                          throw new IllegalStateException("broken metrics hook");
                        }
                      }));

      List<Receipt> receipts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        receipts.add(recorder.record(login("n" + i)));
        assertThat(recorder.flush(WAIT)).isTrue();
      }

      assertThat(logger.at(Level.WARNING))
          .singleElement()
          .satisfies(e -> assertThat(e.thrown()).hasMessage("broken metrics hook"));
      assertAccountedFor(recorder.metrics(), kept(receipts), reporter);
    }
  }

  @Nested
  @DisplayName("Concurrency")
  class Concurrency {

    /**
     * If this fails, check that the uid generator is thread-safe and that {@code RecorderCounters}
     * counts every acceptance and every drop under contention.
     */
    @Test
    @DisplayName(
        "A burst from 16 threads under DROP gets distinct uids and counts every dropped receipt")
    void burstFromSixteenThreads(TestReporter reporter) throws Exception {
      ActivityRecorder recorder =
          open(
              recorderBuilder()
                  .fullQueuePolicy(FullQueuePolicy.DROP)
                  .queueCapacity(64)
                  .batchSize(16));
      faulty.failNext(2);
      faulty.loseAckOfNext(2);
      int threads = 16;
      int each = 500;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Receipt> receipts = new ArrayList<>();
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Receipt>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    List<Receipt> mine = new ArrayList<>(each);
                    for (int i = 0; i < each; i++) {
                      mine.add(recorder.record(login(thread + "/" + i)));
                    }
                    return mine;
                  }));
        }
        start.countDown();
        for (Future<List<Receipt>> future : futures) {
          receipts.addAll(future.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      Set<UUID> uids = new HashSet<>();
      receipts.forEach(r -> uids.add(r.uid()));
      assertThat(uids).as("distinct uids handed out").hasSize(threads * each);
      assertThat(m.accepted()).isEqualTo(threads * each);
      assertThat(m.dropped(DropReason.QUEUE_FULL))
          .isEqualTo(receipts.stream().filter(Receipt::isDropped).count());
      assertAccountedFor(m, kept(receipts), reporter);
    }
  }

  /**
   * Injects into the recorder's writes, before the store is called, the faults a recorder must
   * survive: a store that hangs, one that is down for a reason, one that fails a few times, one
   * that commits and loses the answer, and one that refuses some activities.
   */
  private static final class FaultySink implements ActivitySink {
    private final ActivityRepository activities;
    private volatile @Nullable CountDownLatch gate;
    private final Semaphore entered = new Semaphore(0);
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger ackLost = new AtomicInteger();
    private volatile @Nullable Reason down;
    private volatile Predicate<NewActivity> refused = a -> false;
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    FaultySink(ActivityRepository activities) {
      this.activities = activities;
    }

    /** Holds every write until {@link #resume()}: a store that hangs. */
    void pause() {
      gate = new CountDownLatch(1);
    }

    /** Lets held and later writes through. */
    void resume() {
      CountDownLatch g = gate;
      gate = null;
      if (g != null) {
        g.countDown();
      }
    }

    /** Waits for a write to arrive; false when none arrived in time. */
    boolean awaitInsert() throws InterruptedException {
      return entered.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next {@code n} writes fail before reaching the store. */
    void failNext(int n) {
      unavailable.set(n);
    }

    /** The next {@code n} writes commit, then fail as if the answer was lost. */
    void loseAckOfNext(int n) {
      ackLost.set(n);
    }

    /** Every write fails as unreachable until {@link #up()}. */
    void down() {
      downWith(Reason.UNREACHABLE);
    }

    /** Every write fails for this reason until {@link #up()}. */
    void downWith(Reason reason) {
      down = reason;
    }

    /** Writes reach the store again. */
    void up() {
      down = null;
    }

    /** A batch holding a matching activity is refused as bad data. */
    void refuse(Predicate<NewActivity> which) {
      refused = which;
    }

    /** {@return how many writes the recorder attempted} */
    int calls() {
      return batchSizes.size();
    }

    /** {@return the size of every batch the recorder wrote or tried to, in order} */
    List<Integer> batchSizes() {
      return List.copyOf(batchSizes);
    }

    @Override
    public void write(List<NewActivity> batch) {
      batchSizes.add(batch.size());
      entered.release();
      CountDownLatch g = gate;
      if (g != null) {
        try {
          g.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StoreUnavailableException(
              Reason.UNREACHABLE, "injected: interrupted while paused", e);
        }
      }
      Reason reason = down;
      if (reason != null) {
        throw new StoreUnavailableException(
            reason, "injected: the store is " + reason, new IllegalStateException("injected"));
      }
      if (unavailable.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        throw new StoreUnavailableException(
            Reason.UNREACHABLE,
            "injected: the store is unavailable",
            new IllegalStateException("injected"));
      }
      if (batch.stream().anyMatch(refused)) {
        throw new ValidationException("text", "is refused by the injected fault");
      }
      activities.insertAll(batch);
      if (ackLost.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        throw new StoreUnavailableException(
            Reason.UNREACHABLE,
            "injected: committed, answer lost",
            new IllegalStateException("injected"));
      }
    }
  }

  /** A listener that keeps every event. */
  private static final class Events implements RecorderListener {
    final List<Integer> storedBatches = new CopyOnWriteArrayList<>();
    final List<Integer> retries = new CopyOnWriteArrayList<>();
    final List<Map.Entry<DropReason, Integer>> drops = new CopyOnWriteArrayList<>();
    final List<Integer> failures = new CopyOnWriteArrayList<>();
    final List<RecorderException> rejections = new CopyOnWriteArrayList<>();

    @Override
    public void onDropped(DropReason reason, int count) {
      drops.add(Map.entry(reason, count));
    }

    @Override
    public void onRejected(RecorderException cause) {
      rejections.add(cause);
    }

    @Override
    public void onBatchStored(int size, Duration latency) {
      storedBatches.add(size);
    }

    @Override
    public void onRetry(int attempt, Duration backoff, RuntimeException cause) {
      retries.add(attempt);
    }

    @Override
    public void onFailed(int count, Throwable cause) {
      failures.add(count);
    }
  }

  /** A {@link System.Logger} that keeps what it is given. */
  private static final class CapturingLogger implements System.Logger {

    /** One logged message. */
    record Entry(Level level, String message, @Nullable Throwable thrown) {}

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    List<Entry> at(Level level) {
      return entries.stream().filter(e -> e.level() == level).toList();
    }

    @Override
    public String getName() {
      return "capturing";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, @Nullable ResourceBundle bundle, String msg, Throwable thrown) {
      entries.add(new Entry(level, msg, thrown));
    }

    @Override
    public void log(
        Level level, @Nullable ResourceBundle bundle, String format, @Nullable Object... params) {
      // System.Logger.log(level, msg) passes null parameters: the message is not a pattern.
      String message =
          params == null || params.length == 0 ? format : MessageFormat.format(format, params);
      entries.add(new Entry(level, message, null));
    }
  }
}
