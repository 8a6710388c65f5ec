package org.activitylog.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.kafka.internal.IngestLoop;
import org.activitylog.kafka.internal.KafkaModule;
import org.activitylog.recorder.RecorderListener;
import org.activitylog.recorder.RecorderMetrics;
import org.activitylog.recorder.RecorderMetricsSource;
import org.activitylog.spi.ActivityStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Writes a topic of {@link ActivityRecordFormat} records into a store, exactly once: one member of
 * a Kafka consumer group that reads batches, writes each with the store's idempotent {@code
 * insertAll}, and commits the batch's offsets only after the database committed. A crash between
 * the two replays the batch, and the (workspace group, uid) key makes the replay store nothing
 * twice. Start as many instances, in as many processes, as there are partitions to share; a
 * rebalance commits what each had written before its partitions move.
 *
 * <pre>{@code
 * KafkaIngestor ingestor =
 *     KafkaIngestor.builder("127.0.0.1:9092", "activities", "activitylog-ingest", store)
 *         .build()
 *         .start();
 * // ...
 * ingestor.close();
 * }</pre>
 *
 * <ul>
 *   <li><b>Store down:</b> a batch the store cannot take (any exception but a {@link
 *       org.activitylog.api.ValidationException}) is not skipped: the ingestor seeks back to its
 *       first offsets, pauses its partitions for a backoff that doubles up to a bound, and reads
 *       the batch again; counted in {@link RecorderMetrics#retried()}.
 *   <li><b>Bad records:</b> a record that cannot be read ({@link UnreadableRecordException}) or
 *       whose activity is refused by validation, by the model or the store, goes to the dead-letter
 *       topic with its key, value and headers and these headers added: {@value #REASON_HEADER}
 *       ({@code unreadable} or {@code refused}), {@value #MESSAGE_HEADER}, and the source's {@value
 *       #TOPIC_HEADER}, {@value #PARTITION_HEADER}, {@value #OFFSET_HEADER}. Its offset is
 *       committed with the batch once the dead-letter topic acknowledged it, so it never blocks the
 *       partition.
 * </ul>
 *
 * <p><b>Metrics</b> are the recorder's, so a host wires one listener and one metrics binding for
 * both (activity-micrometer's {@code ActivityRecorderMetrics} binds any {@link
 * RecorderMetricsSource}): {@link #metrics()} is a {@link RecorderMetrics} snapshot, and a {@link
 * RecorderListener} set with {@link Builder#listener} hears each event on the ingestor's thread.
 * For an ingestor the snapshot's fields mean:
 *
 * <table>
 *   <caption>RecorderMetrics of an ingestor</caption>
 *   <tr><th>field</th><th>an ingestor's meaning</th><th>listener call</th></tr>
 *   <tr><td>{@code stored}</td><td>written: activities the store's batch insert took, replays of
 *       already stored uids included</td><td>{@code onBatchStored(size, latency)} after each
 *       database commit</td></tr>
 *   <tr><td>{@code failed}</td><td>dead-lettered: records sent to the dead-letter
 *       topic</td><td>{@code onFailed(1, cause)} per record, the cause an {@link
 *       UnreadableRecordException} or a {@link org.activitylog.api.ValidationException}</td></tr>
 *   <tr><td>{@code retried}</td><td>batches read again after the store or the dead-letter topic
 *       failed</td><td>{@code onRetry(attempt, backoff, cause)}</td></tr>
 *   <tr><td>{@code queueDepth}</td><td>lag: records on this instance's partitions not yet read,
 *       as the consumer last saw them (0 before the first read)</td><td></td></tr>
 *   <tr><td>{@code inFlight}</td><td>records read and not yet written: the batch being written,
 *       or waiting for its retry</td><td></td></tr>
 *   <tr><td>{@code batches}, latencies</td><td>committed batches, each timed from its first
 *       attempt, retries included</td><td></td></tr>
 *   <tr><td>{@code accepted}</td><td>{@code stored + failed}: each record read ends written or
 *       dead-lettered</td><td></td></tr>
 *   <tr><td>{@code dropped}, {@code rejected}, {@code queueBytes}</td><td>always 0: the
 *       ingestor drops nothing and nothing calls {@code record} on it</td><td></td></tr>
 * </table>
 *
 * <p>One thread per instance polls, writes and commits. Thread-safe; the store is never closed.
 */
public final class KafkaIngestor implements AutoCloseable, RecorderMetricsSource {
  static {
    KafkaModule.read();
  }

  /** Dead-letter header: {@code unreadable} or {@code refused}. */
  public static final String REASON_HEADER = "activitylog.dead-letter.reason";

  /** Dead-letter header: what was wrong, in words. */
  public static final String MESSAGE_HEADER = "activitylog.dead-letter.message";

  /** Dead-letter header: the topic the record came from. */
  public static final String TOPIC_HEADER = "activitylog.dead-letter.topic";

  /** Dead-letter header: its partition, in decimal. */
  public static final String PARTITION_HEADER = "activitylog.dead-letter.partition";

  /** Dead-letter header: its offset, in decimal. */
  public static final String OFFSET_HEADER = "activitylog.dead-letter.offset";

  private final IngestLoop loop;
  private final Thread thread;
  private final Duration closeTimeout;

  private KafkaIngestor(Builder b) {
    Properties consumer = new Properties();
    consumer.putAll(b.properties);
    consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, b.groupId);
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(b.maxBatch));
    Properties producer = new Properties();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    b.producerProperties.forEach(producer::put);
    this.loop =
        new IngestLoop(
            consumer,
            producer,
            b.topic,
            b.deadLetterTopic,
            ActivityRecordFormat.of(b.catalogue),
            b.store.activities()::insertAll,
            new IngestLoop.Settings(b.pollTimeout, b.minBackoff, b.maxBackoff),
            b.afterDatabaseCommit,
            b.listener);
    this.closeTimeout = b.closeTimeout;
    this.thread = new Thread(loop, "activitylog-kafka-ingestor-" + b.groupId);
    thread.setDaemon(true);
  }

  /**
   * Starts configuring an ingestor.
   *
   * @param bootstrapServers the brokers, {@code host:port} separated by commas
   * @param topic the topic {@link KafkaActivitySink}s write
   * @param groupId the consumer group all instances that share the topic join
   * @param store where activities are written; never closed by the ingestor
   * @return a new builder
   */
  public static Builder builder(
      String bootstrapServers, String topic, String groupId, ActivityStore store) {
    return new Builder(bootstrapServers, topic, groupId, store);
  }

  /**
   * Starts the polling thread.
   *
   * @return this ingestor
   * @throws IllegalStateException when it was started before
   */
  public KafkaIngestor start() {
    thread.start();
    return this;
  }

  /**
   * {@return a snapshot of the counters, in the recorder's terms (see the table above): {@code
   * stored} written, {@code failed} dead-lettered, {@code queueDepth} the lag}
   */
  @Override
  public RecorderMetrics metrics() {
    return loop.metrics();
  }

  /**
   * {@return what stopped the polling thread, when something other than {@link #close} did: a
   * failure of the consumer it cannot recover from, such as a missing authorization}
   */
  public Optional<Throwable> failure() {
    return loop.failure();
  }

  /**
   * Stops polling, commits what was written, leaves the group (its partitions go to the other
   * instances) and closes the clients, waiting up to the close timeout.
   */
  @Override
  public void close() {
    loop.stop();
    try {
      thread.join(closeTimeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "KafkaIngestor[" + thread.getName() + ", " + metrics() + "]";
  }

  /** Configures a {@link KafkaIngestor}. Not thread-safe. */
  public static final class Builder {
    private final String bootstrapServers;
    private final String topic;
    private final String groupId;
    private final ActivityStore store;
    private String deadLetterTopic;
    private ActivityCatalogue catalogue = ActivityCatalogue.standard();
    private int maxBatch = 500;
    private Duration pollTimeout = Duration.ofMillis(500);
    private Duration minBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Duration closeTimeout = Duration.ofSeconds(30);
    private final Map<String, Object> properties = new HashMap<>();
    private final Map<String, Object> producerProperties = new HashMap<>();
    private Runnable afterDatabaseCommit = () -> {};
    private RecorderListener listener = RecorderListener.NONE;

    private Builder(String bootstrapServers, String topic, String groupId, ActivityStore store) {
      this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      this.topic = Objects.requireNonNull(topic, "topic");
      this.groupId = Objects.requireNonNull(groupId, "groupId");
      this.store = Objects.requireNonNull(store, "store");
      this.deadLetterTopic = topic + ".dead-letter";
    }

    /**
     * Sets the dead-letter topic. Default: the topic's name followed by {@code .dead-letter}.
     *
     * @param value the topic
     * @return this builder
     */
    public Builder deadLetterTopic(String value) {
      this.deadLetterTopic = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets the types that records' codes resolve to. Default: the seeds' types only.
     *
     * @param value the host's catalogue
     * @return this builder
     */
    public Builder catalogue(ActivityCatalogue value) {
      this.catalogue = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets the most records read and written as one batch ({@code max.poll.records}). Default 500.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder maxBatch(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxBatch must be at least 1");
      }
      this.maxBatch = value;
      return this;
    }

    /**
     * Sets the longest one poll waits for records; also how soon {@link KafkaIngestor#close} is
     * noticed between records. Default 500 ms.
     *
     * @param value more than zero
     * @return this builder
     */
    public Builder pollTimeout(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("pollTimeout must be more than zero");
      }
      this.pollTimeout = value;
      return this;
    }

    /**
     * Sets the pause after a failed batch: it starts at {@code min} and doubles after each failure
     * in a row up to {@code max}. Default 100 ms to 5 s.
     *
     * @param min the first pause
     * @param max the longest pause, under the consumer's {@code max.poll.interval.ms}
     * @return this builder
     */
    public Builder backoff(Duration min, Duration max) {
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException("backoff needs 0 <= min <= max");
      }
      this.minBackoff = min;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets how long {@link KafkaIngestor#close} waits for the thread. Default 30 seconds.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder closeTimeout(Duration value) {
      this.closeTimeout = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets a consumer property (security, {@code session.timeout.ms}, client id). The group, auto
     * commit (off), {@code max.poll.records} and the deserializers are the ingestor's.
     *
     * @param name the property's name
     * @param value its value
     * @return this builder
     */
    public Builder property(String name, Object value) {
      properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets a property of the dead-letter producer (security, timeouts).
     *
     * @param name the property's name
     * @param value its value
     * @return this builder
     */
    public Builder producerProperty(String name, Object value) {
      producerProperties.put(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the listener that hears committed batches, retries and dead letters, as a recorder's
     * does (see the class's table); called on the ingestor's thread, so it must be fast. An
     * exception it throws is logged and otherwise ignored. Default: {@link RecorderListener#NONE}.
     *
     * @param value the listener; the same object may listen to recorders too
     * @return this builder
     */
    public Builder listener(RecorderListener value) {
      this.listener = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Test hook: runs after each database commit, before the offsets are committed. */
    Builder afterDatabaseCommit(Runnable hook) {
      this.afterDatabaseCommit = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** {@return the ingestor, not started} */
    public KafkaIngestor build() {
      return new KafkaIngestor(this);
    }
  }
}
