package org.activitylog.recorder;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.Actor;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Uids;
import org.activitylog.api.ValidationException;
import org.activitylog.recorder.internal.AsyncRecorder;
import org.activitylog.recorder.internal.RecorderConfig;
import org.activitylog.recorder.internal.SyncRecorder;
import org.activitylog.spi.ActivityStore;
import org.jspecify.annotations.Nullable;

/**
 * Records activities from the host application's hot path.
 *
 * <p>In asynchronous mode (the default) {@code record} validates the activity, fixes its uid and
 * creation time, puts it in a bounded queue and returns; one background thread writes the queue to
 * the store in batches. In synchronous mode {@code record} returns once the store has committed.
 *
 * <pre>{@code
 * try (ActivityRecorder recorder = ActivityRecorder.builder(store).build()) {
 *   recorder.record(ActivityType.USER_LOGIN, user).workspaceGroupId(42).text("signed in").submit();
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Bad input fails in {@code record}, on the caller's thread, with a {@link
 *       ValidationException}; it never reaches the background.
 *   <li>{@code record} never waits longer than the block timeout: when the queue is full the {@link
 *       FullQueuePolicy} decides between waiting, dropping and failing.
 *   <li>The uid is fixed when the activity is accepted, so retrying a batch after the store failed,
 *       even one whose commit succeeded but whose answer was lost, never stores an activity twice.
 *   <li>Every accepted activity ends stored, dropped or failed, and each of those is counted in
 *       {@link #metrics()}; drops and failures are also logged (at most once per log interval per
 *       kind, with a count of what was not logged).
 * </ul>
 *
 * <p>It writes through an {@link ActivitySink}, one method that takes a batch; {@link
 * #builder(ActivityStore)} makes one from the store's batch insert. It does not write through the
 * {@code ActivityLog} facade: the recorder is trusted host code, as a logger is, and the facade's
 * per-requester write check would add nothing but a requester to invent. Use the facade for
 * activities a user submits through an API. The recorder never closes the store.
 *
 * <p>Implementations are thread-safe.
 */
public interface ActivityRecorder extends AutoCloseable, RecorderMetricsSource {

  /**
   * Starts configuring a recorder that writes to a store's activities, through their batch insert.
   *
   * @param store the store; the recorder never closes it
   * @return a new builder, asynchronous by default
   */
  static Builder builder(ActivityStore store) {
    // The stored activities insertAll returns are not needed: the receipt already holds the uid.
    return new Builder(Objects.requireNonNull(store, "store").activities()::insertAll);
  }

  /**
   * Starts configuring a recorder that writes to a sink: a transport, or a store decorated by the
   * host.
   *
   * @param sink where batches go; durable on return, idempotent on uid, as {@link ActivitySink}
   *     says
   * @return a new builder, asynchronous by default
   */
  static Builder builder(ActivitySink sink) {
    return new Builder(sink);
  }

  /**
   * Starts describing an activity; finish with {@link Recording#submit()}.
   *
   * @param type what happened
   * @param actor who did it
   * @return a recording to fill in and submit
   * @throws ValidationException when either is missing
   */
  default Recording record(ActivityKind type, Actor actor) {
    return new Recording(this, type, actor);
  }

  /**
   * Records an activity, filling a missing uid from the uid generator and a missing creation time
   * from the clock.
   *
   * @param activity the activity, already validated by its constructor
   * @return the uid and whether the activity is stored (synchronous), queued or dropped
   * @throws ValidationException when the activity is missing
   * @throws QueueFullException when the queue stayed full (policies {@link FullQueuePolicy#BLOCK}
   *     and {@link FullQueuePolicy#FAIL_FAST})
   * @throws RecorderClosedException after {@link #close}
   * @throws RecorderInterruptedException when the calling thread is interrupted while waiting for
   *     room; the activity was not accepted and the interrupt flag is set again
   * @throws org.activitylog.api.ActivityLogException in synchronous mode, what the store threw last
   *     when it refused the activity or stayed unavailable through every retry
   */
  Receipt record(NewActivity activity);

  /**
   * Waits until every activity accepted before this call is stored, failed or dropped.
   *
   * @param timeout the longest to wait
   * @return true when they all were, false when the timeout passed first
   * @throws RecorderInterruptedException when the calling thread is interrupted; the flag is set
   *     again
   */
  boolean flush(Duration timeout);

  /**
   * Waits, without a time limit, until every activity accepted before this call is stored, failed
   * or dropped. Retries are bounded by the {@link RetryPolicy}, so this ends unless the store
   * hangs; prefer {@link #flush(Duration)} where that matters.
   *
   * @throws RecorderInterruptedException when the calling thread is interrupted; the flag is set
   *     again
   */
  void flush();

  /**
   * Stops accepting activities, writes what is queued, and stops the writer. Records after this
   * throw {@link RecorderClosedException}. When the timeout passes first, close stops waiting,
   * counts what is still queued as dropped ({@link DropReason#CLOSE_TIMEOUT}), logs how many
   * activities were not written and returns. Calling it again returns the state then.
   *
   * @param timeout the longest to wait for the queue to drain
   * @return how many accepted activities were not written, 0 after a clean close
   */
  CloseResult close(Duration timeout);

  /** Closes with the configured close timeout; see {@link #close(Duration)}. */
  @Override
  void close();

  /** {@return a snapshot of the counters} */
  @Override
  RecorderMetrics metrics();

  /**
   * Configures an {@link ActivityRecorder}. Every setting has a default; the defaults suit a web
   * application recording a few thousand activities a second into a database.
   */
  final class Builder {
    private final ActivitySink sink;
    private boolean synchronous;
    private int queueCapacity = 10_000;
    private long queueBytes = 32L << 20;
    private int batchSize = 500;
    private Duration linger = Duration.ofMillis(5);
    private FullQueuePolicy fullQueuePolicy = FullQueuePolicy.BLOCK;
    private Duration blockTimeout = Duration.ofMillis(100);
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private Duration closeTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private @Nullable Supplier<UUID> uids;
    private RecorderListener listener = RecorderListener.NONE;
    private Sleeper sleeper = Sleeper.system();
    private @Nullable ThreadFactory threadFactory;
    private System.Logger logger = System.getLogger(ActivityRecorder.class.getName());
    private Duration logInterval = Duration.ofMinutes(1);

    private Builder(ActivitySink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * {@code record} writes on the caller's thread and returns once the store has committed,
     * retrying as the {@link RetryPolicy} says. Queue and batch settings are ignored.
     *
     * @return this builder
     */
    public Builder synchronous() {
      this.synchronous = true;
      return this;
    }

    /**
     * {@code record} queues and returns; a background thread writes batches. The default.
     *
     * @return this builder
     */
    public Builder asynchronous() {
      this.synchronous = false;
      return this;
    }

    /**
     * Sets the most activities the queue holds. Defaults to 10,000. The queue's slots are allocated
     * up front.
     *
     * @param value 1 or more
     * @return this builder
     */
    public Builder queueCapacity(int value) {
      this.queueCapacity = atLeastOne("queueCapacity", value);
      return this;
    }

    /**
     * Sets the most memory the queued activities may take, as estimated from their text, resource
     * and extension fields. Defaults to 32 MiB. An activity larger than this on its own is still
     * accepted into an empty queue, so that no activity is refused for its size alone.
     *
     * @param value bytes, 1 or more
     * @return this builder
     */
    public Builder queueBytes(long value) {
      if (value < 1) {
        throw new ValidationException("queueBytes", "must be 1 or more", value);
      }
      this.queueBytes = value;
      return this;
    }

    /**
     * Sets the most activities in one {@link ActivitySink#write}. Defaults to 500.
     *
     * @param value 1 or more
     * @return this builder
     */
    public Builder batchSize(int value) {
      this.batchSize = atLeastOne("batchSize", value);
      return this;
    }

    /**
     * Sets how long the writer waits for a batch to fill once it has an activity. Defaults to 5 ms;
     * zero writes whatever is queued at once. Under load batches fill before the linger ends, so it
     * only delays activities when traffic is light.
     *
     * @param value zero or more
     * @return this builder
     */
    public Builder linger(Duration value) {
      this.linger = notNegative("linger", value);
      return this;
    }

    /**
     * Sets what {@code record} does when the queue is full. Defaults to {@link
     * FullQueuePolicy#BLOCK}.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder fullQueuePolicy(FullQueuePolicy value) {
      this.fullQueuePolicy = Objects.requireNonNull(value, "fullQueuePolicy");
      return this;
    }

    /**
     * Sets the longest {@code record} waits for room under {@link FullQueuePolicy#BLOCK}. Defaults
     * to 100 ms: long enough to ride out a burst, short enough not to stall a request when the
     * store is down.
     *
     * @param value zero or more
     * @return this builder
     */
    public Builder blockTimeout(Duration value) {
      this.blockTimeout = notNegative("blockTimeout", value);
      return this;
    }

    /**
     * Sets how failed batches are retried. Defaults to {@link RetryPolicy#DEFAULT}.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder retry(RetryPolicy value) {
      this.retry = Objects.requireNonNull(value, "retry");
      return this;
    }

    /**
     * Sets how long {@link ActivityRecorder#close()} waits for the queue to drain. Defaults to 30
     * s.
     *
     * @param value zero or more
     * @return this builder
     */
    public Builder closeTimeout(Duration value) {
      this.closeTimeout = notNegative("closeTimeout", value);
      return this;
    }

    /**
     * Sets the clock that stamps creation times and paces the log. Defaults to the system UTC
     * clock.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets the generator of uids for activities recorded without one. Defaults to time-ordered
     * version 7 UUIDs, which keep the store's uid index append-mostly.
     *
     * @param value the generator; must be thread-safe
     * @return this builder
     */
    public Builder uidGenerator(Supplier<UUID> value) {
      this.uids = Objects.requireNonNull(value, "uidGenerator");
      return this;
    }

    /**
     * Sets who hears about batches, retries, drops and failures. Defaults to {@link
     * RecorderListener#NONE}.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(RecorderListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Sets how the writer waits between retries. Defaults to {@link Sleeper#system()}; tests inject
     * one that does not wait.
     *
     * @param value the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    /**
     * Sets the factory of the writer thread. Defaults to daemon threads named {@code
     * activitylog-recorder-N}: the host must call {@link ActivityRecorder#close()} at shutdown to
     * write what is queued, as with any asynchronous appender.
     *
     * @param value the factory
     * @return this builder
     */
    public Builder threadFactory(ThreadFactory value) {
      this.threadFactory = Objects.requireNonNull(value, "threadFactory");
      return this;
    }

    /**
     * Sets the logger. Defaults to {@code System.getLogger("org.activitylog.recorder
     * .ActivityRecorder")}, which goes to java.util.logging unless a bridge such as
     * slf4j-jdk-platform-logging routes it elsewhere.
     *
     * @param value the logger
     * @return this builder
     */
    public Builder logger(System.Logger value) {
      this.logger = Objects.requireNonNull(value, "logger");
      return this;
    }

    /**
     * Sets how often each kind of warning (queue full, retry, failed batch) may be logged; the next
     * message says how many were held back. Defaults to one minute.
     *
     * @param value more than zero
     * @return this builder
     */
    public Builder logInterval(Duration value) {
      notNegative("logInterval", value);
      if (value.isZero()) {
        throw new ValidationException("logInterval", "must be more than zero", value);
      }
      this.logInterval = value;
      return this;
    }

    /**
     * Builds the recorder; in asynchronous mode this starts the writer thread.
     *
     * @return a new, running recorder
     */
    public ActivityRecorder build() {
      RecorderConfig config =
          new RecorderConfig(
              sink,
              queueCapacity,
              queueBytes,
              batchSize,
              linger,
              fullQueuePolicy,
              blockTimeout,
              retry,
              closeTimeout,
              clock,
              uids != null ? uids : Uids.timeOrdered(clock),
              listener,
              sleeper,
              threadFactory,
              logger,
              logInterval);
      return synchronous ? new SyncRecorder(config) : new AsyncRecorder(config);
    }

    private static int atLeastOne(String setting, int value) {
      if (value < 1) {
        throw new ValidationException(setting, "must be 1 or more", value);
      }
      return value;
    }

    private static Duration notNegative(String setting, Duration value) {
      Objects.requireNonNull(value, setting);
      if (value.isNegative()) {
        throw new ValidationException(setting, "must be zero or more", value);
      }
      return value;
    }
  }
}
