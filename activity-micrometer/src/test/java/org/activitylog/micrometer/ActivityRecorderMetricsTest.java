package org.activitylog.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.tck.MeterRegistryAssert;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.UserSimple;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.ActivitySink;
import org.activitylog.recorder.FullQueuePolicy;
import org.activitylog.recorder.RecorderClosedException;
import org.activitylog.recorder.RecorderMetrics;
import org.activitylog.recorder.RecorderMetricsSource;
import org.activitylog.spi.ActivityStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The recorder's meters read its own counters, under Micrometer's names, with its name tag. */
class ActivityRecorderMetricsTest {
  private static final UserSimple JOHN = UserSimple.of(42, "johndoe", "johndoe@example.com");
  private static final Tags AUDIT = Tags.of("recorder", "audit");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ActivityStore store = InMemoryActivityStore.create(Clock.systemUTC());

  @AfterEach
  void closeRegistry() {
    registry.close();
  }

  private static void record(ActivityRecorder recorder, int count) {
    for (int i = 0; i < count; i++) {
      recorder
          .record(ActivityType.USER_LOGIN, JOHN)
          .workspaceGroupId(7)
          .text("login " + i)
          .submit();
    }
  }

  private double counter(String name, Tags tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  /** Every meter found, for failure messages. */
  private String describe() {
    return registry.getMeters().stream()
        .map(m -> m.getId().getName() + m.getId().getTags() + " " + values(m))
        .sorted()
        .collect(Collectors.joining("\n"));
  }

  private static String values(Meter meter) {
    StringBuilder out = new StringBuilder();
    meter.measure().forEach(ms -> out.append(ms.getStatistic()).append('=').append(ms.getValue()));
    return out.toString();
  }

  @Nested
  @DisplayName("Counters")
  class Counters {

    /**
     * If this fails, check that each counter reads the matching field of the recorder's {@code
     * metrics()} and carries the {@code recorder} tag.
     */
    @Test
    @DisplayName("Accepted and stored count what a real recorder wrote into the in-memory store")
    void acceptedAndStored() {
      try (ActivityRecorder recorder = ActivityRecorder.builder(store).build()) {
        new ActivityRecorderMetrics(recorder, "audit").bindTo(registry);
        record(recorder, 25);
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(store.activities().count(ActivityQuery.ALL)).isEqualTo(25);
        assertThat(counter(ActivityRecorderMetrics.ACCEPTED, AUDIT)).as(describe()).isEqualTo(25);
        assertThat(counter(ActivityRecorderMetrics.STORED, AUDIT)).as(describe()).isEqualTo(25);
        assertThat(counter(ActivityRecorderMetrics.FAILED, AUDIT)).as(describe()).isZero();
        assertThat(counter(ActivityRecorderMetrics.REJECTED, AUDIT)).as(describe()).isZero();
        assertThat(counter(ActivityRecorderMetrics.DROPPED, AUDIT.and("reason", "queue_full")))
            .as(describe())
            .isZero();
        assertThat(counter(ActivityRecorderMetrics.DROPPED, AUDIT.and("reason", "close_timeout")))
            .as(describe())
            .isZero();
        FunctionCounter accepted = registry.get(ActivityRecorderMetrics.ACCEPTED).functionCounter();
        assertThat(accepted.getId().getBaseUnit()).isEqualTo("activities");
      }
    }

    /**
     * If this fails, check the {@code failed} and {@code retries} counters: a batch the sink
     * refuses is failed, a transient unavailability is retried.
     */
    @Test
    @DisplayName("Refused activities count as failed, transient outages as retries")
    void failedAndRetried() {
      AtomicInteger calls = new AtomicInteger();
      ActivitySink sink =
          batch -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
              throw new StoreUnavailableException(
                  StoreUnavailableException.Reason.UNREACHABLE, "down for a moment");
            }
            if (batch.stream().anyMatch(a -> "refused".equals(a.content().text()))) {
              throw new IllegalArgumentException("refused by the sink");
            }
            store.activities().insertAll(batch);
          };
      try (ActivityRecorder recorder =
          ActivityRecorder.builder(sink).sleeper(d -> {}).linger(Duration.ZERO).build()) {
        new ActivityRecorderMetrics(recorder, "audit").bindTo(registry);
        record(recorder, 1);
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
        recorder.record(ActivityType.USER_LOGIN, JOHN).workspaceGroupId(7).text("refused").submit();
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(counter(ActivityRecorderMetrics.RETRIES, AUDIT)).as(describe()).isEqualTo(1);
        assertThat(counter(ActivityRecorderMetrics.FAILED, AUDIT)).as(describe()).isEqualTo(1);
        assertThat(counter(ActivityRecorderMetrics.STORED, AUDIT)).as(describe()).isEqualTo(1);
      }
    }

    /**
     * If this fails, check the {@code dropped} counter's {@code reason} tag and the {@code
     * rejected} counter, which counts record calls that threw.
     */
    @Test
    @DisplayName("Drops are counted by reason, and calls after close as rejected")
    void droppedAndRejected() throws InterruptedException {
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      ActivitySink slow =
          batch -> {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            store.activities().insertAll(batch);
          };
      ActivityRecorder recorder =
          ActivityRecorder.builder(slow)
              .queueCapacity(2)
              .batchSize(1)
              .linger(Duration.ZERO)
              .fullQueuePolicy(FullQueuePolicy.DROP)
              .build();
      new ActivityRecorderMetrics(recorder, "audit").bindTo(registry);
      record(recorder, 10);
      release.countDown();
      recorder.close(Duration.ofSeconds(10));
      assertThatThrownBy(() -> record(recorder, 1)).isInstanceOf(RecorderClosedException.class);

      double dropped = counter(ActivityRecorderMetrics.DROPPED, AUDIT.and("reason", "queue_full"));
      assertThat(dropped).as(describe()).isPositive();
      assertThat(counter(ActivityRecorderMetrics.STORED, AUDIT) + dropped)
          .as("stored + dropped, " + describe())
          .isEqualTo(10);
      assertThat(counter(ActivityRecorderMetrics.REJECTED, AUDIT)).as(describe()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Gauges and the batch timer")
  class GaugesAndTimer {

    /**
     * If this fails, check that the gauges read the queue and the batch being written, and that the
     * batch timer counts committed batches with their total time.
     */
    @Test
    @DisplayName("The queue gauges show waiting activities, the timer the committed batches")
    void queueAndLatency() throws InterruptedException {
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
      ActivitySink held =
          batch -> {
            writing.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            store.activities().insertAll(batch);
          };
      try (ActivityRecorder recorder =
          ActivityRecorder.builder(held).batchSize(1).linger(Duration.ZERO).build()) {
        new ActivityRecorderMetrics(recorder, "audit", Tags.of("app", "shop")).bindTo(registry);
        record(recorder, 4);
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        Tags tags = AUDIT.and("app", "shop");

        MeterRegistryAssert.assertThat(registry)
            .hasMeterWithNameAndTags(ActivityRecorderMetrics.QUEUE_DEPTH, tags)
            .hasMeterWithNameAndTags(ActivityRecorderMetrics.QUEUE_SIZE, tags)
            .hasMeterWithNameAndTags(ActivityRecorderMetrics.IN_FLIGHT, tags)
            .hasMeterWithNameAndTags(ActivityRecorderMetrics.BATCH_LATENCY, tags)
            .hasMeterWithNameAndTags(ActivityRecorderMetrics.BATCH_LATENCY_MAX, tags);
        assertThat(registry.get(ActivityRecorderMetrics.QUEUE_DEPTH).tags(tags).gauge().value())
            .as(describe())
            .isEqualTo(3);
        assertThat(registry.get(ActivityRecorderMetrics.IN_FLIGHT).tags(tags).gauge().value())
            .as(describe())
            .isEqualTo(1);
        assertThat(registry.get(ActivityRecorderMetrics.QUEUE_SIZE).tags(tags).gauge().value())
            .as(describe())
            .isPositive();
        assertThat(registry.get(ActivityRecorderMetrics.QUEUE_SIZE).gauge().getId().getBaseUnit())
            .isEqualTo("bytes");

        release.countDown();
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
        FunctionTimer batches =
            registry.get(ActivityRecorderMetrics.BATCH_LATENCY).tags(tags).functionTimer();
        assertThat(batches.count()).as(describe()).isEqualTo(4);
        // The function timer goes through seconds as a double and back: equal to within a
        // nanosecond, not bit for bit.
        assertThat(batches.totalTime(TimeUnit.NANOSECONDS))
            .as(describe())
            .isCloseTo((double) recorder.metrics().totalBatchLatency().toNanos(), within(1.0));
        assertThat(registry.get(ActivityRecorderMetrics.QUEUE_DEPTH).tags(tags).gauge().value())
            .as(describe())
            .isZero();
        assertThat(
                registry
                    .get(ActivityRecorderMetrics.BATCH_LATENCY_MAX)
                    .tags(tags)
                    .timeGauge()
                    .value(TimeUnit.NANOSECONDS))
            .isCloseTo((double) recorder.metrics().maxBatchLatency().toNanos(), within(1.0));
      }
    }

    /**
     * If this fails, check that the binder takes any {@code RecorderMetricsSource} and reads every
     * meter from its snapshot: a host binds an ingestor (activity-kafka's) exactly as a recorder.
     */
    @Test
    @DisplayName("Any metrics source, such as a transport's ingestor, binds under the same names")
    void anySource() {
      java.util.concurrent.atomic.AtomicReference<RecorderMetrics> now =
          new java.util.concurrent.atomic.AtomicReference<>(snapshot(0, 0, 0, 0));
      RecorderMetricsSource ingestor = now::get;
      new ActivityRecorderMetrics(ingestor, "ingest").bindTo(registry);
      Tags tags = Tags.of("recorder", "ingest");
      now.set(snapshot(90, 4, 2, 17));

      assertThat(counter(ActivityRecorderMetrics.STORED, tags)).as(describe()).isEqualTo(90);
      assertThat(counter(ActivityRecorderMetrics.FAILED, tags)).as(describe()).isEqualTo(4);
      assertThat(counter(ActivityRecorderMetrics.ACCEPTED, tags)).as(describe()).isEqualTo(94);
      assertThat(counter(ActivityRecorderMetrics.RETRIES, tags)).as(describe()).isEqualTo(2);
      assertThat(registry.get(ActivityRecorderMetrics.QUEUE_DEPTH).tags(tags).gauge().value())
          .as(describe())
          .isEqualTo(17);
      assertThat(
              registry
                  .get(ActivityRecorderMetrics.BATCH_LATENCY)
                  .tags(tags)
                  .functionTimer()
                  .count())
          .as(describe())
          .isEqualTo(3);
    }

    private static RecorderMetrics snapshot(long stored, long failed, long retried, int lag) {
      return new RecorderMetrics(
          stored + failed,
          stored,
          java.util.Map.of(),
          failed,
          0,
          retried,
          lag,
          0,
          0,
          stored == 0 ? 0 : 3,
          Duration.ofMillis(5),
          Duration.ofMillis(9),
          Duration.ofMillis(20));
    }

    /** If this fails, check that two recorders bound under different names stay apart. */
    @Test
    @DisplayName("Two recorders bound under two names have meters of their own")
    void twoRecorders() {
      try (ActivityRecorder a = ActivityRecorder.builder(store).synchronous().build();
          ActivityRecorder b = ActivityRecorder.builder(store).synchronous().build()) {
        new ActivityRecorderMetrics(a, "a").bindTo(registry);
        new ActivityRecorderMetrics(b, "b").bindTo(registry);
        record(a, 2);
        record(b, 3);
        assertThat(counter(ActivityRecorderMetrics.STORED, Tags.of("recorder", "a")))
            .as(describe())
            .isEqualTo(2);
        assertThat(counter(ActivityRecorderMetrics.STORED, Tags.of("recorder", "b")))
            .as(describe())
            .isEqualTo(3);
        assertThat(List.of(registry.find(ActivityRecorderMetrics.STORED).functionCounters()))
            .isNotEmpty();
      }
    }
  }
}
