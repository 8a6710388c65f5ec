package org.activitylog.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.UserSimple;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.micrometer.ActivityRecorderMetrics;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.Receipt;
import org.activitylog.recorder.RecorderListener;
import org.activitylog.recorder.RecorderMetrics;
import org.activitylog.recorder.RetryPolicy;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.ForwardingActivityRepository;
import org.activitylog.spi.ForwardingActivityStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The transport and the ingestor against a real Kafka broker (a child JVM, {@link KafkaBroker}) and
 * the in-memory store. Each test uses its own topic, consumer group and workspace groups, and
 * checks the end-to-end rule: every accepted activity is stored once or dead-lettered, none twice.
 */
class KafkaIngestionTest {
  private static KafkaBroker broker;

  private String topic;
  private String group;
  private InMemoryActivityStore memory;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.shared();
  }

  @BeforeEach
  void freshTopic() {
    String id = UUID.randomUUID().toString().substring(0, 8);
    topic = "activities-" + id;
    group = "ingest-" + id;
    broker.createTopics(3, topic, topic + ".dead-letter");
    memory = InMemoryActivityStore.create(Clock.systemUTC());
  }

  @org.junit.jupiter.api.AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Nested
  @DisplayName("Transport")
  class Transport {
    /**
     * If this fails, check KafkaActivitySink.write (key, record) and the ingestor's write path; the
     * failure shows what the store holds.
     */
    @Test
    @DisplayName("Activities recorded through the sink are stored once each, in order per tenant")
    void recorderOverKafka() {
      KafkaActivitySink sink = sink(Duration.ofSeconds(30));
      ActivityRecorder recorder = track(ActivityRecorder.builder(sink).synchronous().build());
      ingestor(memory).start();
      Map<Long, List<UUID>> byGroup = new HashMap<>();
      for (int i = 0; i < 120; i++) {
        long wg = tenant(i % 4);
        Receipt r = recorder.record(activity(wg));
        byGroup.computeIfAbsent(wg, k -> new ArrayList<>()).add(r.uid());
      }
      awaitStored(byGroup);
      byGroup.forEach(
          (wg, uids) ->
              assertThat(stored(wg).stream().map(Activity::uid).toList())
                  .as("tenant %s's activities in id order", wg)
                  .containsExactlyElementsOf(uids));
    }

    /** If this fails, check Failures.ofProducer: an unreachable broker must be transient. */
    @Test
    @DisplayName("A broker that cannot be reached is a transient StoreUnavailableException")
    void unreachable() throws Exception {
      int port;
      try (var s = new java.net.ServerSocket(0)) {
        port = s.getLocalPort();
      }
      KafkaActivitySink dead =
          track(
              KafkaActivitySink.builder("127.0.0.1:" + port, topic)
                  .deliveryTimeout(Duration.ofSeconds(2))
                  .build());
      assertThatThrownBy(() -> dead.write(List.of(stamped(tenant(0)))))
          .isInstanceOfSatisfying(
              StoreUnavailableException.class,
              e -> assertThat(e.reason().isTransient()).as(e.reason().name()).isTrue());
    }
  }

  @Nested
  @DisplayName("Dead letters")
  class DeadLetters {
    /**
     * If this fails, check IngestLoop.write: bad records must go to the dead-letter topic with
     * their reason, and the good ones around them must still be stored.
     */
    @Test
    @DisplayName("Unreadable and refused records go to the dead-letter topic and never block")
    void badRecords() throws Exception {
      long wg = tenant(0);
      ActivityRecordFormat format =
          ActivityRecordFormat.of(org.activitylog.api.ActivityCatalogue.standard());
      List<byte[]> values = new ArrayList<>();
      List<UUID> good = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        NewActivity a = stamped(wg);
        good.add(a.uid());
        values.add(format.write(a));
        if (i == 3) {
          values.add("not json".getBytes(StandardCharsets.UTF_8));
        }
        if (i == 5) {
          values.add("{\"v\":2}".getBytes(StandardCharsets.UTF_8));
        }
        if (i == 7) {
          values.add(
              new String(format.write(stamped(wg)), StandardCharsets.UTF_8)
                  .replace("\"workspace_group_id\":" + wg, "\"workspace_group_id\":-3")
                  .getBytes(StandardCharsets.UTF_8));
        }
      }
      produceRaw(Long.toString(wg), values);
      KafkaIngestor ingestor = ingestor(memory).start();
      awaitStored(Map.of(wg, good));
      List<ConsumerRecord<byte[], byte[]>> dead = readAll(topic + ".dead-letter", 3);
      assertThat(dead)
          .extracting(r -> header(r, KafkaIngestor.REASON_HEADER))
          .containsExactlyInAnyOrder("unreadable", "unreadable", "refused");
      assertThat(dead)
          .allSatisfy(r -> assertThat(header(r, KafkaIngestor.MESSAGE_HEADER)).isNotEmpty());
      await(() -> ingestor.metrics().failed() == 3, "3 dead-lettered: " + ingestor.metrics());
      assertThat(values).hasSize(good.size() + dead.size());
    }
  }

  @Nested
  @DisplayName("Refused by the store")
  class RefusedByStore {
    /**
     * If this fails, check IngestLoop.insert: when the store refuses a batch by validation, the
     * activities must be written one by one so that only the refused one is dead-lettered.
     */
    @Test
    @DisplayName(
        "An activity the store refuses is dead-lettered alone; the rest of its batch is stored")
    void isolated() {
      long wg = tenant(1);
      Map<Long, List<UUID>> accepted = new HashMap<>();
      List<NewActivity> batch = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        batch.add(stamped(wg));
      }
      UUID refused = batch.get(17).uid();
      ActivityStore picky =
          new ForwardingActivityStore(memory) {
            private final ActivityRepository repository =
                new ForwardingActivityRepository(memory.activities()) {
                  @Override
                  public List<Activity> insertAll(List<NewActivity> activities) {
                    for (NewActivity a : activities) {
                      if (refused.equals(a.uid())) {
                        throw new org.activitylog.api.ValidationException(
                            "text", "refused by the store (test)");
                      }
                    }
                    return super.insertAll(activities);
                  }
                };

            @Override
            public ActivityRepository activities() {
              return repository;
            }
          };
      KafkaIngestor ingestor = ingestor(picky).start();
      writeRetrying(sink(Duration.ofSeconds(30)), batch);
      batch.stream()
          .filter(a -> !refused.equals(a.uid()))
          .forEach(a -> accepted.computeIfAbsent(wg, k -> new ArrayList<>()).add(a.uid()));
      awaitStored(accepted);
      List<ConsumerRecord<byte[], byte[]>> dead = readAll(topic + ".dead-letter", 1);
      assertThat(dead)
          .extracting(r -> header(r, KafkaIngestor.REASON_HEADER))
          .containsExactly("refused");
      assertThat(header(dead.get(0), KafkaIngestor.MESSAGE_HEADER))
          .contains("refused by the store");
      await(() -> ingestor.metrics().failed() == 1, "1 dead-lettered: " + ingestor.metrics());
      assertThat(ingestor.metrics().stored()).isEqualTo(29);
    }
  }

  @Nested
  @DisplayName("Metrics")
  class Metrics {
    /**
     * If this fails, check IngestLoop's counters and listener calls (stored is written, failed is
     * dead-lettered, retries, queue depth is the lag) and that KafkaIngestor is a
     * RecorderMetricsSource the recorder's Micrometer binder reads; the failure shows the meters.
     */
    @Test
    @DisplayName(
        "The ingestor's written, dead-lettered, retried and lag reach a registry as a recorder's do")
    void boundLikeARecorder() throws Exception {
      long wg = tenant(2);
      ActivityRecordFormat format =
          ActivityRecordFormat.of(org.activitylog.api.ActivityCatalogue.standard());
      List<byte[]> values = new ArrayList<>();
      List<UUID> good = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        NewActivity a = stamped(wg);
        good.add(a.uid());
        values.add(format.write(a));
        if (i % 20 == 7) {
          values.add("not json".getBytes(StandardCharsets.UTF_8));
        }
      }
      produceRaw(Long.toString(wg), values);
      AtomicBoolean down = new AtomicBoolean(true);
      CountingListener heard = new CountingListener();
      KafkaIngestor ingestor =
          track(
              ingestorBuilder(new SwitchableStore(memory, down))
                  .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                  .listener(heard)
                  .build());
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new ActivityRecorderMetrics(ingestor, "ingest").bindTo(registry);
      Tags tags = Tags.of(ActivityRecorderMetrics.RECORDER_TAG, "ingest");
      ingestor.start();

      await(() -> ingestor.metrics().retried() >= 2, "retries while the database is down");
      assertThat(gauge(registry, ActivityRecorderMetrics.IN_FLIGHT, tags))
          .as("the batch waiting for its retry: %s", ingestor.metrics())
          .isPositive();
      assertThat(counter(registry, ActivityRecorderMetrics.STORED, tags)).isZero();

      down.set(false);
      awaitStored(Map.of(wg, good));
      await(
          () ->
              ingestor.metrics().failed() == 2
                  && ingestor.metrics().queueDepth() == 0
                  && ingestor.metrics().inFlight() == 0,
          "2 dead-lettered and nothing left to read: " + ingestor.metrics());
      RecorderMetrics m = ingestor.metrics();
      assertThat(counter(registry, ActivityRecorderMetrics.STORED, tags)).isEqualTo(40);
      assertThat(counter(registry, ActivityRecorderMetrics.FAILED, tags)).isEqualTo(2);
      assertThat(counter(registry, ActivityRecorderMetrics.ACCEPTED, tags))
          .as("accepted = stored + dead-lettered")
          .isEqualTo(42);
      assertThat(counter(registry, ActivityRecorderMetrics.RETRIES, tags))
          .isEqualTo(m.retried())
          .isGreaterThanOrEqualTo(2);
      assertThat(gauge(registry, ActivityRecorderMetrics.QUEUE_DEPTH, tags)).isZero();
      assertThat(
              registry
                  .get(ActivityRecorderMetrics.BATCH_LATENCY)
                  .tags(tags)
                  .functionTimer()
                  .count())
          .isEqualTo(m.batches())
          .isPositive();
      assertThat(
              counter(
                  registry,
                  ActivityRecorderMetrics.DROPPED,
                  tags.and(ActivityRecorderMetrics.REASON_TAG, "queue_full")))
          .isZero();

      assertThat(heard.stored.get()).as("onBatchStored sizes").isEqualTo(40);
      assertThat(heard.batches.get()).as("onBatchStored calls").isEqualTo(m.batches());
      assertThat(heard.retries.get()).as("onRetry calls").isEqualTo(m.retried());
      assertThat(heard.failures).as("onFailed causes").hasSize(2);
      assertThat(heard.failures).allMatch(e -> e instanceof UnreadableRecordException);
      registry.close();
    }

    /**
     * If this fails, check IngestLoop.updateLag: records on the topic that the ingestor has not
     * read yet must show as its queue depth.
     */
    @Test
    @DisplayName("Records waiting on the topic show as the ingestor's queue depth")
    void lag() throws Exception {
      long wg = tenant(3);
      ActivityRecordFormat format =
          ActivityRecordFormat.of(org.activitylog.api.ActivityCatalogue.standard());
      List<byte[]> values = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        values.add(format.write(stamped(wg)));
      }
      produceRaw(Long.toString(wg), values);
      AtomicInteger calls = new AtomicInteger();
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      ActivityStore held =
          new ForwardingActivityStore(memory) {
            private final ActivityRepository repository =
                new ForwardingActivityRepository(memory.activities()) {
                  @Override
                  public List<Activity> insertAll(List<NewActivity> activities) {
                    calls.incrementAndGet();
                    try {
                      release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return super.insertAll(activities);
                  }
                };

            @Override
            public ActivityRepository activities() {
              return repository;
            }
          };
      KafkaIngestor ingestor = track(ingestorBuilder(held).maxBatch(10).build()).start();
      await(() -> calls.get() == 1, "the first batch reached the store");
      // The first batch of 10 is in the store's hands; the 50 behind it wait on the topic.
      RecorderMetrics m = ingestor.metrics();
      assertThat(m.inFlight()).as("%s", m).isEqualTo(10);
      assertThat(m.queueDepth()).as("%s", m).isEqualTo(50);
      release.countDown();
      await(
          () -> ingestor.metrics().stored() == 60 && ingestor.metrics().queueDepth() == 0,
          "caught up: " + ingestor.metrics());
    }
  }

  @Nested
  @DisplayName("Listener")
  class Listener {
    /**
     * If this fails, check IngestLoop.tell: an exception from the host's listener must be logged
     * and ignored, never end the polling thread or skip a batch.
     */
    @Test
    @DisplayName("A listener that throws neither stops the ingestor nor loses a batch")
    void throwingListener() {
      long wg = tenant(4);
      List<NewActivity> batch = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        batch.add(stamped(wg));
      }
      AtomicInteger heard = new AtomicInteger();
      RecorderListener broken =
          new RecorderListener() {
            @Override
            public void onBatchStored(int size, Duration latency) {
              heard.incrementAndGet();
              throw new IllegalStateException("broken metrics hook (test)");
            }
          };
      KafkaIngestor ingestor = track(ingestorBuilder(memory).maxBatch(10).listener(broken).build());
      ingestor.start();
      writeRetrying(sink(Duration.ofSeconds(30)), batch);
      awaitStored(Map.of(wg, batch.stream().map(NewActivity::uid).toList()));
      assertThat(heard.get()).as("the listener was called").isPositive();
      assertThat(ingestor.failure()).as("the polling thread's failure").isEmpty();
    }
  }

  /** Counts what a recorder listener hears. */
  static final class CountingListener implements RecorderListener {
    final java.util.concurrent.atomic.AtomicLong stored =
        new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong batches =
        new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong retries =
        new java.util.concurrent.atomic.AtomicLong();
    final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void onBatchStored(int size, Duration latency) {
      stored.addAndGet(size);
      batches.incrementAndGet();
    }

    @Override
    public void onRetry(int attempt, Duration backoff, RuntimeException cause) {
      retries.incrementAndGet();
    }

    @Override
    public void onFailed(int count, Throwable cause) {
      for (int i = 0; i < count; i++) {
        failures.add(cause);
      }
    }
  }

  private static double counter(SimpleMeterRegistry registry, String name, Tags tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  private static double gauge(SimpleMeterRegistry registry, String name, Tags tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  @Nested
  @DisplayName("Consumer group")
  class ConsumerGroup {
    /**
     * If this fails, check the rebalance listener (CommitOnRevoke) and that offsets are committed
     * only after the store's commit.
     */
    @Test
    @DisplayName("Ingestors joining and leaving the group store every activity once")
    void rebalance() throws Exception {
      KafkaActivitySink sink = sink(Duration.ofSeconds(30));
      KafkaIngestor first = ingestor(memory).start();
      Map<Long, List<UUID>> accepted = new HashMap<>();
      produce(sink, accepted, 300);
      KafkaIngestor second = ingestor(memory).start();
      produce(sink, accepted, 300);
      first.close();
      produce(sink, accepted, 300);
      awaitStored(accepted);
      assertThat(first.metrics().stored() + second.metrics().stored())
          .as("written by both, replays included")
          .isGreaterThanOrEqualTo(900);
    }
  }

  @Nested
  @DisplayName("Faults")
  class Faults {
    /**
     * If this fails, check that KafkaActivitySink.write surfaces an unreachable broker as transient
     * and that the recorder retries it: the failure shows the recorder's counters.
     */
    @Test
    @DisplayName("Broker stopped and restarted mid-run: accepted = stored, none twice")
    void brokerRestart() throws Exception {
      KafkaActivitySink sink = sink(Duration.ofSeconds(3));
      ActivityRecorder recorder =
          track(
              ActivityRecorder.builder(sink)
                  .retry(new RetryPolicy(200, Duration.ofMillis(100), Duration.ofMillis(500)))
                  .build());
      KafkaIngestor ingestor = ingestor(memory).start();
      Map<Long, List<UUID>> accepted = new HashMap<>();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread producer =
          new Thread(
              () -> {
                int i = 0;
                while (running.get()) {
                  long wg = tenant(i++ % 3);
                  Receipt r = recorder.record(activity(wg));
                  synchronized (accepted) {
                    accepted.computeIfAbsent(wg, k -> new ArrayList<>()).add(r.uid());
                  }
                  sleep(2);
                }
              });
      producer.start();
      sleep(1500);
      broker.stop();
      sleep(3000);
      broker.start();
      sleep(1500);
      running.set(false);
      producer.join();
      assertThat(recorder.flush(Duration.ofSeconds(90))).as("flushed").isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.stored()).as("stored by the recorder: %s", m).isEqualTo(m.accepted());
      assertThat(m.retried()).as("the recorder retried while the broker was down").isPositive();
      awaitStored(accepted);
      assertThat(ingestor.metrics().failed()).as("dead-lettered: %s", ingestor.metrics()).isZero();
    }

    /**
     * If this fails, check that offsets are committed only after the database commit: a crash
     * between the two must replay the batch, and the store's uid key must make it harmless.
     */
    @Test
    @DisplayName("Ingestor killed between database commit and offset commit: replayed, none twice")
    void crashBeforeOffsetCommit() throws Exception {
      KafkaActivitySink sink = sink(Duration.ofSeconds(30));
      Map<Long, List<UUID>> accepted = new HashMap<>();
      produce(sink, accepted, 200);
      AtomicInteger batches = new AtomicInteger();
      KafkaIngestor doomed =
          ingestorBuilder(memory)
              .maxBatch(50)
              .afterDatabaseCommit(
                  () -> {
                    if (batches.incrementAndGet() == 2) {
                      throw new IllegalStateException("killed after the database commit");
                    }
                  })
              .build()
              .start();
      track(doomed);
      await(() -> batches.get() >= 2, "the doomed ingestor wrote two batches");
      doomed.close();
      long storedBefore = countStored(accepted);
      KafkaIngestor next = ingestor(memory).start();
      awaitStored(accepted);
      assertThat(next.metrics().stored())
          .as("the successor re-read the batch the doomed one stored but did not commit")
          .isGreaterThan(200 - storedBefore);
      assertThat(next.metrics().failed()).as("dead-lettered: %s", next.metrics()).isZero();
    }

    /**
     * If this fails, check the ingestor's retry: a batch the store cannot take must be read again
     * after a pause, never skipped.
     */
    @Test
    @DisplayName("Database down while the ingestor runs: it pauses, resumes, loses nothing")
    void databaseDown() throws Exception {
      AtomicBoolean down = new AtomicBoolean(true);
      ActivityStore flaky = new SwitchableStore(memory, down);
      KafkaActivitySink sink = sink(Duration.ofSeconds(30));
      KafkaIngestor ingestor =
          ingestorBuilder(flaky)
              .backoff(Duration.ofMillis(50), Duration.ofMillis(400))
              .build()
              .start();
      track(ingestor);
      Map<Long, List<UUID>> accepted = new HashMap<>();
      produce(sink, accepted, 300);
      await(() -> ingestor.metrics().retried() >= 3, "retries while the database is down");
      assertThat(countStored(accepted)).as("stored while down").isZero();
      down.set(false);
      awaitStored(accepted);
      RecorderMetrics m = ingestor.metrics();
      assertThat(m.failed()).as("dead-lettered: %s", m).isZero();
      assertThat(m.stored()).as("written: %s", m).isEqualTo(300);
    }
  }

  @Nested
  @DisplayName("Killed producer node")
  class KilledProducer {
    /**
     * If this fails, check that KafkaActivitySink.write waits for the broker's acknowledgement of
     * every record: a uid the node printed after record() returned must be stored.
     */
    @Test
    @DisplayName(
        "A synchronous recorder's node killed with SIGKILL loses nothing record() returned for")
    void sigkill() throws Exception {
      long wg = tenant(0);
      List<String> command = new ArrayList<>();
      command.add(
          java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "-Xmx128m",
              "-XX:TieredStopAtLevel=1",
              "-cp",
              broker.classpath(),
              ProducerNode.class.getName(),
              broker.bootstrap(),
              topic,
              Long.toString(wg)));
      Process node =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      List<UUID> returned = new ArrayList<>();
      try (var out =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while (returned.size() < 300 && (line = out.readLine()) != null) {
          returned.add(UUID.fromString(line.trim()));
        }
        // SIGKILL, mid-stream: no shutdown hook, no producer close. Uids printed after the last
        // one read are acknowledged too, but not checked.
        node.destroyForcibly();
      } finally {
        node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      assertThat(returned)
          .as("uids the node printed before its death")
          .hasSizeGreaterThanOrEqualTo(300);
      KafkaIngestor ingestor = ingestor(memory).start();
      awaitStored(Map.of(wg, returned), false);
      assertThat(ingestor.metrics().failed()).as("dead-lettered: %s", ingestor.metrics()).isZero();
    }
  }

  /** A store whose batch insert fails as an unreachable database while the switch is on. */
  static final class SwitchableStore extends ForwardingActivityStore {
    private final ActivityRepository repository;

    SwitchableStore(ActivityStore delegate, AtomicBoolean down) {
      super(delegate);
      this.repository =
          new ForwardingActivityRepository(delegate.activities()) {
            @Override
            public List<Activity> insertAll(List<NewActivity> activities) {
              if (down.get()) {
                throw new StoreUnavailableException(
                    StoreUnavailableException.Reason.UNREACHABLE, "database down (test)");
              }
              return super.insertAll(activities);
            }
          };
    }

    @Override
    public ActivityRepository activities() {
      return repository;
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  private final long tenantBase = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);

  private long tenant(int i) {
    return tenantBase + i;
  }

  private static NewActivity activity(long wg) {
    return NewActivity.builder(ActivityType.USER_LOGIN, UserSimple.of(7, "kafka", "k@example.org"))
        .workspaceGroupId(wg)
        .text("signed in")
        .build();
  }

  private static NewActivity stamped(long wg) {
    return activity(wg).withUid(UUID.randomUUID()).withCreatedAt(Instant.now());
  }

  private void produce(KafkaActivitySink sink, Map<Long, List<UUID>> accepted, int n) {
    List<NewActivity> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      NewActivity a = stamped(tenant(i % 5));
      batch.add(a);
      accepted.computeIfAbsent(a.content().workspaceGroupId(), k -> new ArrayList<>()).add(a.uid());
    }
    writeRetrying(sink, batch);
  }

  /**
   * Writes as a recorder would: a transient failure (a slow broker on a loaded machine) is retried,
   * which the uid makes harmless.
   */
  static void writeRetrying(KafkaActivitySink sink, List<NewActivity> batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        sink.write(batch);
        return;
      } catch (StoreUnavailableException e) {
        if (attempt == 3 || !e.reason().isTransient()) {
          throw e;
        }
      }
    }
  }

  private void produceRaw(String key, List<byte[]> values) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[] v : values) {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), v)).get();
      }
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String from, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(from));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (out.size() < expected && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      // Anything beyond the expected would be a duplicate dead letter.
      c.poll(Duration.ofMillis(500)).forEach(out::add);
    }
    return out;
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
  }

  private KafkaActivitySink sink(Duration deliveryTimeout) {
    return track(
        KafkaActivitySink.builder(broker.bootstrap(), topic)
            .deliveryTimeout(deliveryTimeout)
            .build());
  }

  private KafkaIngestor.Builder ingestorBuilder(ActivityStore store) {
    return KafkaIngestor.builder(broker.bootstrap(), topic, group, store)
        .maxBatch(100)
        .pollTimeout(Duration.ofMillis(200))
        .closeTimeout(Duration.ofSeconds(20))
        .property(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000")
        .property(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "500");
  }

  private KafkaIngestor ingestor(ActivityStore store) {
    return track(ingestorBuilder(store).build());
  }

  private <T extends AutoCloseable> T track(T resource) {
    open.add(resource);
    return resource;
  }

  private List<Activity> stored(long wg) {
    Page<Activity> page =
        memory
            .activities()
            .list(
                ActivityQuery.builder().workspaceGroupId(wg).build(),
                PageRequest.of(1, 1_000_000),
                new Sort(Sort.Field.ID, Sort.Direction.ASC));
    return page.items();
  }

  private long countStored(Map<Long, List<UUID>> accepted) {
    long n = 0;
    for (long wg : accepted.keySet()) {
      n += memory.activities().count(ActivityQuery.builder().workspaceGroupId(wg).build());
    }
    return n;
  }

  /** Waits until every accepted uid is stored, then checks that nothing is stored twice. */
  private void awaitStored(Map<Long, List<UUID>> accepted) {
    awaitStored(accepted, true);
  }

  /**
   * Waits until every accepted uid is stored and checks that none is stored twice; with {@code
   * exact}, also that nothing else is stored.
   */
  private void awaitStored(Map<Long, List<UUID>> accepted, boolean exact) {
    Map<Long, List<UUID>> snapshot;
    synchronized (accepted) {
      snapshot = new HashMap<>(accepted);
    }
    long expected = snapshot.values().stream().mapToLong(List::size).sum();
    await(() -> countStored(snapshot) >= expected, "stored " + expected + " accepted activities");
    for (var e : snapshot.entrySet()) {
      List<Activity> rows = stored(e.getKey());
      Set<UUID> uids = new HashSet<>();
      rows.forEach(a -> uids.add(a.uid()));
      assertThat(rows).as("tenant %s: no uid stored twice", e.getKey()).hasSize(uids.size());
      assertThat(uids)
          .as("tenant %s: every accepted uid", e.getKey())
          .containsExactlyInAnyOrderElementsOf(e.getValue());
    }
  }

  private void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what + "; store holds " + memory);
      }
      sleep(50);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
