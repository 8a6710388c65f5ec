package org.activitylog.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The timers of one store operation: the success timer registered up front, so a successful call
 * registers nothing; one timer per exception class, registered when it is first thrown.
 */
final class CallTimer {
  private final MeterRegistry registry;
  private final Clock clock;
  private final Tags tags;
  private final Timer success;
  private final ConcurrentMap<Class<?>, Timer> errors = new ConcurrentHashMap<>();

  CallTimer(MeterRegistry registry, Tags storeTags, String operation) {
    this.registry = registry;
    this.clock = registry.config().clock();
    this.tags = storeTags.and(TimedActivityStore.OPERATION_TAG, operation);
    this.success = timer("success", "none");
  }

  /**
   * {@return what the call returned, timed as a success, or rethrows what it threw, timed under its
   * exception's class}
   */
  <T> T time(Supplier<T> call) {
    long start = clock.monotonicTime();
    try {
      T result = call.get();
      success.record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
      return result;
    } catch (RuntimeException e) {
      failure(start, e);
      throw e;
    }
  }

  private void failure(long start, RuntimeException e) {
    long elapsed = clock.monotonicTime() - start;
    @Nullable Timer timer = errors.get(e.getClass());
    if (timer == null) {
      timer = errors.computeIfAbsent(e.getClass(), c -> timer("error", c.getSimpleName()));
    }
    timer.record(elapsed, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String outcome, String exception) {
    return Timer.builder(TimedActivityStore.CALLS)
        .description("Calls a store served, by operation and outcome")
        .tags(tags)
        .tag(TimedActivityStore.OUTCOME_TAG, outcome)
        .tag(TimedActivityStore.EXCEPTION_TAG, exception.isEmpty() ? "anonymous" : exception)
        .register(registry);
  }
}
