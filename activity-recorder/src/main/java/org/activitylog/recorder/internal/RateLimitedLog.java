package org.activitylog.recorder.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Logs each kind of recorder trouble at most once per interval, and says in the next message how
 * many were held back. A store outage fails thousands of records a second; logging each would flood
 * the host's log and slow the very threads the recorder must not slow.
 *
 * <p>It logs through {@link System.Logger} because activity-api has no dependencies: the JDK routes
 * it to java.util.logging, and a host on SLF4J or Log4j sends it to its own backend with the bridge
 * both projects ship (slf4j-jdk-platform-logging, log4j-jpl).
 */
final class RateLimitedLog {

  /** The kinds of message that are limited separately. */
  enum Topic {
    QUEUE_FULL,
    RETRY,
    FAILED,
    LISTENER
  }

  private final System.Logger logger;
  private final Clock clock;
  private final long intervalMillis;
  private final Map<Topic, Window> windows = new EnumMap<>(Topic.class);

  RateLimitedLog(System.Logger logger, Clock clock, Duration interval) {
    this.logger = logger;
    this.clock = clock;
    this.intervalMillis = Math.max(1, interval.toMillis());
    for (Topic topic : Topic.values()) {
      windows.put(topic, new Window());
    }
  }

  /**
   * Logs a message unless one of the same topic was logged less than an interval ago.
   *
   * @param topic the kind of message
   * @param level the level
   * @param message built only when it is logged
   * @param cause the exception, or null
   */
  void log(Topic topic, Level level, Supplier<String> message, @Nullable Throwable cause) {
    if (!logger.isLoggable(level)) {
      return;
    }
    // The constructor gives every topic a window.
    Window window = Objects.requireNonNull(windows.get(topic));
    long now = clock.millis();
    long next = window.nextAllowed.get();
    if (now < next || !window.nextAllowed.compareAndSet(next, now + intervalMillis)) {
      window.suppressed.incrementAndGet();
      return;
    }
    long held = window.suppressed.getAndSet(0);
    String text = message.get();
    if (held > 0) {
      text +=
          " (" + held + " more like this in the last " + Duration.ofMillis(intervalMillis) + ")";
    }
    emit(level, text, cause);
  }

  /** Logs once, unlimited: for events that happen once, such as close. */
  void always(Level level, String message) {
    emit(level, message, null);
  }

  private void emit(Level level, String text, @Nullable Throwable cause) {
    try {
      if (cause != null) {
        logger.log(level, text, cause);
      } else {
        logger.log(level, text);
      }
    } catch (RuntimeException e) {
      // A broken logging backend must not turn a retry into a lost batch; there is nowhere left
      // to report it.
    }
  }

  private static final class Window {
    final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong suppressed = new AtomicLong();
  }
}
