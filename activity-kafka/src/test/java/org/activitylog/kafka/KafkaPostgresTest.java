package org.activitylog.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.spi.ActivityStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The ingestor writing into PostgreSQL, the server {@code bash .ci/run} starts ({@code
 * ACTIVITYLOG_TEST_PG_URL}); skipped without one, failed under {@code CI=true}. Each test has its
 * own schema, topic and consumer group.
 */
class KafkaPostgresTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String schema = "t_kafka_" + id;
  private final String topic = "pg-" + id;
  private final long wg = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
  private final List<AutoCloseable> open = new ArrayList<>();
  private String url;
  private KafkaBroker broker;
  private ActivityStore store;

  @BeforeEach
  void setUp() {
    url = System.getenv("ACTIVITYLOG_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      url = System.getProperty("activitylog.test.pg.url", "");
    }
    if (url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but ACTIVITYLOG_TEST_PG_URL is not set");
      }
      Assumptions.abort("needs ACTIVITYLOG_TEST_PG_URL: run `bash .ci/run`, which starts one");
    }
    broker = KafkaBroker.shared();
    broker.createTopics(3, topic, topic + ".dead-letter");
    store =
        JdbcActivityStore.builder()
            .jdbcUrl(url)
            .schema(schema)
            .connectionTimeout(Duration.ofSeconds(1))
            .build();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    if (store != null) {
      store.close();
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /**
   * If this fails, check that the ingestor commits offsets only after PostgreSQL committed: the
   * batch of the killed ingestor must be replayed by the next and stored once.
   */
  @Test
  @DisplayName(
      "Ingestor killed between the PostgreSQL commit and the offset commit: none lost or twice")
  void crashBetweenCommits() {
    List<UUID> accepted = produce(400);
    AtomicInteger batches = new AtomicInteger();
    KafkaIngestor doomed =
        track(
            ingestor()
                .maxBatch(50)
                .afterDatabaseCommit(
                    () -> {
                      if (batches.incrementAndGet() == 3) {
                        throw new IllegalStateException("killed after the database commit");
                      }
                    })
                .build()
                .start());
    await(() -> batches.get() >= 3, "the doomed ingestor wrote three batches");
    doomed.close();
    KafkaIngestor next = track(ingestor().build().start());
    assertStoredOnce(accepted);
    assertThat(next.metrics().failed()).as("dead-lettered: %s", next.metrics()).isZero();
  }

  /**
   * If this fails, check the ingestor's pause and replay: while PostgreSQL is stopped nothing may
   * be skipped, and after it restarts everything must arrive once.
   */
  @Test
  @DisplayName("PostgreSQL stopped and restarted while the ingestor runs: none lost or twice")
  void postgresRestart() throws Exception {
    String ctl = System.getenv("ACTIVITYLOG_TEST_PG_CTL");
    String data = System.getenv("ACTIVITYLOG_TEST_PG_DATA");
    if (ctl == null || ctl.isBlank() || data == null || data.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but ACTIVITYLOG_TEST_PG_CTL and ACTIVITYLOG_TEST_PG_DATA are not set");
      }
      Assumptions.abort("stopping PostgreSQL needs the private cluster of `bash .ci/run`");
    }
    KafkaIngestor ingestor =
        track(ingestor().backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build().start());
    List<UUID> accepted = new ArrayList<>(produce(200));
    await(() -> count() >= 200, "the first 200 stored");
    pgCtl(ctl, data, "-m", "fast", "-w", "-t", "60", "stop");
    try {
      accepted.addAll(produce(300));
      await(() -> ingestor.metrics().retried() >= 2, "retries while PostgreSQL is down");
    } finally {
      String log = Path.of(data).getParent().resolve("postgres-kafka-restart.log").toString();
      pgCtl(ctl, data, "-l", log, "-w", "-t", "60", "start");
    }
    assertStoredOnce(accepted);
    assertThat(ingestor.metrics().failed()).as("dead-lettered: %s", ingestor.metrics()).isZero();
  }

  /**
   * If this fails, check that the ingestor commits offsets only after PostgreSQL committed: the
   * process killed with SIGKILL between the two must leave its batch to be replayed, and the store
   * must keep one row per uid.
   */
  @Test
  @DisplayName("Ingestor process killed with SIGKILL between the two commits: none lost or twice")
  void sigkillBetweenCommits() throws Exception {
    List<UUID> accepted = produce(300);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx192m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            broker.classpath(),
            IngestorNode.class.getName(),
            broker.bootstrap(),
            topic,
            "pg-" + id,
            url,
            schema));
    Process node =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (var out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals("committed 2"));
      assertThat(line).as("the node's second database commit").isEqualTo("committed 2");
      // The second batch is in PostgreSQL, its offsets not yet committed.
      node.destroyForcibly();
    } finally {
      node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    long before = count();
    assertThat(before).as("stored by the killed node").isPositive();
    KafkaIngestor next = track(ingestor().build().start());
    assertStoredOnce(accepted);
    assertThat(next.metrics().stored())
        .as("the successor re-read the killed node's uncommitted batch")
        .isGreaterThan(accepted.size() - before);
    assertThat(next.metrics().failed()).as("dead-lettered: %s", next.metrics()).isZero();
  }

  private KafkaIngestor.Builder ingestor() {
    return KafkaIngestor.builder(broker.bootstrap(), topic, "pg-" + id, store)
        .pollTimeout(Duration.ofMillis(200))
        .closeTimeout(Duration.ofSeconds(20))
        .property(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000");
  }

  private List<UUID> produce(int n) {
    List<NewActivity> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(
          NewActivity.builder(ActivityType.USER_LOGIN, UserSimple.of(3, "pg", "pg@example.org"))
              .workspaceGroupId(wg)
              .uid(UUID.randomUUID())
              .createdAt(java.time.Instant.now())
              .build());
    }
    try (KafkaActivitySink sink =
        KafkaActivitySink.builder(broker.bootstrap(), topic)
            .deliveryTimeout(Duration.ofSeconds(30))
            .build()) {
      KafkaIngestionTest.writeRetrying(sink, batch);
    }
    return batch.stream().map(NewActivity::uid).toList();
  }

  private long count() {
    try {
      return store.activities().count(ActivityQuery.builder().workspaceGroupId(wg).build());
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private void assertStoredOnce(List<UUID> accepted) {
    await(() -> count() >= accepted.size(), "all " + accepted.size() + " accepted stored");
    List<Activity> rows =
        store
            .activities()
            .list(
                ActivityQuery.builder().workspaceGroupId(wg).build(),
                PageRequest.of(1, 100_000),
                new Sort(Sort.Field.ID, Sort.Direction.ASC))
            .items();
    Set<UUID> uids = new HashSet<>();
    rows.forEach(a -> uids.add(a.uid()));
    assertThat(rows).as("no uid stored twice").hasSize(uids.size());
    assertThat(uids).as("exactly the accepted uids").containsExactlyInAnyOrderElementsOf(accepted);
  }

  private <T extends AutoCloseable> T track(T resource) {
    open.add(resource);
    return resource;
  }

  private static void pgCtl(String ctl, String data, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    String osUser = System.getenv("ACTIVITYLOG_TEST_PG_OS_USER");
    if (osUser != null && !osUser.isBlank()) {
      command.addAll(List.of("runuser", "-u", osUser, "--"));
    }
    command.add(ctl);
    command.addAll(List.of("-D", data));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean ended = p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ended).as("pg_ctl %s ended", List.of(args)).isTrue();
    assertThat(p.exitValue()).as("pg_ctl %s: %s", List.of(args), output).isZero();
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
