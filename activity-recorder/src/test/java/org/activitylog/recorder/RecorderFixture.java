package org.activitylog.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;

/**
 * A store with injectable faults and everything a recorder test observes: a hand-moved clock, a
 * sleeper that does not sleep, a capturing logger and listener. Closes what it builds.
 */
final class RecorderFixture implements AutoCloseable {
  static final UserSimple ALICE = UserSimple.of(1, "alice", "alice@example.com");

  final MapRepository rows = new MapRepository();
  final FaultyRepository store = new FaultyRepository(rows);
  final TestClock clock = new TestClock();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final CapturingLogger logger = new CapturingLogger();
  final Events events = new Events();
  private final List<ActivityRecorder> opened = new ArrayList<>();

  /** A builder wired to this fixture, with no linger so that tests do not wait for batches. */
  ActivityRecorder.Builder builder() {
    return ActivityRecorder.builder(store)
        .clock(clock)
        .sleeper(sleeper)
        .logger(logger)
        .listener(events)
        .linger(Duration.ZERO)
        .closeTimeout(Duration.ofSeconds(10));
  }

  ActivityRecorder open(ActivityRecorder.Builder builder) {
    ActivityRecorder recorder = builder.build();
    opened.add(recorder);
    return recorder;
  }

  static NewActivity activity(String text) {
    return NewActivity.builder(ActivityType.USER_LOGIN, ALICE)
        .workspaceGroupId(7)
        .text(text)
        .build();
  }

  /**
   * Asserts that nothing was lost silently and nothing stored twice: every accepted activity is
   * stored, dropped or failed, and the store holds each stored uid once.
   */
  void assertAccountedFor(RecorderMetrics m) {
    assertThat(m.accepted())
        .as("accepted = stored + dropped + failed, in %s", m)
        .isEqualTo(m.stored() + m.droppedTotal() + m.failed());
    assertThat(rows.rowsWritten())
        .as("rows written vs distinct uids stored (duplicates = 0)")
        .isEqualTo(rows.size());
    assertThat((long) rows.size()).as("rows in the store vs stored count").isEqualTo(m.stored());
  }

  static void awaitWaiting(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (thread.getState() != Thread.State.WAITING
        && thread.getState() != Thread.State.TIMED_WAITING) {
      assertThat(System.nanoTime()).as("thread %s never waited", thread).isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  @Override
  public void close() {
    store.up();
    store.resume();
    for (ActivityRecorder r : opened) {
      r.close(Duration.ofSeconds(5));
    }
  }

  /** A listener that keeps every event. */
  static final class Events implements RecorderListener {
    final List<Integer> storedBatches = new CopyOnWriteArrayList<>();
    final List<Duration> latencies = new CopyOnWriteArrayList<>();
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
      latencies.add(latency);
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
}
