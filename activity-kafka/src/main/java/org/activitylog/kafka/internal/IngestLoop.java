package org.activitylog.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.activitylog.api.NewActivity;
import org.activitylog.api.ValidationException;
import org.activitylog.kafka.ActivityRecordFormat;
import org.activitylog.kafka.UnreadableRecordException;
import org.activitylog.recorder.RecorderListener;
import org.activitylog.recorder.RecorderMetrics;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * The ingestor's thread: poll, read, write to the store, dead-letter, commit. Every step that can
 * fail before the offset commit leaves the batch to be read again, so nothing is skipped.
 */
public final class IngestLoop implements Runnable {
  private static final System.Logger LOG = System.getLogger(IngestLoop.class.getName());

  /**
   * Timing of the loop.
   *
   * @param pollTimeout the longest one poll waits for records
   * @param minBackoff the first pause after a failed batch
   * @param maxBackoff the longest pause
   */
  public record Settings(Duration pollTimeout, Duration minBackoff, Duration maxBackoff) {}

  private final Properties consumerProperties;
  private final Properties producerProperties;
  private final String topic;
  private final String deadLetterTopic;
  private final ActivityRecordFormat format;
  private final Consumer<List<NewActivity>> insertAll;
  private final Settings settings;
  private final Runnable afterDatabaseCommit;
  private final RecorderListener listener;

  private final AtomicLong written = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong lag = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong lastLatency = new AtomicLong();
  private final AtomicLong maxLatency = new AtomicLong();
  private final AtomicLong totalLatency = new AtomicLong();
  private volatile int inFlight;

  /** When the first failed attempt at the batch being retried started; 0 when none failed. */
  private long retryingSince;

  /** Failed attempts in a row. */
  private int failures;

  private volatile boolean stopping;
  private volatile @Nullable Throwable failure;
  private volatile @Nullable KafkaConsumer<byte[], byte[]> consumer;

  /** Offsets of batches the store committed, not yet committed to the group. */
  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();

  private boolean crashed;

  /**
   * Creates the loop; {@link #run} opens the clients.
   *
   * @param consumerProperties the consumer's, group and auto commit included
   * @param producerProperties the dead-letter producer's
   * @param topic the topic to read
   * @param deadLetterTopic where bad records go
   * @param format how records read
   * @param insertAll the store's idempotent batch insert
   * @param settings timing
   * @param afterDatabaseCommit test hook between the database commit and the offset commit; when it
   *     throws, the loop ends as a killed process would, without committing offsets
   * @param listener hears committed batches, retries and dead letters
   */
  public IngestLoop(
      Properties consumerProperties,
      Properties producerProperties,
      String topic,
      String deadLetterTopic,
      ActivityRecordFormat format,
      Consumer<List<NewActivity>> insertAll,
      Settings settings,
      Runnable afterDatabaseCommit,
      RecorderListener listener) {
    this.consumerProperties = consumerProperties;
    this.producerProperties = producerProperties;
    this.topic = topic;
    this.deadLetterTopic = deadLetterTopic;
    this.format = format;
    this.insertAll = insertAll;
    this.settings = settings;
    this.afterDatabaseCommit = afterDatabaseCommit;
    this.listener = listener;
  }

  /**
   * {@return the counters now, in the recorder's terms: stored is written, failed is dead-lettered,
   * accepted is their sum, queue depth is the lag}
   */
  public RecorderMetrics metrics() {
    long storedNow = written.get();
    long failedNow = deadLettered.get();
    return new RecorderMetrics(
        storedNow + failedNow,
        storedNow,
        Map.of(),
        failedNow,
        0,
        retried.get(),
        (int) Math.min(Integer.MAX_VALUE, lag.get()),
        0,
        inFlight,
        batches.get(),
        Duration.ofNanos(lastLatency.get()),
        Duration.ofNanos(maxLatency.get()),
        Duration.ofNanos(totalLatency.get()));
  }

  /** {@return what ended the loop other than {@link #stop}} */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Asks the loop to end; it commits what was written and closes its clients. */
  public void stop() {
    stopping = true;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  @Override
  public void run() {
    try (KafkaConsumer<byte[], byte[]> c =
            new KafkaConsumer<>(
                consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> dlq =
            new KafkaProducer<>(
                producerProperties, new ByteArraySerializer(), new ByteArraySerializer())) {
      consumer = c;
      c.subscribe(List.of(topic), new CommitOnRevoke(c));
      poll(c, dlq);
    } catch (Crash e) {
      LOG.log(System.Logger.Level.WARNING, "ingestor stopped by its test hook", e);
    } catch (RuntimeException | Error e) {
      failure = e;
      LOG.log(System.Logger.Level.ERROR, "the Kafka ingestor stopped", e);
    }
  }

  private void poll(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> dlq) {
    long resumeAt = 0;
    Duration backoff = settings.minBackoff();
    while (!stopping) {
      if (resumeAt != 0 && System.nanoTime() - resumeAt >= 0) {
        c.resume(c.paused());
        resumeAt = 0;
      }
      ConsumerRecords<byte[], byte[]> records;
      try {
        records = c.poll(settings.pollTimeout());
      } catch (WakeupException e) {
        if (stopping) {
          return;
        }
        continue;
      }
      updateLag(c);
      if (records.isEmpty()) {
        continue;
      }
      RuntimeException failed = write(c, dlq, records);
      if (failed == null) {
        backoff = settings.minBackoff();
        continue;
      }
      retried.incrementAndGet();
      Duration pause = backoff;
      int attempt = ++failures;
      tell(l -> l.onRetry(attempt, pause, failed));
      // Read the batch again from its first offsets once the pause is over; pausing keeps the
      // consumer in its group while nothing is fetched.
      for (TopicPartition tp : records.partitions()) {
        c.seek(tp, records.records(tp).get(0).offset());
      }
      c.pause(c.assignment());
      resumeAt = System.nanoTime() + backoff.toNanos();
      backoff = backoff.multipliedBy(2);
      if (backoff.compareTo(settings.maxBackoff()) > 0) {
        backoff = settings.maxBackoff();
      }
    }
  }

  /** Writes a batch and commits its offsets; what failed when it must be read again. */
  private @Nullable RuntimeException write(
      KafkaConsumer<byte[], byte[]> c,
      KafkaProducer<byte[], byte[]> dlq,
      ConsumerRecords<byte[], byte[]> records) {
    long start = System.nanoTime();
    if (retryingSince == 0) {
      retryingSince = start;
    }
    inFlight = records.count();
    List<NewActivity> good = new ArrayList<>();
    List<ConsumerRecord<byte[], byte[]>> goodRecords = new ArrayList<>();
    List<DeadLetter> bad = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      try {
        good.add(format.read(r.value()));
        goodRecords.add(r);
      } catch (UnreadableRecordException e) {
        bad.add(new DeadLetter(r, "unreadable", e));
      } catch (ValidationException e) {
        bad.add(new DeadLetter(r, "refused", e));
      }
    }
    long stored;
    try {
      stored = insert(good, goodRecords, bad);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "the store did not take a batch of " + good.size() + "; it will be read again",
          e);
      return e;
    }
    try {
      sendDeadLetters(dlq, bad);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "the dead-letter topic did not take " + bad.size() + " records; reading the batch again",
          e);
      return e;
    }
    try {
      afterDatabaseCommit.run();
    } catch (RuntimeException e) {
      crashed = true;
      throw new Crash(e);
    }
    written.addAndGet(stored);
    deadLettered.addAndGet(bad.size());
    inFlight = 0;
    failures = 0;
    // Retries included, as the recorder times its batches.
    long latency = System.nanoTime() - retryingSince;
    retryingSince = 0;
    if (stored > 0) {
      batches.incrementAndGet();
      lastLatency.set(latency);
      maxLatency.accumulateAndGet(latency, Math::max);
      totalLatency.addAndGet(latency);
      int size = (int) stored;
      tell(l -> l.onBatchStored(size, Duration.ofNanos(latency)));
    }
    for (DeadLetter d : bad) {
      tell(l -> l.onFailed(1, d.cause()));
    }
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> list = records.records(tp);
      pending.put(tp, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
    }
    commitPending(c, null);
    return null;
  }

  /** Inserts the batch; when the store refuses one of it, inserts one by one to isolate it. */
  private long insert(
      List<NewActivity> good,
      List<ConsumerRecord<byte[], byte[]>> goodRecords,
      List<DeadLetter> bad) {
    if (good.isEmpty()) {
      return 0;
    }
    try {
      insertAll.accept(good);
      return good.size();
    } catch (ValidationException refused) {
      long stored = 0;
      for (int i = 0; i < good.size(); i++) {
        try {
          insertAll.accept(List.of(good.get(i)));
          stored++;
        } catch (ValidationException e) {
          bad.add(new DeadLetter(goodRecords.get(i), "refused", e));
        }
      }
      return stored;
    }
  }

  private void sendDeadLetters(KafkaProducer<byte[], byte[]> dlq, List<DeadLetter> bad) {
    if (bad.isEmpty()) {
      return;
    }
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (DeadLetter d : bad) {
      ConsumerRecord<byte[], byte[]> r = d.record();
      ProducerRecord<byte[], byte[]> out =
          new ProducerRecord<>(deadLetterTopic, null, r.key(), r.value(), r.headers());
      Headers h = out.headers();
      h.add(org.activitylog.kafka.KafkaIngestor.REASON_HEADER, utf8(d.reason()));
      h.add(
          org.activitylog.kafka.KafkaIngestor.MESSAGE_HEADER,
          utf8(String.valueOf(d.cause().getMessage())));
      h.add(org.activitylog.kafka.KafkaIngestor.TOPIC_HEADER, utf8(r.topic()));
      h.add(
          org.activitylog.kafka.KafkaIngestor.PARTITION_HEADER,
          utf8(Integer.toString(r.partition())));
      h.add(org.activitylog.kafka.KafkaIngestor.OFFSET_HEADER, utf8(Long.toString(r.offset())));
      sent.add(dlq.send(out));
    }
    try {
      for (Future<RecordMetadata> f : sent) {
        f.get(2, TimeUnit.MINUTES);
      }
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new KafkaException("the dead-letter topic did not acknowledge", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while dead-lettering", e);
    }
  }

  /** Commits pending offsets (only those of {@code only} when given); keeps them on a failure. */
  private void commitPending(
      KafkaConsumer<byte[], byte[]> c, @Nullable Collection<TopicPartition> only) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(pending);
    if (only != null) {
      offsets.keySet().retainAll(only);
    }
    if (offsets.isEmpty()) {
      return;
    }
    try {
      c.commitSync(offsets);
      offsets.keySet().forEach(pending::remove);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The partitions moved on; their new owner reads from the last commit and the store dedups.
      offsets.keySet().forEach(pending::remove);
      LOG.log(System.Logger.Level.INFO, "offsets not committed; the batch will be replayed", e);
    } catch (WakeupException e) {
      if (!stopping) {
        throw e;
      }
      commitPending(c, only);
    } catch (KafkaException e) {
      LOG.log(System.Logger.Level.WARNING, "offset commit failed; retried with the next", e);
    }
  }

  private void updateLag(KafkaConsumer<byte[], byte[]> c) {
    long sum = 0;
    for (TopicPartition tp : c.assignment()) {
      OptionalLong l = c.currentLag(tp);
      if (l.isPresent()) {
        sum += l.getAsLong();
      }
    }
    lag.set(sum);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Calls the listener; a broken metrics hook must not stop the ingestion. */
  private void tell(Consumer<RecorderListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING, "the ingestor's listener threw; ingestion carries on", e);
    }
  }

  private record DeadLetter(
      ConsumerRecord<byte[], byte[]> record, String reason, RuntimeException cause) {}

  /** The test hook threw: end as a killed process would. */
  private static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(Throwable cause) {
      super(cause);
    }
  }

  private final class CommitOnRevoke implements ConsumerRebalanceListener {
    private final KafkaConsumer<byte[], byte[]> c;

    CommitOnRevoke(KafkaConsumer<byte[], byte[]> c) {
      this.c = c;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!crashed) {
        commitPending(c, partitions);
      }
      partitions.forEach(pending::remove);
      // A batch waiting for its retry is read again by the partitions' next owner.
      inFlight = 0;
      retryingSince = 0;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(pending::remove);
      inFlight = 0;
      retryingSince = 0;
    }
  }
}
