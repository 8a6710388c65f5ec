package org.activitylog.recorder;

import static org.activitylog.recorder.RecorderFixture.ALICE;
import static org.activitylog.recorder.RecorderFixture.activity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.StoreUnavailableException.Reason;
import org.activitylog.api.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("ActivityRecorder")
class ActivityRecorderTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final RecorderFixture f = new RecorderFixture();

  @AfterEach
  void closeFixture() {
    f.close();
  }

  @Nested
  @DisplayName("recording")
  class Recording {

    @Test
    @DisplayName("the fluent record fixes a time-ordered uid and the clock's time when it accepts")
    void fluentRecordFixesUidAndTime() {
      ActivityRecorder recorder = f.open(f.builder());
      Instant acceptedAt = f.clock.instant();

      Receipt receipt =
          recorder
              .record(ActivityType.USER_LOGIN, ALICE)
              .workspace(7)
              .text("signed in")
              .resource(Map.of("page", "home"))
              .submit();
      f.clock.advance(Duration.ofHours(1));

      assertThat(receipt.status()).isEqualTo(Receipt.Status.QUEUED);
      assertThat(receipt.uid().version()).as("uid version").isEqualTo(7);
      assertThat(recorder.flush(WAIT)).isTrue();
      Activity stored = f.rows.findByUid(7, receipt.uid()).orElseThrow();
      assertThat(stored.createdAt()).isEqualTo(acceptedAt);
      assertThat(stored.text()).isEqualTo("signed in");
      assertThat(stored.workspaceGroupId()).isEqualTo(7);
      assertThat(stored.resource().toPlain()).isEqualTo(Map.of("page", "home"));
    }

    @Test
    @DisplayName("a uid and creation time given by the caller are kept")
    void givenUidAndTimeAreKept() {
      ActivityRecorder recorder = f.open(f.builder());
      UUID uid = UUID.randomUUID();
      Instant at = Instant.parse("2025-05-05T05:05:05Z");

      Receipt receipt =
          recorder
              .record(ActivityType.USER_LOGOUT, ALICE)
              .workspace(7)
              .uid(uid)
              .createdAt(at)
              .submit();

      assertThat(receipt.uid()).isEqualTo(uid);
      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(f.rows.findByUid(7, uid).orElseThrow().createdAt()).isEqualTo(at);
    }

    @Test
    @DisplayName("bad input is thrown to the caller at record time and nothing is accepted")
    void badInputFailsAtRecordTime() {
      ActivityRecorder recorder = f.open(f.builder());

      assertThatThrownBy(
              () ->
                  recorder.record(ActivityType.USER_LOGIN, ALICE).text("x".repeat(10_001)).submit())
          .isInstanceOf(ValidationException.class)
          .extracting(e -> ((ValidationException) e).field())
          .isEqualTo("text");
      assertThatThrownBy(
              () -> recorder.record(ActivityType.USER_LOGIN, ALICE).resource(new Object()))
          .isInstanceOf(ValidationException.class)
          .extracting(e -> ((ValidationException) e).field())
          .isEqualTo("resource");
      assertThatThrownBy(() -> recorder.record(null, ALICE))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> recorder.record((NewActivity) null))
          .isInstanceOf(ValidationException.class)
          .extracting(e -> ((ValidationException) e).field())
          .isEqualTo("activity");

      assertThat(recorder.metrics().accepted()).isZero();
      assertThat(f.store.calls()).isZero();
    }
  }

  @Nested
  @DisplayName("configuration")
  class Configuration {

    @Test
    @DisplayName("a setting out of range is refused with an error naming the setting")
    void badSettingsNameTheSetting() {
      ActivityRecorder.Builder b = ActivityRecorder.builder(f.store);

      assertThatThrownBy(() -> b.queueCapacity(0))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("queueCapacity");
      assertThatThrownBy(() -> b.queueBytes(0)).hasMessageContaining("queueBytes");
      assertThatThrownBy(() -> b.batchSize(-1)).hasMessageContaining("batchSize");
      assertThatThrownBy(() -> b.linger(Duration.ofMillis(-1))).hasMessageContaining("linger");
      assertThatThrownBy(() -> b.blockTimeout(Duration.ofMillis(-1)))
          .hasMessageContaining("blockTimeout");
      assertThatThrownBy(() -> b.logInterval(Duration.ZERO)).hasMessageContaining("logInterval");
      assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)))
          .hasMessageContaining("maxAttempts");
      assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofMillis(1)))
          .hasMessageContaining("initialBackoff");
      assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
          .hasMessageContaining("maxBackoff");
    }

    @Test
    @DisplayName("the retry backoff doubles from the initial wait and stops at the cap")
    void backoffDoublesToTheCap() {
      RetryPolicy p = new RetryPolicy(100, Duration.ofMillis(100), Duration.ofSeconds(30));

      assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(100));
      assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(200));
      assertThat(p.backoff(9)).isEqualTo(Duration.ofMillis(25_600));
      assertThat(p.backoff(10)).isEqualTo(Duration.ofSeconds(30));
      assertThat(p.backoff(99)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("the defaults are asynchronous, BLOCK, and the documented retry policy")
    void defaults() {
      ActivityRecorder recorder = f.open(ActivityRecorder.builder(f.store).logger(f.logger));

      assertThat(recorder.record(activity("default")).status()).isEqualTo(Receipt.Status.QUEUED);
      assertThat(recorder.close(WAIT).clean()).isTrue();
      assertThat(RetryPolicy.DEFAULT)
          .isEqualTo(new RetryPolicy(30, Duration.ofMillis(100), Duration.ofSeconds(2)));
    }
  }

  @Nested
  @DisplayName("synchronous mode")
  class Synchronous {

    @Test
    @DisplayName("record returns once the store has committed the activity")
    void returnsOnceCommitted() {
      ActivityRecorder recorder = f.open(f.builder().synchronous());

      Receipt receipt = recorder.record(activity("now"));

      assertThat(receipt.status()).isEqualTo(Receipt.Status.STORED);
      assertThat(f.rows.findByUid(7, receipt.uid())).isPresent();
    }

    @Test
    @DisplayName("an unavailable store is retried with growing waits until it answers")
    void retriesUntilTheStoreAnswers() {
      ActivityRecorder recorder = f.open(f.builder().synchronous());
      f.store.failNext(3);

      Receipt receipt = recorder.record(activity("patient"));

      assertThat(receipt.status()).isEqualTo(Receipt.Status.STORED);
      assertThat(f.sleeper.sleeps()).hasSize(3);
      assertThat(recorder.metrics().retried()).isEqualTo(3);
      f.assertAccountedFor(recorder.metrics());
    }

    @Test
    @DisplayName("a store still unavailable after the last attempt is thrown to the caller")
    void exhaustedRetriesAreThrown() {
      ActivityRecorder recorder =
          f.open(
              f.builder()
                  .synchronous()
                  .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4))));
      f.store.down();

      assertThatThrownBy(() -> recorder.record(activity("lost")))
          .isInstanceOf(StoreUnavailableException.class);

      RecorderMetrics m = recorder.metrics();
      assertThat(m.failed()).isEqualTo(1);
      assertThat(f.store.calls()).isEqualTo(3);
      f.assertAccountedFor(m);
      assertThat(f.logger.at(Level.ERROR)).hasSize(1);
    }

    @Test
    @DisplayName("an activity the store refuses is thrown at once, without retrying")
    void refusedIsNotRetried() {
      ActivityRecorder recorder = f.open(f.builder().synchronous());
      f.store.refuse(a -> true);

      assertThatThrownBy(() -> recorder.record(activity("refused")))
          .isInstanceOf(ValidationException.class);
      assertThat(f.store.calls()).isEqualTo(1);
      assertThat(f.sleeper.sleeps()).isEmpty();
    }

    /** If this fails, check that BatchWriter retries only transient reasons. */
    @ParameterizedTest
    @EnumSource(
        value = Reason.class,
        names = {"TIMEOUT", "LOCKED", "DAMAGED", "SCHEMA", "FAILED"})
    @DisplayName("a store failure that waiting cannot cure is thrown at once, without retrying")
    void nonTransientIsNotRetried(Reason reason) {
      ActivityRecorder recorder = f.open(f.builder().synchronous());
      f.store.downWith(reason);

      assertThatThrownBy(() -> recorder.record(activity("locked out")))
          .isInstanceOfSatisfying(
              StoreUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(reason));
      assertThat(f.store.calls()).isEqualTo(1);
      assertThat(f.sleeper.sleeps()).isEmpty();
      assertThat(recorder.metrics().failed()).isEqualTo(1);
      f.assertAccountedFor(recorder.metrics());
    }

    @Test
    @DisplayName("an interrupt while waiting to retry ends the call with the flag set")
    void interruptEndsTheRetryWait() {
      ActivityRecorder recorder =
          f.open(
              f.builder()
                  .synchronous()
                  .sleeper(
                      d -> {
                        throw new InterruptedException();
                      }));
      f.store.down();

      try {
        assertThatThrownBy(() -> recorder.record(activity("interrupted")))
            .isInstanceOf(RecorderInterruptedException.class)
            .hasMessageContaining("same uid");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      assertThat(recorder.metrics().failed()).isEqualTo(1);
    }

    @Test
    @DisplayName("record after close throws RecorderClosedException")
    void recordAfterClose() {
      ActivityRecorder recorder = f.open(f.builder().synchronous());
      assertThat(recorder.close(WAIT).clean()).isTrue();

      assertThatThrownBy(() -> recorder.record(activity("late")))
          .isInstanceOf(RecorderClosedException.class);
      assertThat(recorder.metrics().rejected()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("batching")
  class Batching {

    @Test
    @DisplayName("the writer inserts in batches of at most the batch size")
    void batchesAreBounded() throws InterruptedException {
      ActivityRecorder recorder = f.open(f.builder().batchSize(10));
      f.store.pause();
      recorder.record(activity("first"));
      assertThat(f.store.awaitInsert()).isTrue();
      for (int i = 0; i < 25; i++) {
        recorder.record(activity("n" + i));
      }
      f.store.resume();

      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(f.store.batchSizes()).containsExactly(1, 10, 10, 5);
      f.assertAccountedFor(recorder.metrics());
    }

    @Test
    @DisplayName("a full batch is written without waiting for the linger time")
    void fullBatchSkipsLinger() {
      ActivityRecorder recorder = f.open(f.builder().linger(Duration.ofHours(1)).batchSize(5));

      for (int i = 0; i < 5; i++) {
        recorder.record(activity("n" + i));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(f.store.batchSizes()).containsExactly(5);
    }

    @Test
    @DisplayName("flush writes a partial batch at once instead of lingering")
    void flushEndsTheLinger() {
      ActivityRecorder recorder = f.open(f.builder().linger(Duration.ofHours(1)).batchSize(100));

      recorder.record(activity("a"));
      recorder.record(activity("b"));

      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(f.rows.size()).isEqualTo(2);
    }
  }

  @Nested
  @DisplayName("a full queue")
  class FullQueue {

    /**
     * Holds the writer in the store and fills the queue: one in flight, {@code capacity} queued.
     */
    private ActivityRecorder jammed(ActivityRecorder.Builder builder, int capacity)
        throws InterruptedException {
      ActivityRecorder recorder = f.open(builder.queueCapacity(capacity).batchSize(1));
      f.store.pause();
      recorder.record(activity("in flight"));
      assertThat(f.store.awaitInsert()).isTrue();
      for (int i = 0; i < capacity; i++) {
        assertThat(recorder.record(activity("queued " + i)).status())
            .isEqualTo(Receipt.Status.QUEUED);
      }
      return recorder;
    }

    @Test
    @DisplayName(
        "BLOCK is the default, and throws QueueFullException once the block timeout passes")
    void blockTimesOut() throws InterruptedException {
      ActivityRecorder recorder = jammed(f.builder().blockTimeout(Duration.ofMillis(20)), 2);

      assertThatThrownBy(() -> recorder.record(activity("no room")))
          .isInstanceOf(QueueFullException.class)
          .hasMessageContaining("stayed full for 20 ms");

      RecorderMetrics m = recorder.metrics();
      assertThat(m.rejected()).isEqualTo(1);
      assertThat(m.accepted()).isEqualTo(3);
      assertThat(m.queueDepth()).isEqualTo(2);
      assertThat(m.inFlight()).isEqualTo(1);
      assertThat(f.events.rejections).hasSize(1);
      f.store.resume();
      assertThat(recorder.flush(WAIT)).isTrue();
      f.assertAccountedFor(recorder.metrics());
    }

    @Test
    @DisplayName("BLOCK accepts the activity as soon as the writer makes room")
    void blockWaitsForRoom() throws Exception {
      ActivityRecorder recorder = jammed(f.builder().blockTimeout(Duration.ofMinutes(1)), 2);
      AtomicReference<Receipt> receipt = new AtomicReference<>();
      Thread caller = new Thread(() -> receipt.set(recorder.record(activity("waits"))));
      caller.start();
      RecorderFixture.awaitWaiting(caller);

      f.store.resume();
      caller.join(WAIT.toMillis());

      assertThat(receipt.get()).isNotNull();
      assertThat(receipt.get().status()).isEqualTo(Receipt.Status.QUEUED);
      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(f.rows.size()).isEqualTo(4);
    }

    @Test
    @DisplayName("DROP returns a dropped receipt, counts it, and logs once per interval")
    void dropCountsAndLogsOnce() throws InterruptedException {
      ActivityRecorder recorder =
          jammed(
              f.builder().fullQueuePolicy(FullQueuePolicy.DROP).logInterval(Duration.ofMinutes(1)),
              2);

      for (int i = 0; i < 100; i++) {
        assertThat(recorder.record(activity("dropped " + i)).isDropped()).isTrue();
      }
      assertThat(f.logger.at(Level.WARNING)).hasSize(1);
      f.clock.advance(Duration.ofMinutes(1));
      recorder.record(activity("dropped again"));

      List<CapturingLogger.Entry> warnings = f.logger.at(Level.WARNING);
      assertThat(warnings).hasSize(2);
      assertThat(warnings.get(1).message()).contains("99 more like this");
      RecorderMetrics m = recorder.metrics();
      assertThat(m.dropped(DropReason.QUEUE_FULL)).isEqualTo(101);
      assertThat(m.accepted()).isEqualTo(104);
      assertThat(f.events.drops).hasSize(101);
      f.store.resume();
      assertThat(recorder.flush(WAIT)).isTrue();
      f.assertAccountedFor(recorder.metrics());
    }

    @Test
    @DisplayName("FAIL_FAST throws QueueFullException without waiting")
    void failFastThrows() throws InterruptedException {
      ActivityRecorder recorder =
          jammed(
              f.builder()
                  .fullQueuePolicy(FullQueuePolicy.FAIL_FAST)
                  .blockTimeout(Duration.ofDays(1)),
              3);

      assertThatThrownBy(() -> recorder.record(activity("no room")))
          .isInstanceOf(QueueFullException.class)
          .hasMessageContaining("3 activities")
          .hasMessageNotContaining("stayed full");
      assertThat(recorder.metrics().rejected()).isEqualTo(1);
    }

    @Test
    @DisplayName("the queue is bounded in bytes as well as in activities")
    void boundedInBytes() throws InterruptedException {
      ActivityRecorder recorder =
          f.open(
              f.builder()
                  .fullQueuePolicy(FullQueuePolicy.FAIL_FAST)
                  .queueCapacity(1_000)
                  .queueBytes(100_000)
                  .batchSize(1));
      f.store.pause();
      recorder.record(activity("in flight"));
      assertThat(f.store.awaitInsert()).isTrue();
      String big = "x".repeat(10_000); // about 20 kB each

      int queued = 0;
      try {
        while (queued < 1_000) {
          recorder.record(activity(big));
          queued++;
        }
      } catch (QueueFullException expected) {
        // the byte bound was reached
      }

      assertThat(queued).isBetween(3, 5);
      assertThat(recorder.metrics().queueBytes()).isLessThanOrEqualTo(100_000);
    }

    @Test
    @DisplayName("an activity larger than the byte bound still enters an empty queue")
    void oversizedActivityEntersEmptyQueue() {
      ActivityRecorder recorder =
          f.open(f.builder().fullQueuePolicy(FullQueuePolicy.FAIL_FAST).queueBytes(1));

      Receipt receipt = recorder.record(activity("bigger than one byte"));

      assertThat(receipt.status()).isEqualTo(Receipt.Status.QUEUED);
      assertThat(recorder.flush(WAIT)).isTrue();
    }
  }

  @Nested
  @DisplayName("store failures")
  class StoreFailures {

    @Test
    @DisplayName("a store that fails and recovers loses nothing and stores nothing twice")
    void failThenRecover() {
      ActivityRecorder recorder = f.open(f.builder().batchSize(10));
      f.store.failNext(4);

      for (int i = 0; i < 50; i++) {
        recorder.record(activity("n" + i));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.stored()).isEqualTo(50);
      assertThat(m.retried()).isEqualTo(4);
      assertThat(f.events.retries).hasSize(4);
      f.assertAccountedFor(m);
    }

    /** If this fails, check that BatchWriter fails a non-transient batch whole and at once. */
    @ParameterizedTest
    @EnumSource(
        value = Reason.class,
        names = {"TIMEOUT", "LOCKED", "DAMAGED", "SCHEMA", "FAILED"})
    @DisplayName("a batch the store cannot take for a lasting reason fails at once, reported")
    void nonTransientBatchFailsAtOnce(Reason reason) {
      ActivityRecorder recorder = f.open(f.builder().batchSize(5).linger(Duration.ofHours(1)));
      f.store.downWith(reason);

      for (int i = 0; i < 5; i++) {
        recorder.record(activity("n" + i));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.failed()).isEqualTo(5);
      assertThat(m.retried()).isZero();
      assertThat(f.store.calls()).as("attempts, no retry and no split").isEqualTo(1);
      assertThat(f.sleeper.sleeps()).isEmpty();
      assertThat(f.events.failures).containsExactly(5);
      assertThat(f.logger.at(Level.ERROR))
          .singleElement()
          .satisfies(e -> assertThat(e.message()).contains(reason.name()));
      f.assertAccountedFor(m);
    }

    @Test
    @DisplayName("a batch committed whose answer was lost is retried without a duplicate")
    void lostAcknowledgement() {
      ActivityRecorder recorder = f.open(f.builder().batchSize(10));
      f.store.loseAckOfNext(3);

      for (int i = 0; i < 30; i++) {
        recorder.record(activity("n" + i));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.stored()).isEqualTo(30);
      assertThat(m.retried()).isEqualTo(3);
      assertThat(f.store.calls()).isGreaterThan((int) m.batches());
      f.assertAccountedFor(m);
    }

    @Test
    @DisplayName("a batch still failing after the last attempt is counted, reported and logged")
    void exhaustedBatchIsCounted() {
      ActivityRecorder recorder =
          f.open(
              f.builder()
                  .batchSize(5)
                  .linger(Duration.ofHours(1))
                  .retry(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(8))));
      f.store.down();

      for (int i = 0; i < 5; i++) {
        recorder.record(activity("n" + i));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.failed()).isEqualTo(5);
      assertThat(m.retried()).isEqualTo(3);
      assertThat(f.events.failures).containsExactly(5);
      assertThat(f.logger.at(Level.ERROR))
          .singleElement()
          .satisfies(e -> assertThat(e.message()).contains("5 accepted activities were lost"));
      f.assertAccountedFor(m);
    }

    @Test
    @DisplayName("an activity the store refuses fails alone; the rest of its batch is stored")
    void refusedActivityIsIsolated() throws InterruptedException {
      ActivityRecorder recorder = f.open(f.builder().batchSize(8));
      f.store.refuse(a -> "poison".equals(a.content().text()));
      f.store.pause();
      recorder.record(activity("first"));
      assertThat(f.store.awaitInsert()).isTrue();
      for (int i = 0; i < 8; i++) {
        recorder.record(activity(i == 5 ? "poison" : "n" + i));
      }
      f.store.resume();

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.stored()).isEqualTo(8);
      assertThat(m.failed()).isEqualTo(1);
      assertThat(m.retried()).as("bad data is never retried").isZero();
      f.assertAccountedFor(m);
    }

    @Test
    @DisplayName("waits between retries double up to the cap, jittered down by at most half")
    void backoffIsExponentialWithJitter() {
      ActivityRecorder recorder =
          f.open(
              f.builder()
                  .synchronous()
                  .retry(new RetryPolicy(7, Duration.ofMillis(100), Duration.ofMillis(1_000))));
      f.store.failNext(6);

      recorder.record(activity("patient"));

      List<Duration> sleeps = f.sleeper.sleeps();
      long[] caps = {100, 200, 400, 800, 1_000, 1_000};
      assertThat(sleeps).hasSize(caps.length);
      for (int i = 0; i < caps.length; i++) {
        assertThat(sleeps.get(i).toNanos())
            .as("wait before retry %d", i + 1)
            .isBetween(
                Duration.ofMillis(caps[i]).toNanos() / 2, Duration.ofMillis(caps[i]).toNanos());
      }
    }
  }

  @Nested
  @DisplayName("flush and close")
  class FlushAndClose {

    @Test
    @DisplayName("flush with a timeout returns false while the store hangs, true once it answers")
    void flushTimesOut() throws InterruptedException {
      ActivityRecorder recorder = f.open(f.builder());
      f.store.pause();
      recorder.record(activity("held"));
      assertThat(f.store.awaitInsert()).isTrue();

      assertThat(recorder.flush(Duration.ofMillis(10))).isFalse();
      f.store.resume();
      recorder.flush();
      assertThat(f.rows.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("a clean close stores everything accepted, and later records are refused")
    void cleanClose() {
      ActivityRecorder recorder = f.open(f.builder().linger(Duration.ofHours(1)));
      for (int i = 0; i < 20; i++) {
        recorder.record(activity("n" + i));
      }

      CloseResult result = recorder.close(WAIT);

      assertThat(result.clean()).isTrue();
      assertThat(result.metrics().stored()).isEqualTo(20);
      f.assertAccountedFor(result.metrics());
      assertThatThrownBy(() -> recorder.record(activity("late")))
          .isInstanceOf(RecorderClosedException.class);
    }

    @Test
    @DisplayName("close returns at its deadline and reports and logs what was not written")
    void closeTimesOut() throws InterruptedException {
      ActivityRecorder recorder = f.open(f.builder().batchSize(2));
      f.store.pause();
      recorder.record(activity("in flight"));
      assertThat(f.store.awaitInsert()).isTrue();
      for (int i = 0; i < 5; i++) {
        recorder.record(activity("queued " + i));
      }

      CloseResult result = recorder.close(Duration.ofMillis(20));

      assertThat(result.clean()).isFalse();
      assertThat(result.unwritten()).isEqualTo(6);
      assertThat(result.metrics().dropped(DropReason.CLOSE_TIMEOUT)).isEqualTo(5);
      assertThat(f.logger.at(Level.WARNING))
          .anySatisfy(e -> assertThat(e.message()).contains("closed before writing 6"));
      f.store.resume();
      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics settled = recorder.metrics();
      assertThat(settled.stored()).as("the batch in flight when close gave up").isEqualTo(1);
      f.assertAccountedFor(settled);
    }

    @Test
    @DisplayName("close ends a retry wait at its deadline and counts the batch as dropped")
    void closeInterruptsTheRetryWait() {
      CountDownLatch sleeping = new CountDownLatch(1);
      ActivityRecorder recorder =
          f.open(
              f.builder()
                  .sleeper(
                      d -> {
                        sleeping.countDown();
                        Thread.sleep(Long.MAX_VALUE);
                      }));
      f.store.down();
      recorder.record(activity("never written"));

      CloseResult result = recorder.close(Duration.ofMillis(20));

      assertThat(recorder.flush(WAIT)).as("the writer stopped waiting").isTrue();
      assertThat(sleeping.getCount()).isZero();
      assertThat(result.unwritten()).isEqualTo(1);
      RecorderMetrics m = recorder.metrics();
      assertThat(m.dropped(DropReason.CLOSE_TIMEOUT)).isEqualTo(1);
      f.assertAccountedFor(m);
    }

    @Test
    @DisplayName("callers blocked on a full queue are refused when the recorder closes")
    void closeReleasesBlockedCallers() throws Exception {
      ActivityRecorder recorder =
          f.open(f.builder().queueCapacity(1).batchSize(1).blockTimeout(Duration.ofMinutes(1)));
      f.store.pause();
      recorder.record(activity("in flight"));
      assertThat(f.store.awaitInsert()).isTrue();
      recorder.record(activity("queued"));
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<Receipt> blocked = pool.submit(() -> recorder.record(activity("blocked")));
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
  @DisplayName("interrupted callers")
  class Interrupts {

    @Test
    @DisplayName(
        "a caller blocked on a full queue answers an interrupt at once, with nothing accepted")
    void blockedCallerIsInterrupted() throws Exception {
      ActivityRecorder recorder =
          f.open(f.builder().queueCapacity(1).batchSize(1).blockTimeout(Duration.ofMinutes(1)));
      f.store.pause();
      recorder.record(activity("in flight"));
      assertThat(f.store.awaitInsert()).isTrue();
      recorder.record(activity("queued"));
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flag = new AtomicReference<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  recorder.record(activity("interrupted"));
                } catch (RuntimeException e) {
                  thrown.set(e);
                  flag.set(Thread.currentThread().isInterrupted());
                }
              });
      caller.start();
      RecorderFixture.awaitWaiting(caller);

      caller.interrupt();
      caller.join(WAIT.toMillis());

      assertThat(thrown.get()).isInstanceOf(RecorderInterruptedException.class);
      assertThat(flag.get()).as("interrupt flag restored").isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.accepted()).isEqualTo(2);
      assertThat(m.rejected()).isEqualTo(1);
      f.store.resume();
      assertThat(recorder.flush(WAIT)).isTrue();
      f.assertAccountedFor(recorder.metrics());
    }

    @Test
    @DisplayName("an interrupted caller is accepted when there is room, and keeps its flag")
    void interruptedCallerWithRoom() {
      ActivityRecorder recorder = f.open(f.builder());
      Thread.currentThread().interrupt();
      try {
        assertThat(recorder.record(activity("room")).status()).isEqualTo(Receipt.Status.QUEUED);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      assertThat(recorder.flush(WAIT)).isTrue();
    }
  }

  @Nested
  @DisplayName("observability")
  class Observability {

    @Test
    @DisplayName("metrics show the queue while the store hangs, and batches with latency after")
    void metricsSnapshot() throws InterruptedException {
      ActivityRecorder recorder = f.open(f.builder().batchSize(1));
      f.store.pause();
      recorder.record(activity("in flight"));
      assertThat(f.store.awaitInsert()).isTrue();
      recorder.record(activity("queued 1"));
      recorder.record(activity("queued 2"));

      RecorderMetrics held = recorder.metrics();
      assertThat(held.queueDepth()).isEqualTo(2);
      assertThat(held.queueBytes()).isPositive();
      assertThat(held.inFlight()).isEqualTo(1);
      assertThat(held.pending()).isEqualTo(3);

      f.store.resume();
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
      assertThat(f.events.storedBatches).containsExactly(1, 1, 1);
    }

    @Test
    @DisplayName("a listener that throws does not stop the recorder")
    void throwingListenerIsContained() {
      ActivityRecorder recorder =
          f.open(
              f.builder()
                  .listener(
                      new RecorderListener() {
                        @Override
                        public void onBatchStored(int size, Duration latency) {
                          throw new IllegalStateException("broken metrics hook");
                        }
                      }));

      for (int i = 0; i < 3; i++) {
        recorder.record(activity("n" + i));
        assertThat(recorder.flush(WAIT)).isTrue();
      }

      assertThat(f.rows.size()).isEqualTo(3);
      assertThat(f.logger.at(Level.WARNING))
          .singleElement()
          .satisfies(e -> assertThat(e.thrown()).hasMessage("broken metrics hook"));
    }
  }

  @Nested
  @DisplayName("concurrency")
  class Concurrency {

    @Test
    @DisplayName(
        "a burst from 16 threads into a small queue is stored or dropped, never duplicated")
    void burstFromSixteenThreads() throws Exception {
      ActivityRecorder recorder =
          f.open(f.builder().fullQueuePolicy(FullQueuePolicy.DROP).queueCapacity(64).batchSize(16));
      f.store.failNext(2);
      f.store.loseAckOfNext(2);
      int threads = 16;
      int each = 500;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Receipt>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Receipt> receipts = new ArrayList<>(each);
                  for (int i = 0; i < each; i++) {
                    receipts.add(recorder.record(activity(thread + "/" + i)));
                  }
                  return receipts;
                }));
      }
      start.countDown();
      Set<UUID> uids = new HashSet<>();
      long dropped = 0;
      for (Future<List<Receipt>> future : futures) {
        for (Receipt r : future.get(30, TimeUnit.SECONDS)) {
          uids.add(r.uid());
          dropped += r.isDropped() ? 1 : 0;
        }
      }
      pool.shutdown();

      assertThat(recorder.flush(WAIT)).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(uids).as("distinct uids handed out").hasSize(threads * each);
      assertThat(m.accepted()).isEqualTo(threads * each);
      assertThat(m.dropped(DropReason.QUEUE_FULL)).isEqualTo(dropped);
      f.assertAccountedFor(m);
    }
  }
}
