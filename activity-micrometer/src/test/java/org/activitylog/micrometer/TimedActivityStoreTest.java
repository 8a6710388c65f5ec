package org.activitylog.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.tck.MeterRegistryAssert;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every store call is timed by operation and outcome, and answers exactly as the store's own. */
class TimedActivityStoreTest {
  private static final UserSimple JOHN = UserSimple.of(42, "johndoe", "johndoe@example.com");
  private static final UserSimple JANE = UserSimple.of(43, "janedoe", "janedoe@example.com");

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final ActivityStore memory = InMemoryActivityStore.create(Clock.systemUTC());
  private final ActivityStore store = new TimedActivityStore(memory, registry, "main");

  private static Tags call(String operation, String outcome, String exception) {
    return Tags.of(
        "store", "main", "operation", operation, "outcome", outcome, "exception", exception);
  }

  private Timer timer(String operation, String outcome, String exception) {
    return registry.get(TimedActivityStore.CALLS).tags(call(operation, outcome, exception)).timer();
  }

  private String describe() {
    return registry.getMeters().stream()
        .map(m -> m.getId().getTags() + " count=" + ((Timer) m).count())
        .sorted()
        .collect(Collectors.joining("\n"));
  }

  private static NewActivity stamped(ActivityType type) {
    return NewActivity.builder(type, JOHN)
        .workspaceGroupId(7)
        .uid(UUID.randomUUID())
        .createdAt(Instant.now())
        .build();
  }

  /**
   * If this fails, check that every repository and follow-graph method passes through its own
   * {@code CallTimer} and that success timers exist before the first call.
   */
  @Test
  @DisplayName("Each operation's success timer counts its calls, registered before any call")
  void successesAreCountedPerOperation() {
    MeterRegistryAssert.assertThat(registry)
        .hasTimerWithNameAndTags(TimedActivityStore.CALLS, call("insert", "success", "none"))
        .hasTimerWithNameAndTags(TimedActivityStore.CALLS, call("removeActor", "success", "none"));
    assertThat(registry.find(TimedActivityStore.CALLS).timers()).hasSize(18);

    Activity stored = store.activities().insert(stamped(ActivityType.USER_LOGIN));
    store.activities().insertAll(List.of(stamped(ActivityType.GAME_WON)));
    assertThat(store.activities().findById(stored.id())).contains(stored);
    store.activities().list(ActivityQuery.ALL, PageRequest.of(1, 10), Sort.DEFAULT);
    store.activities().count(ActivityQuery.ALL);
    store.follows().follow(JOHN.ref(), JANE.ref());
    assertThat(store.follows().following(JOHN.ref())).containsExactly(JANE.ref());

    assertThat(timer("insert", "success", "none").count()).as(describe()).isEqualTo(1);
    assertThat(timer("insertAll", "success", "none").count()).as(describe()).isEqualTo(1);
    assertThat(timer("findById", "success", "none").count()).as(describe()).isEqualTo(1);
    assertThat(timer("list", "success", "none").count()).as(describe()).isEqualTo(1);
    assertThat(timer("count", "success", "none").count()).as(describe()).isEqualTo(1);
    assertThat(timer("follow", "success", "none").count()).as(describe()).isEqualTo(1);
    assertThat(timer("following", "success", "none").count()).as(describe()).isEqualTo(1);
    assertThat(timer("update", "success", "none").count()).as(describe()).isZero();
  }

  /**
   * If this fails, check that a call that throws is timed under {@code outcome=error} with the
   * exception's simple class name, and that the exception reaches the caller unchanged.
   */
  @Test
  @DisplayName("A call that throws is timed as an error named by its exception, and rethrown")
  void errorsAreTimedAndRethrown() {
    assertThatThrownBy(() -> store.activities().softDelete(999_999, WriteGuard.TRUSTED, "admin"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.activities().softDelete(999_998, WriteGuard.TRUSTED, "admin"))
        .isInstanceOf(NotFoundException.class);

    assertThat(timer("softDelete", "error", "NotFoundException").count())
        .as(describe())
        .isEqualTo(2);
    assertThat(timer("softDelete", "success", "none").count()).as(describe()).isZero();
  }

  /** If this fails, check that the elapsed time is read from the registry's clock. */
  @Test
  @DisplayName("The time recorded is the time the delegate took, on the registry's clock")
  void durationIsTheDelegatesTime() {
    ActivityStore slow =
        new TimedActivityStore(
            new org.activitylog.spi.ForwardingActivityStore(memory) {
              @Override
              public org.activitylog.spi.ActivityRepository activities() {
                return new org.activitylog.spi.ForwardingActivityRepository(memory.activities()) {
                  @Override
                  public long count(ActivityQuery query) {
                    clock.add(25, TimeUnit.MILLISECONDS);
                    return super.count(query);
                  }
                };
              }
            },
            registry,
            "slow");
    slow.activities().count(ActivityQuery.ALL);
    Timer timer =
        registry
            .get(TimedActivityStore.CALLS)
            .tags("store", "slow", "operation", "count", "outcome", "success")
            .timer();
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).as(describe()).isEqualTo(25);
  }

  /**
   * If this fails, check that the recorder's writes through a timed store arrive as {@code
   * insertAll} calls and are stored by the store behind it.
   */
  @Test
  @DisplayName("A recorder writing through the timed store is timed as insertAll")
  void recorderThroughTimedStore() {
    try (ActivityRecorder recorder = ActivityRecorder.builder(store).synchronous().build()) {
      recorder.record(ActivityType.USER_LOGIN, JOHN).workspaceGroupId(7).submit();
      recorder.record(ActivityType.USER_LOGIN, JOHN).workspaceGroupId(7).submit();
    }
    assertThat(timer("insertAll", "success", "none").count()).as(describe()).isEqualTo(2);
    assertThat(memory.activities().count(ActivityQuery.ALL)).isEqualTo(2);
    assertThat(Optional.of(store.activities())).isNotEmpty();
  }
}
