package org.activitylog.kafka;

import java.time.Duration;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.spi.ActivityStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * An ingestor process for the kill test: writes the topic into PostgreSQL and, after each database
 * commit, prints {@code committed N} and waits before committing offsets, so the test can kill it
 * with SIGKILL in between. Arguments: bootstrap servers, topic, group, JDBC URL, schema.
 */
final class IngestorNode {
  private IngestorNode() {}

  public static void main(String[] args) throws InterruptedException {
    ActivityStore store = JdbcActivityStore.builder().jdbcUrl(args[3]).schema(args[4]).build();
    int[] batches = {0};
    KafkaIngestor.builder(args[0], args[1], args[2], store)
        .maxBatch(50)
        .pollTimeout(Duration.ofMillis(200))
        .property(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000")
        .afterDatabaseCommit(
            () -> {
              System.out.println("committed " + ++batches[0]);
              System.out.flush();
              try {
                Thread.sleep(2_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            })
        .build()
        .start();
    Thread.sleep(Long.MAX_VALUE);
  }
}
