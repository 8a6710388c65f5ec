package org.activitylog.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.ForwardingActivityRepository;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.StoreContractSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The {@link ActivityRecorder}'s own rules under faults: block timeouts, drops, close deadlines,
 * interrupts and retries of a store that is down. The faults are injected by this test's own
 * repository decorator before the store is called, so the store sees only ordinary batches, and no
 * backend can break these rules; a backend's part (every activity stored, committed on return, once
 * per uid) is stated by the backend kit's {@code ActivityRecorderContract}. They left that
 * contract, where every backend ran them, with their names and assertions as they were.
 *
 * <p>They run over the in-memory store here because activity-recorder's own tests cannot depend on
 * a backend: activity-memory's tests run the kit, which depends on activity-recorder, and Maven
 * forbids the cycle.
 */
class ActivityRecorderOwnRulesTest extends StoreContractSupport {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final List<ActivityRecorder> recorders = new ArrayList<>();

  /** The decorator the recorders of a test write through; faults are switched on here. */
  private FaultyRepository faulty;

  /** The waits the recorder asked for between retries, in order. */
  private final List<Duration> retryWaits = new CopyOnWriteArrayList<>();

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return InMemoryActivityStore.create(clock);
  }

  private ActivityRecorder.Builder recorderBuilder() {
    return ActivityRecorder.builder(faulty)
        .clock(clock)
        .sleeper(retryWaits::add)
        .linger(Duration.ZERO)
        .closeTimeout(WAIT);
  }

  // Runs after StoreContractSupport's @BeforeEach, which opens the store.
  @BeforeEach
  void wrapStore() {
    faulty = new FaultyRepository(store.activities());
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
     * If this fails while the others pass, check that the backend does not hold a lock that
     * outlives a slow {@code insertAll}.
     */
    @Test
    @DisplayName("Blocks callers for the block timeout, then refuses with QueueFullException")
    void blockTimesOut(TestReporter reporter) throws InterruptedException {
      ActivityRecorder recorder =
          open(recorderBuilder().queueCapacity(4).batchSize(1).blockTimeout(Duration.ofMillis(20)));
      List<Receipt> receipts = jam(recorder, 4);

      assertThatThrownBy(() -> recorder.record(login("no room")))
          .isInstanceOf(QueueFullException.class);
      faulty.resume();

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.rejected()).isEqualTo(1);
      assertAccountedFor(m, kept(receipts), reporter);
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
      faulty.resume();
      assertThat(recorder.flush(WAIT)).isTrue();
      assertAccountedFor(recorder.metrics(), List.of(receipts.get(0).uid()), reporter);
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
      assertThat(retryWaits).hasSize(2);
      assertAccountedFor(m, List.of(), reporter);
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
      faulty.resume();

      assertThat(thrown.get()).isInstanceOf(RecorderInterruptedException.class);
      assertThat(flagKept.get()).as("interrupt flag set again").isTrue();
      assertThat(recorder.flush(WAIT)).isTrue();
      assertAccountedFor(recorder.metrics(), kept(receipts), reporter);
    }
  }

  /**
   * Injects into {@code insertAll}, before the store is called, the faults a recorder must survive:
   * a store that hangs and one that is down. Every other call goes straight through.
   */
  private static final class FaultyRepository extends ForwardingActivityRepository {
    private volatile @Nullable CountDownLatch gate;
    private final Semaphore entered = new Semaphore(0);
    private volatile boolean down;

    FaultyRepository(ActivityRepository delegate) {
      super(delegate);
    }

    /** Holds every {@code insertAll} until {@link #resume()}: a store that hangs. */
    void pause() {
      gate = new CountDownLatch(1);
    }

    /** Lets held and later inserts through. */
    void resume() {
      CountDownLatch g = gate;
      gate = null;
      if (g != null) {
        g.countDown();
      }
    }

    /** Waits for an {@code insertAll} to arrive; false when none arrived in time. */
    boolean awaitInsert() throws InterruptedException {
      return entered.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Every insert fails until {@link #up()}. */
    void down() {
      down = true;
    }

    /** Inserts reach the store again. */
    void up() {
      down = false;
    }

    @Override
    public List<Activity> insertAll(List<NewActivity> activities) {
      entered.release();
      CountDownLatch g = gate;
      if (g != null) {
        try {
          g.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StoreUnavailableException(
              StoreUnavailableException.Reason.UNREACHABLE,
              "injected: interrupted while paused",
              e);
        }
      }
      if (down) {
        throw new StoreUnavailableException(
            StoreUnavailableException.Reason.UNREACHABLE,
            "injected: the store is unavailable",
            new IllegalStateException("injected"));
      }
      return super.insertAll(activities);
    }

    @Override
    public Activity insert(NewActivity activity) {
      return insertAll(List.of(activity)).get(0);
    }
  }
}
