package org.activitylog.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.DropReason;
import org.activitylog.recorder.RecorderMetrics;
import org.activitylog.recorder.RecorderMetricsSource;

/**
 * Binds an {@link ActivityRecorder}'s counters to a Micrometer registry. Every meter reads the
 * recorder's own {@link ActivityRecorder#metrics()} when the registry publishes, so nothing is
 * counted twice and recording pays nothing for it.
 *
 * <pre>{@code
 * new ActivityRecorderMetrics(recorder, "audit").bindTo(registry);
 * }</pre>
 *
 * <p>It binds any {@link RecorderMetricsSource} the same way, so an ingestor that writes a
 * transport's topic into a store (activity-kafka's {@code KafkaIngestor}) is bound with the same
 * line under its own tag, and this module needs no transport on its class path: {@code new
 * ActivityRecorderMetrics(ingestor, "kafka-ingest").bindTo(registry)}. For an ingestor, {@value
 * #STORED} counts activities written, {@value #FAILED} records dead-lettered, {@value #RETRIES}
 * batches read again, and {@value #QUEUE_DEPTH} is the consumer lag (its javadoc has the table).
 *
 * <table>
 *   <caption>Meters, each tagged {@code recorder} with the recorder's name</caption>
 *   <tr><th>name</th><th>type</th><th>unit</th><th>what</th></tr>
 *   <tr><td>{@value #ACCEPTED}</td><td>counter</td><td>activities</td><td>{@code record} calls
 *       that returned a receipt</td></tr>
 *   <tr><td>{@value #STORED}</td><td>counter</td><td>activities</td><td>committed by the
 *       store</td></tr>
 *   <tr><td>{@value #DROPPED}</td><td>counter</td><td>activities</td><td>accepted, never written;
 *       tag {@code reason}: {@code queue_full}, {@code close_timeout}</td></tr>
 *   <tr><td>{@value #FAILED}</td><td>counter</td><td>activities</td><td>refused by the store, or
 *       still failing after the last retry</td></tr>
 *   <tr><td>{@value #REJECTED}</td><td>counter</td><td>activities</td><td>{@code record} calls that
 *       threw instead of accepting</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>retries</td><td>batches written again after
 *       the store was unavailable</td></tr>
 *   <tr><td>{@value #QUEUE_DEPTH}</td><td>gauge</td><td>activities</td><td>waiting in the
 *       queue</td></tr>
 *   <tr><td>{@value #QUEUE_SIZE}</td><td>gauge</td><td>bytes</td><td>estimated size of the
 *       queue</td></tr>
 *   <tr><td>{@value #IN_FLIGHT}</td><td>gauge</td><td>activities</td><td>in the batch being
 *       written</td></tr>
 *   <tr><td>{@value #BATCH_LATENCY}</td><td>function timer</td><td>seconds</td><td>committed
 *       batches and the time they took, retries included</td></tr>
 *   <tr><td>{@value #BATCH_LATENCY_MAX}</td><td>time gauge</td><td>seconds</td><td>the longest
 *       batch since the recorder started</td></tr>
 * </table>
 *
 * <p>Each published meter takes one snapshot of the recorder (a few counter reads and one small
 * object); that happens once per meter per publication, not per recorded activity.
 */
public final class ActivityRecorderMetrics implements MeterBinder {
  /** Activities {@code record} accepted. */
  public static final String ACCEPTED = "activitylog.recorder.activities.accepted";

  /** Activities the store committed. */
  public static final String STORED = "activitylog.recorder.activities.stored";

  /** Accepted activities never written, tagged {@code reason}. */
  public static final String DROPPED = "activitylog.recorder.activities.dropped";

  /** Accepted activities that failed for good. */
  public static final String FAILED = "activitylog.recorder.activities.failed";

  /** {@code record} calls that threw instead of accepting. */
  public static final String REJECTED = "activitylog.recorder.activities.rejected";

  /** Retries of a batch after the store was unavailable. */
  public static final String RETRIES = "activitylog.recorder.batch.retries";

  /** Activities waiting in the queue. */
  public static final String QUEUE_DEPTH = "activitylog.recorder.queue.depth";

  /** Estimated bytes waiting in the queue. */
  public static final String QUEUE_SIZE = "activitylog.recorder.queue.size";

  /** Activities in the batch being written. */
  public static final String IN_FLIGHT = "activitylog.recorder.in.flight";

  /** Committed batches and their total latency. */
  public static final String BATCH_LATENCY = "activitylog.recorder.batch.latency";

  /** The longest a committed batch took. */
  public static final String BATCH_LATENCY_MAX = "activitylog.recorder.batch.latency.max";

  /** The tag naming the recorder. */
  public static final String RECORDER_TAG = "recorder";

  /** The tag naming why activities were dropped. */
  public static final String REASON_TAG = "reason";

  private static final String ACTIVITIES = "activities";

  private final RecorderMetricsSource recorder;
  private final Tags tags;

  /**
   * Binds a recorder, or an ingestor, under a name.
   *
   * @param recorder the recorder or ingestor whose counters are read; the registry holds it weakly,
   *     as Micrometer does, so the host keeps its own reference
   * @param name the value of the {@code recorder} tag, telling recorders of one host apart
   */
  public ActivityRecorderMetrics(RecorderMetricsSource recorder, String name) {
    this(recorder, name, Tags.empty());
  }

  /**
   * Binds a recorder, or an ingestor, under a name, with further tags.
   *
   * @param recorder the recorder or ingestor whose counters are read; held weakly by the registry
   * @param name the value of the {@code recorder} tag, telling recorders of one host apart
   * @param tags further tags on every meter
   */
  public ActivityRecorderMetrics(RecorderMetricsSource recorder, String name, Iterable<Tag> tags) {
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.tags = Tags.concat(tags, RECORDER_TAG, Objects.requireNonNull(name, "name"));
  }

  /**
   * Registers the meters.
   *
   * @param registry the registry to add them to
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, ACCEPTED, "Activities record accepted", ACTIVITIES, m -> m.accepted(), tags);
    counter(registry, STORED, "Activities the store committed", ACTIVITIES, m -> m.stored(), tags);
    for (DropReason reason : DropReason.values()) {
      counter(
          registry,
          DROPPED,
          "Accepted activities that were never written",
          ACTIVITIES,
          m -> m.dropped(reason),
          tags.and(REASON_TAG, reason.name().toLowerCase(Locale.ROOT)));
    }
    counter(
        registry,
        FAILED,
        "Accepted activities the store refused, or that still failed after the last retry",
        ACTIVITIES,
        m -> m.failed(),
        tags);
    counter(
        registry,
        REJECTED,
        "Record calls that threw instead of accepting the activity",
        ACTIVITIES,
        m -> m.rejected(),
        tags);
    counter(
        registry,
        RETRIES,
        "Batches written again after the store was unavailable",
        "retries",
        m -> m.retried(),
        tags);
    gauge(
        registry, QUEUE_DEPTH, "Activities waiting in the queue", ACTIVITIES, m -> m.queueDepth());
    gauge(
        registry,
        QUEUE_SIZE,
        "Estimated size of the activities waiting in the queue",
        BaseUnits.BYTES,
        m -> m.queueBytes());
    gauge(
        registry,
        IN_FLIGHT,
        "Activities in the batch being written",
        ACTIVITIES,
        m -> m.inFlight());
    FunctionTimer.builder(
            BATCH_LATENCY,
            recorder,
            r -> r.metrics().batches(),
            r -> r.metrics().totalBatchLatency().toNanos(),
            TimeUnit.NANOSECONDS)
        .description("Batches the store committed and the time they took, retries included")
        .tags(tags)
        .register(registry);
    TimeGauge.builder(
            BATCH_LATENCY_MAX,
            recorder,
            TimeUnit.NANOSECONDS,
            r -> r.metrics().maxBatchLatency().toNanos())
        .description("The longest a committed batch took since the recorder started")
        .tags(tags)
        .register(registry);
  }

  private void counter(
      MeterRegistry registry,
      String name,
      String description,
      String unit,
      ToDoubleFunction<RecorderMetrics> value,
      Tags meterTags) {
    FunctionCounter.builder(name, recorder, r -> value.applyAsDouble(r.metrics()))
        .description(description)
        .baseUnit(unit)
        .tags(meterTags)
        .register(registry);
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      String unit,
      ToDoubleFunction<RecorderMetrics> value) {
    Gauge.builder(name, recorder, r -> value.applyAsDouble(r.metrics()))
        .description(description)
        .baseUnit(unit)
        .tags(tags)
        .register(registry);
  }
}
