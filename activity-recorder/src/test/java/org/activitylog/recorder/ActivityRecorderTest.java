package org.activitylog.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.StoreUnavailableException.Reason;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The recorder's rules that need no store, each with a lambda {@link ActivitySink}: its settings,
 * what it checks and fixes when it accepts an activity, and how it answers a sink that fails. Its
 * rules over a store (what ends up stored, a store that hangs, logs and listener events) are {@code
 * ActivityRecorderOwnRulesTest} in activity-testkit-selftest, over the in-memory store; what a
 * backend owes the recorder is the testkit's {@code ActivityRecorderContract}.
 */
@DisplayName("ActivityRecorder")
class ActivityRecorderTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final UserSimple ALICE = UserSimple.of(1, "alice", "alice@example.com");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  /** Every batch a sink of this test was handed, in order, whether it then threw or not. */
  private final List<List<NewActivity>> handed = new CopyOnWriteArrayList<>();

  /** The waits the recorder asked for between retries, in order. */
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private final List<ActivityRecorder> opened = new ArrayList<>();

  /** Keeps what it is handed and writes it nowhere: every write succeeds. */
  private final ActivitySink accepting = batch -> handed.add(List.copyOf(batch));

  @AfterEach
  void closeRecorders() {
    for (ActivityRecorder r : opened) {
      r.close(WAIT);
    }
  }

  /** A sink that throws what {@code failure} gives for the first {@code n} writes, then accepts. */
  private ActivitySink failingFirst(int n, RuntimeException failure) {
    AtomicInteger left = new AtomicInteger(n);
    return batch -> {
      accepting.write(batch);
      if (left.getAndDecrement() > 0) {
        throw failure;
      }
    };
  }

  /** A sink that throws {@code failure} on every write. */
  private ActivitySink failing(RuntimeException failure) {
    return failingFirst(Integer.MAX_VALUE, failure);
  }

  private static StoreUnavailableException unavailable(Reason reason) {
    return new StoreUnavailableException(reason, "injected: the store is " + reason);
  }

  /** A builder with a fixed clock, a sleeper that only records, and no linger. */
  private ActivityRecorder.Builder builder(ActivitySink sink) {
    return ActivityRecorder.builder(sink)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .sleeper(sleeps::add)
        .linger(Duration.ZERO)
        .closeTimeout(WAIT);
  }

  private ActivityRecorder open(ActivityRecorder.Builder builder) {
    ActivityRecorder recorder = builder.build();
    opened.add(recorder);
    return recorder;
  }

  private static NewActivity activity(String text) {
    return NewActivity.builder(ActivityType.USER_LOGIN, ALICE)
        .workspaceGroupId(7)
        .text(text)
        .build();
  }

  /** The activities handed to the sink, in order, every attempt included. */
  private List<NewActivity> handedActivities() {
    return handed.stream().flatMap(List::stream).toList();
  }

  private static void assertSettled(RecorderMetrics m) {
    assertThat(m.accepted())
        .as("accepted = stored + dropped + failed, in %s", m)
        .isEqualTo(m.stored() + m.droppedTotal() + m.failed());
  }

  @Nested
  @DisplayName("recording")
  class Recording {

    @Test
    @DisplayName("the fluent record fixes a time-ordered uid and the clock's time when it accepts")
    void fluentRecordFixesUidAndTime() {
      ActivityRecorder recorder = open(builder(accepting));

      Receipt receipt =
          recorder
              .record(ActivityType.USER_LOGIN, ALICE)
              .workspaceGroupId(7)
              .text("signed in")
              .resource(Map.of("page", "home"))
              .submit();

      assertThat(receipt.status()).isEqualTo(Receipt.Status.QUEUED);
      assertThat(receipt.uid().version()).as("uid version").isEqualTo(7);
      assertThat(recorder.flush(WAIT)).isTrue();
      NewActivity written = handedActivities().get(0);
      assertThat(written.uid()).isEqualTo(receipt.uid());
      assertThat(written.createdAt()).isEqualTo(NOW);
      assertThat(written.content().text()).isEqualTo("signed in");
      assertThat(written.content().workspaceGroupId()).isEqualTo(7);
      assertThat(written.content().resource().toPlain()).isEqualTo(Map.of("page", "home"));
    }

    @Test
    @DisplayName("a uid and creation time given by the caller are kept")
    void givenUidAndTimeAreKept() {
      ActivityRecorder recorder = open(builder(accepting));
      UUID uid = UUID.randomUUID();
      Instant at = Instant.parse("2025-05-05T05:05:05Z");

      Receipt receipt =
          recorder
              .record(ActivityType.USER_LOGOUT, ALICE)
              .workspaceGroupId(7)
              .uid(uid)
              .createdAt(at)
              .submit();

      assertThat(receipt.uid()).isEqualTo(uid);
      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(handedActivities())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.uid()).isEqualTo(uid);
                assertThat(a.createdAt()).isEqualTo(at);
              });
    }

    @Test
    @DisplayName("bad input is thrown to the caller at record time and nothing is accepted")
    void badInputFailsAtRecordTime() {
      ActivityRecorder recorder = open(builder(accepting));

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

      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(recorder.metrics().accepted()).isZero();
      assertThat(handed).as("writes").isEmpty();
    }
  }

  @Nested
  @DisplayName("configuration")
  class Configuration {

    @Test
    @DisplayName("a setting out of range is refused with an error naming the setting")
    void badSettingsNameTheSetting() {
      ActivityRecorder.Builder b = ActivityRecorder.builder(accepting);

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
      ActivityRecorder recorder = open(ActivityRecorder.builder(accepting));

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
    @DisplayName("an unavailable store is retried with growing waits until it answers")
    void retriesUntilTheStoreAnswers() {
      ActivityRecorder recorder =
          open(builder(failingFirst(3, unavailable(Reason.UNREACHABLE))).synchronous());

      Receipt receipt = recorder.record(activity("patient"));

      assertThat(receipt.status()).isEqualTo(Receipt.Status.STORED);
      assertThat(sleeps).hasSize(3);
      RecorderMetrics m = recorder.metrics();
      assertThat(m.retried()).isEqualTo(3);
      assertThat(m.stored()).isEqualTo(1);
      assertSettled(m);
      assertThat(handedActivities())
          .as("every attempt writes the activity as accepted")
          .hasSize(4)
          .allSatisfy(a -> assertThat(a.uid()).isEqualTo(receipt.uid()));
    }

    @Test
    @DisplayName("an activity the store refuses is thrown at once, without retrying")
    void refusedIsNotRetried() {
      ActivityRecorder recorder =
          open(builder(failing(new ValidationException("text", "is refused"))).synchronous());

      assertThatThrownBy(() -> recorder.record(activity("refused")))
          .isInstanceOf(ValidationException.class);
      assertThat(handed).as("writes").hasSize(1);
      assertThat(sleeps).isEmpty();
    }

    /** If this fails, check that BatchWriter retries only transient reasons. */
    @ParameterizedTest
    @EnumSource(
        value = Reason.class,
        names = {"TIMEOUT", "LOCKED", "DAMAGED", "SCHEMA", "FAILED"})
    @DisplayName("a store failure that waiting cannot cure is thrown at once, without retrying")
    void nonTransientIsNotRetried(Reason reason) {
      ActivityRecorder recorder = open(builder(failing(unavailable(reason))).synchronous());

      assertThatThrownBy(() -> recorder.record(activity("locked out")))
          .isInstanceOfSatisfying(
              StoreUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(reason));
      assertThat(handed).as("writes").hasSize(1);
      assertThat(sleeps).isEmpty();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.failed()).isEqualTo(1);
      assertThat(m.stored()).isZero();
      assertSettled(m);
    }

    @Test
    @DisplayName("an interrupt while waiting to retry ends the call with the flag set")
    void interruptEndsTheRetryWait() {
      ActivityRecorder recorder =
          open(
              builder(failing(unavailable(Reason.UNREACHABLE)))
                  .synchronous()
                  .sleeper(
                      d -> {
                        throw new InterruptedException();
                      }));

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
      ActivityRecorder recorder = open(builder(accepting).synchronous());
      assertThat(recorder.close(WAIT).clean()).isTrue();

      assertThatThrownBy(() -> recorder.record(activity("late")))
          .isInstanceOf(RecorderClosedException.class);
      assertThat(recorder.metrics().rejected()).isEqualTo(1);
      assertThat(handed).as("writes").isEmpty();
    }

    @Test
    @DisplayName("waits between retries double up to the cap, jittered down by at most half")
    void backoffIsExponentialWithJitter() {
      ActivityRecorder recorder =
          open(
              builder(failingFirst(6, unavailable(Reason.UNREACHABLE)))
                  .synchronous()
                  .retry(new RetryPolicy(7, Duration.ofMillis(100), Duration.ofMillis(1_000))));

      recorder.record(activity("patient"));

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
  @DisplayName("batching")
  class Batching {

    @Test
    @DisplayName("a full batch is written without waiting for the linger time")
    void fullBatchSkipsLinger() {
      ActivityRecorder recorder = open(builder(accepting).linger(Duration.ofHours(1)).batchSize(5));

      for (int i = 0; i < 5; i++) {
        recorder.record(activity("n" + i));
      }

      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(handed).extracting(List::size).containsExactly(5);
    }

    @Test
    @DisplayName("flush writes a partial batch at once instead of lingering")
    void flushEndsTheLinger() {
      ActivityRecorder recorder =
          open(builder(accepting).linger(Duration.ofHours(1)).batchSize(100));

      recorder.record(activity("a"));
      recorder.record(activity("b"));

      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(handedActivities()).hasSize(2);
    }

    @Test
    @DisplayName("an activity larger than the byte bound still enters an empty queue")
    void oversizedActivityEntersEmptyQueue() {
      ActivityRecorder recorder =
          open(builder(accepting).fullQueuePolicy(FullQueuePolicy.FAIL_FAST).queueBytes(1));

      Receipt receipt = recorder.record(activity("bigger than one byte"));

      assertThat(receipt.status()).isEqualTo(Receipt.Status.QUEUED);
      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(handedActivities()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("close and interrupts")
  class CloseAndInterrupts {

    @Test
    @DisplayName("close ends a retry wait at its deadline and counts the batch as dropped")
    void closeInterruptsTheRetryWait() throws InterruptedException {
      CountDownLatch sleeping = new CountDownLatch(1);
      ActivityRecorder recorder =
          open(
              builder(failing(unavailable(Reason.UNREACHABLE)))
                  .sleeper(
                      d -> {
                        sleeping.countDown();
                        Thread.sleep(Long.MAX_VALUE);
                      }));
      recorder.record(activity("never written"));
      // Close only once the writer waits to retry: a close before that drops the queued activity
      // and never tests the wait.
      assertThat(sleeping.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
          .as("the writer waits to retry")
          .isTrue();

      CloseResult result = recorder.close(Duration.ofMillis(20));

      assertThat(recorder.flush(WAIT)).as("the writer stopped waiting").isTrue();
      assertThat(result.unwritten()).isEqualTo(1);
      RecorderMetrics m = recorder.metrics();
      assertThat(m.dropped(DropReason.CLOSE_TIMEOUT)).isEqualTo(1);
      assertThat(m.stored()).isZero();
      assertSettled(m);
    }

    @Test
    @DisplayName("an interrupted caller is accepted when there is room, and keeps its flag")
    void interruptedCallerWithRoom() {
      ActivityRecorder recorder = open(builder(accepting));
      Thread.currentThread().interrupt();
      try {
        assertThat(recorder.record(activity("room")).status()).isEqualTo(Receipt.Status.QUEUED);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      assertThat(recorder.flush(WAIT)).isTrue();
      assertThat(handedActivities()).hasSize(1);
    }
  }
}
