package org.activitylog.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.NewActivity;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.kafka.internal.Failures;
import org.activitylog.kafka.internal.KafkaModule;
import org.activitylog.recorder.ActivitySink;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A recorder transport: writes each batch to a Kafka topic, one {@link ActivityRecordFormat} record
 * per activity, keyed by workspace group id so one tenant's activities stay in order on one
 * partition. Give it to {@code ActivityRecorder.builder(sink)}; a {@link KafkaIngestor} writes the
 * topic into a store.
 *
 * <pre>{@code
 * try (KafkaActivitySink sink = KafkaActivitySink.builder("127.0.0.1:9092", "activities").build();
 *     ActivityRecorder recorder = ActivityRecorder.builder(sink).synchronous().build()) {
 *   recorder.record(ActivityType.USER_LOGIN, user).workspaceGroupId(42).submit();
 * }
 * }</pre>
 *
 * <p>What the {@link ActivitySink} contract asks, and how it is kept:
 *
 * <ul>
 *   <li><b>Durable on return:</b> the producer is idempotent with {@code acks=all}, and {@link
 *       #write} returns only when the broker acknowledged every record of the batch. A synchronous
 *       recorder over this sink therefore loses nothing that {@code record()} returned for, even
 *       when the host is killed just after.
 *   <li><b>Idempotent on uid:</b> the record carries the uid the recorder fixed; a batch retried
 *       after a lost answer may put a record on the topic twice, and the ingestor's store insert
 *       keeps one.
 *   <li><b>Failures:</b> a broker that cannot be reached or does not acknowledge within the
 *       delivery timeout is a transient {@link StoreUnavailableException} ({@code UNREACHABLE}), so
 *       the recorder's retry and back-pressure policies apply unchanged; a record the broker
 *       refuses for its size is an {@link IllegalArgumentException}, a refusal of that activity;
 *       anything else the producer cannot recover from is a lasting {@code FAILED}.
 * </ul>
 *
 * <p>Thread-safe. {@link #close} closes the producer; close the recorder first.
 */
public final class KafkaActivitySink implements ActivitySink, AutoCloseable {
  static {
    KafkaModule.read();
  }

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final ActivityRecordFormat format;
  private final Duration deliveryTimeout;

  private KafkaActivitySink(Builder b) {
    this.topic = b.topic;
    this.format = ActivityRecordFormat.of(ActivityCatalogue.standard());
    this.deliveryTimeout = b.deliveryTimeout;
    Properties props = new Properties();
    props.putAll(b.properties);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    long delivery = b.deliveryTimeout.toMillis();
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(delivery));
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "1");
    // delivery.timeout.ms must cover linger plus one request.
    props.put(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(30_000, delivery - 5)));
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(delivery));
    this.producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Starts configuring a sink.
   *
   * @param bootstrapServers the brokers, {@code host:port} separated by commas
   * @param topic the topic the ingestors read
   * @return a new builder
   */
  public static Builder builder(String bootstrapServers, String topic) {
    return new Builder(bootstrapServers, topic);
  }

  /**
   * Produces the batch and waits until the broker acknowledged every record of it.
   *
   * @param batch the activities, each with its uid and creation time set
   * @throws StoreUnavailableException {@code UNREACHABLE} (transient) when the broker did not
   *     acknowledge the batch within the delivery timeout; some of it may be on the topic, which
   *     the retry settles by uid
   * @throws IllegalArgumentException when the broker refuses a record as too large
   */
  @Override
  public void write(List<NewActivity> batch) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
    try {
      for (NewActivity activity : batch) {
        byte[] key =
            Long.toString(activity.content().workspaceGroupId()).getBytes(StandardCharsets.UTF_8);
        sent.add(producer.send(new ProducerRecord<>(topic, key, format.write(activity))));
      }
      long deadline = System.nanoTime() + deliveryTimeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
      for (Future<RecordMetadata> f : sent) {
        // The producer fails each record by its delivery timeout; the margin only guards a hang.
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException e) {
      throw Failures.ofProducer(e.getCause() == null ? e : e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new StoreUnavailableException(
          StoreUnavailableException.Reason.UNREACHABLE,
          "the Kafka broker did not acknowledge the batch in time",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(
          StoreUnavailableException.Reason.UNREACHABLE,
          "interrupted while waiting for the Kafka broker",
          e);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw Failures.ofProducer(e);
    }
  }

  /** Closes the producer, waiting up to the delivery timeout for records in flight. */
  @Override
  public void close() {
    producer.close(deliveryTimeout);
  }

  @Override
  public String toString() {
    return "KafkaActivitySink[topic=" + topic + "]";
  }

  /** Configures a {@link KafkaActivitySink}. Not thread-safe. */
  public static final class Builder {
    private final String bootstrapServers;
    private final String topic;
    private final Map<String, Object> properties = new HashMap<>();
    private Duration deliveryTimeout = Duration.ofSeconds(30);

    private Builder(String bootstrapServers, String topic) {
      this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * Sets how long a batch may wait for the broker before {@link #write} gives up with a transient
     * failure (the producer's {@code delivery.timeout.ms} and {@code max.block.ms}). Default 30
     * seconds; the recorder's retry policy decides what happens next.
     *
     * @param value at least one second
     * @return this builder
     */
    public Builder deliveryTimeout(Duration value) {
      if (value.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("deliveryTimeout must be at least one second");
      }
      this.deliveryTimeout = value;
      return this;
    }

    /**
     * Sets a producer property (security, compression, client id). Idempotence, {@code acks},
     * serializers and the timeouts are the sink's and cannot be overridden.
     *
     * @param name the property's name
     * @param value its value
     * @return this builder
     */
    public Builder property(String name, Object value) {
      properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** {@return the sink, its producer connected lazily} */
    public KafkaActivitySink build() {
      return new KafkaActivitySink(this);
    }
  }
}
