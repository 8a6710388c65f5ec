package org.activitylog.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import java.util.stream.Stream;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.api.JsonValue;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Sort;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.core.ActivityLog;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.ActivitySink;
import org.activitylog.recorder.CloseResult;
import org.activitylog.recorder.FullQueuePolicy;
import org.activitylog.recorder.Receipt;
import org.activitylog.recorder.RecorderClosedException;
import org.activitylog.recorder.RecorderMetrics;
import org.activitylog.spi.ActivityRepository;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The {@link ActivityRecorder} writing into a backend: every field, batches large and small, a
 * close, a commit whose answer is lost, and a burst from 16 threads. The recorder needs {@code
 * insertAll} to store every activity of a batch with every field, to have committed it when it
 * returns, and to be idempotent on uid, so these tests prove that a backend gives it that under
 * retries and concurrency. The recorder's own rules (block timeouts, drops, close deadlines,
 * interrupts, retries of a store that is down) are tested with the recorder. Subclass it and
 * implement {@link #createStore(MutableClock)}:
 *
 * <pre>{@code
 * class MyActivityRecorderContractTest extends ActivityRecorderContract {
 *   protected ActivityStore createStore(MutableClock clock) {
 *     return MyStore.create(clock);
 *   }
 * }
 * }</pre>
 *
 * <p>Faults are injected by the {@link ActivitySink} the recorders write through, around {@code
 * store.activities().insertAll}, so the backend itself needs no hooks. Waits between retries are
 * recorded, not slept. Every test of a batch checks, and publishes as a report entry, that {@code
 * accepted = stored + dropped + failed} and that the store holds each uid once. Activities go to
 * this test's own workspace group, so the tests stay isolated on a shared database.
 */
public abstract class ActivityRecorderContract extends StoreContractSupport {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int THREADS = 16;

  private final List<ActivityRecorder> recorders = new ArrayList<>();

  /**
   * The sink the recorders of a test write through; faults are switched on here. New for every
   * test, around that test's store.
   */
  protected FaultySink faulty;

  /** The waits the recorder asked for between retries, in order. */
  protected final List<Duration> retryWaits = new CopyOnWriteArrayList<>();

  /** Creates the contract; subclasses only add the store factory. */
  protected ActivityRecorderContract() {}

  /**
   * {@return a recorder builder writing through {@link #faulty} with the testkit clock, a sleeper
   * that only records its waits, and no linger} Override to tune it for a slow backend, keeping
   * those.
   */
  protected ActivityRecorder.Builder recorderBuilder() {
    return ActivityRecorder.builder(faulty)
        .clock(clock)
        .sleeper(retryWaits::add)
        .linger(Duration.ZERO)
        .closeTimeout(WAIT);
  }

  // Runs after StoreContractSupport's @BeforeEach, which opens the store.
  @BeforeEach
  final void wrapStore() {
    faulty = new FaultySink(store.activities());
  }

  private ActivityRecorder open(ActivityRecorder.Builder builder) {
    ActivityRecorder recorder = builder.build();
    recorders.add(recorder);
    return recorder;
  }

  @AfterEach
  final void closeRecorders() {
    // Null only when the store could not be opened: JUnit still runs @AfterEach methods then.
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

  @Nested
  @DisplayName("Recording")
  class Recording {

    /**
     * If this fails, check that {@code insertAll} stores every field it is given, including the uid
     * and creation time the recorder fixed when it accepted the activity.
     */
    @Test
    @DisplayName("An accepted activity reaches the store with its fields, uid and acceptance time")
    void acceptedActivityReachesTheStore() {
      ActivityRecorder recorder = open(recorderBuilder());
      Instant acceptedAt = clock.instant();
      var actor = data.user();

      Receipt receipt =
          recorder
              .record(ActivityType.RESOURCE_COMMENTED, actor)
              .workspaceGroupId(data.workspaceGroupId())
              .text("commented")
              .resource(Map.of("project", Map.of("id", 12, "name", "Apollo")))
              .createdBy("recorder")
              .submit();
      clock.advance(Duration.ofMinutes(5));

      assertThat(recorder.flush(WAIT)).as("flush finished").isTrue();
      Activity stored =
          store.activities().findByUid(data.workspaceGroupId(), receipt.uid()).orElseThrow();
      assertThat(stored.type()).isEqualTo(ActivityType.RESOURCE_COMMENTED);
      assertThat(stored.actor()).isEqualTo(actor);
      assertThat(stored.text()).isEqualTo("commented");
      assertThat(stored.workspaceGroupId()).isEqualTo(data.workspaceGroupId());
      assertThat(stored.resource())
          .isEqualTo(JsonValue.of(Map.of("project", Map.of("id", 12, "name", "Apollo"))));
      assertThat(stored.createdAt())
          .as("created_at is the clock when accepted")
          .isEqualTo(acceptedAt);
      assertThat(stored.createdBy()).isEqualTo("recorder");
    }

    /**
     * If this fails, check that every seed field survives {@code insertAll}: the recorder passes
     * activities through unchanged.
     */
    @Test
    @DisplayName("Both seeds' example activities survive the recorder with every field intact")
    void seedActivitiesSurvive() {
      ActivityRecorder recorder = open(recorderBuilder());
      List<NewActivity> seeds = SeedActivities.all(data.workspaceGroupId());

      List<Receipt> receipts = new ArrayList<>();
      for (NewActivity seed : seeds) {
        receipts.add(recorder.record(seed));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      for (int i = 0; i < seeds.size(); i++) {
        Activity stored =
            store
                .activities()
                .findByUid(data.workspaceGroupId(), receipts.get(i).uid())
                .orElseThrow();
        assertThat(stored.content()).as("seed %d", i).isEqualTo(seeds.get(i).content());
      }
    }

    /**
     * If this fails, check that {@code insertAll} returns as soon as the rows are committed and
     * that the committed rows are readable at once.
     */
    @Test
    @DisplayName("In synchronous mode, record returns once the store has committed the activity")
    void synchronousRecordIsCommitted() {
      ActivityRecorder recorder = open(recorderBuilder().synchronous());

      Receipt receipt = recorder.record(login("sync"));

      assertThat(receipt.status()).isEqualTo(Receipt.Status.STORED);
      assertThat(store.activities().findByUid(data.workspaceGroupId(), receipt.uid()))
          .as("read right after")
          .isPresent();
    }

    /**
     * If this fails, check that {@code insertAll} treats a uid already stored as done: no error, no
     * second row, also when the uid comes again in a later batch.
     */
    @Test
    @DisplayName("An activity recorded twice with the same uid is stored once")
    void sameUidIsStoredOnce() {
      ActivityRecorder recorder = open(recorderBuilder());
      NewActivity once = login("twice").withUid(UUID.randomUUID());

      recorder.record(once);
      assertThat(recorder.flush(WAIT)).isTrue();
      recorder.record(once);
      assertThat(recorder.flush(WAIT)).isTrue();

      assertThat(storedUids()).containsExactly(once.uid());
    }

    /**
     * If this fails, check that {@code insertAll} writes every activity of a large batch, in one or
     * several statements, without losing the tail.
     */
    @Test
    @DisplayName("Many activities are written in batches, all of them, none twice")
    void manyActivitiesInBatches(TestReporter reporter) {
      ActivityRecorder recorder = open(recorderBuilder().batchSize(100));
      List<Receipt> receipts = new ArrayList<>();

      for (int i = 0; i < 1_000; i++) {
        receipts.add(recorder.record(login("n" + i)));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(recorder.metrics().batches()).isGreaterThanOrEqualTo(10);
      assertAccountedFor(recorder.metrics(), kept(receipts), reporter);
    }

    /**
     * If this fails, check that {@code insertAll} has committed its batch when it returns: the
     * batch written at a close is the last one, with nothing after it that could commit it.
     */
    @Test
    @DisplayName("A clean close stores everything accepted, and later records are refused")
    void cleanClose(TestReporter reporter) {
      ActivityRecorder recorder = open(recorderBuilder().linger(Duration.ofHours(1)));
      List<Receipt> receipts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        receipts.add(recorder.record(login("n" + i)));
      }

      CloseResult result = recorder.close(WAIT);

      assertThat(result.clean()).isTrue();
      assertThatThrownBy(() -> recorder.record(login("late")))
          .isInstanceOf(RecorderClosedException.class);
      assertAccountedFor(result.metrics(), kept(receipts), reporter);
    }
  }

  @Nested
  @DisplayName("A store that fails")
  class StoreFails {

    /**
     * If this fails, check that {@code insertAll} is idempotent on uid: a batch committed once and
     * then sent again must answer with the stored rows and create none.
     */
    @Test
    @DisplayName("A batch committed whose answer was lost is retried without a duplicate")
    void lostAcknowledgement(TestReporter reporter) {
      ActivityRecorder recorder = open(recorderBuilder().batchSize(10));
      faulty.loseAckOfNext(5);

      List<Receipt> receipts = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        receipts.add(recorder.record(login("n" + i)));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.retried()).isEqualTo(5);
      assertAccountedFor(m, kept(receipts), reporter);
    }
  }

  @Nested
  @DisplayName("Concurrency")
  class Concurrency {

    private List<Receipt> burst(ActivityRecorder recorder, int each) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Receipt>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
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
        List<Receipt> all = new ArrayList<>();
        for (Future<List<Receipt>> f : futures) {
          all.addAll(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        return all;
      } finally {
        pool.shutdownNow();
      }
    }

    /**
     * If this fails, check that concurrent {@code insertAll} calls neither lose nor duplicate rows
     * and that ids stay unique.
     */
    @RepeatedTest(2)
    @DisplayName("A burst from 16 threads is stored whole under back-pressure, each uid once")
    void burstUnderBackPressure(TestReporter reporter) throws Exception {
      ActivityRecorder recorder =
          open(recorderBuilder().queueCapacity(128).batchSize(32).blockTimeout(WAIT));
      faulty.failNext(2);
      faulty.loseAckOfNext(2);

      List<Receipt> receipts = burst(recorder, 100);

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(new HashSet<>(kept(receipts))).hasSize(THREADS * 100);
      assertThat(m.droppedTotal()).isZero();
      assertAccountedFor(m, kept(receipts), reporter);
      Set<Long> ids = new HashSet<>();
      try (Stream<Activity> rows =
          store
              .activities()
              .scan(data.query().build(), Sort.DEFAULT, ActivityLog.DEFAULT_MAX_PAGE_SIZE)) {
        rows.forEach(a -> assertThat(ids.add(a.id())).as("id %s unique", a.id()).isTrue());
      }
    }

    /** If this fails, check that concurrent {@code insertAll} calls never duplicate a row. */
    @Test
    @DisplayName(
        "A burst from 16 threads into a small queue under DROP is stored or dropped, never both")
    void burstWithDrops(TestReporter reporter) throws Exception {
      ActivityRecorder recorder =
          open(
              recorderBuilder()
                  .fullQueuePolicy(FullQueuePolicy.DROP)
                  .queueCapacity(32)
                  .batchSize(16));
      faulty.failNext(1);

      List<Receipt> receipts = burst(recorder, 100);

      assertThat(recorder.flush(WAIT)).isTrue();
      assertAccountedFor(recorder.metrics(), kept(receipts), reporter);
    }
  }

  /**
   * A sink over a repository's {@code insertAll} that injects the faults a recorder must survive.
   */
  protected static final class FaultySink implements ActivitySink {
    private final ActivityRepository activities;
    private volatile @Nullable CountDownLatch gate;
    private final Semaphore entered = new Semaphore(0);
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger ackLost = new AtomicInteger();
    private volatile boolean down;

    FaultySink(ActivityRepository activities) {
      this.activities = activities;
    }

    /** Holds every write until {@link #resume()}: a store that hangs. */
    public void pause() {
      gate = new CountDownLatch(1);
    }

    /** Lets held and later inserts through. */
    public void resume() {
      CountDownLatch g = gate;
      gate = null;
      if (g != null) {
        g.countDown();
      }
    }

    /**
     * Waits for a write to arrive.
     *
     * @return false when none arrived within the contract's wait
     * @throws InterruptedException when the test thread is interrupted while waiting
     */
    public boolean awaitInsert() throws InterruptedException {
      return entered.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The next {@code n} inserts fail before reaching the store.
     *
     * @param n how many
     */
    public void failNext(int n) {
      unavailable.set(n);
    }

    /**
     * The next {@code n} inserts commit, then fail as if the answer was lost on the way back.
     *
     * @param n how many
     */
    public void loseAckOfNext(int n) {
      ackLost.set(n);
    }

    /** Every insert fails until {@link #up()}. */
    public void down() {
      down = true;
    }

    /** Inserts reach the store again. */
    public void up() {
      down = false;
    }

    @Override
    public void write(List<NewActivity> batch) {
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
      if (down || unavailable.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        throw new StoreUnavailableException(
            StoreUnavailableException.Reason.UNREACHABLE,
            "injected: the store is unavailable",
            new IllegalStateException("injected"));
      }
      activities.insertAll(batch);
      if (ackLost.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        throw new StoreUnavailableException(
            StoreUnavailableException.Reason.UNREACHABLE,
            "injected: committed, answer lost",
            new IllegalStateException("injected"));
      }
    }
  }
}
