package org.activitylog.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.ForwardingActivityRepository;
import org.activitylog.spi.ForwardingActivityStore;
import org.activitylog.testkit.ActivityRecorderContract;
import org.activitylog.testkit.MutableClock;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The testkit's recorder contract with Kafka between the recorder and the store: every batch the
 * recorder writes goes through a {@link KafkaActivitySink} to a real broker and a {@link
 * KafkaIngestor} into the in-memory store, and the write returns once the ingestor stored it, so
 * the contract's reads after a flush see it. Every field of both seeds' activities, duplicates,
 * batches, a lost acknowledgement and a 16-thread burst must come through as they do in process.
 */
class KafkaRecorderContractTest extends ActivityRecorderContract {
  private static final Duration STORED_WITHIN = Duration.ofSeconds(30);

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    KafkaBroker broker = KafkaBroker.shared();
    String id = UUID.randomUUID().toString().substring(0, 8);
    String topic = "contract-" + id;
    broker.createTopics(3, topic, topic + ".dead-letter");
    InMemoryActivityStore memory = InMemoryActivityStore.create(clock);
    KafkaActivitySink sink =
        KafkaActivitySink.builder(broker.bootstrap(), topic)
            .deliveryTimeout(Duration.ofSeconds(30))
            .build();
    KafkaIngestor ingestor =
        KafkaIngestor.builder(broker.bootstrap(), topic, "contract-" + id, memory)
            .pollTimeout(Duration.ofMillis(100))
            .property(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000")
            .build()
            .start();
    return new OverKafka(memory, sink, ingestor);
  }

  /** The in-memory store, its batch insert routed through the topic. */
  private static final class OverKafka extends ForwardingActivityStore {
    private final KafkaActivitySink sink;
    private final KafkaIngestor ingestor;
    private final ActivityRepository activities;

    OverKafka(ActivityStore memory, KafkaActivitySink sink, KafkaIngestor ingestor) {
      super(memory);
      this.sink = sink;
      this.ingestor = ingestor;
      ActivityRepository direct = memory.activities();
      this.activities =
          new ForwardingActivityRepository(direct) {
            @Override
            public List<Activity> insertAll(List<NewActivity> batch) {
              sink.write(batch);
              return awaitStored(direct, batch);
            }
          };
    }

    @Override
    public ActivityRepository activities() {
      return activities;
    }

    @Override
    public void close() {
      ingestor.close();
      sink.close();
      super.close();
    }
  }

  private static List<Activity> awaitStored(ActivityRepository direct, List<NewActivity> batch) {
    long deadline = System.nanoTime() + STORED_WITHIN.toNanos();
    List<Activity> stored = new ArrayList<>();
    for (NewActivity a : batch) {
      UUID uid = a.uid();
      if (uid == null) {
        throw new IllegalArgumentException("the recorder stamps every activity");
      }
      while (true) {
        Optional<Activity> found = direct.findByUid(a.content().workspaceGroupId(), uid);
        if (found.isPresent()) {
          stored.add(found.get());
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new StoreUnavailableException(
              StoreUnavailableException.Reason.UNREACHABLE,
              "the ingestor did not store " + uid + " within " + STORED_WITHIN);
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StoreUnavailableException(
              StoreUnavailableException.Reason.UNREACHABLE, "interrupted", e);
        }
      }
    }
    return stored;
  }
}
