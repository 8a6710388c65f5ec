package org.activitylog.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka 4.x broker for the tests: one KRaft node (broker and controller) in its own JVM, on
 * free loopback ports, its data in a temporary directory. {@link #start} formats the storage the
 * first time ({@code kafka.tools.StorageTool format}, as {@code kafka-storage.sh} does), starts
 * {@code kafka.Kafka} and waits until an admin client sees the node; {@link #stop} ends the process
 * (SIGTERM, then SIGKILL) and keeps the data, so {@link #start} again is a broker restart; {@link
 * #close} stops it and removes the directory. The class path is the test class path, written by the
 * build to the file the system property {@code activitylog.kafka.broker.classpath} names.
 */
final class KafkaBroker implements AutoCloseable {
  private static final Duration READY = Duration.ofSeconds(90);
  private static KafkaBroker shared;

  private final Path dir;
  private final int port;
  private final int controllerPort;
  private final String classpath;
  private boolean formatted;
  private Process process;

  KafkaBroker() {
    try {
      this.dir = Files.createTempDirectory("activitylog-kafka");
      String file = System.getProperty("activitylog.kafka.broker.classpath");
      if (file == null) {
        throw new IllegalStateException("run through Maven: activitylog.kafka.broker.classpath");
      }
      this.classpath =
          Files.readString(Paths.get(file)).trim()
              + java.io.File.pathSeparator
              + System.getProperty("java.class.path");
      this.port = freePort();
      this.controllerPort = freePort();
      Files.writeString(dir.resolve("server.properties"), properties());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@return the broker all test classes of this run share, started on first use and removed when
   * the test JVM exits} Tests that stop it start it again before they end.
   */
  static synchronized KafkaBroker shared() {
    if (shared == null) {
      KafkaBroker broker = new KafkaBroker();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
      shared = broker.start();
    }
    return shared.start();
  }

  /** {@return the test class path, broker jars included, for child JVMs} */
  String classpath() {
    return classpath;
  }

  /** {@return the bootstrap servers of the broker} */
  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** Starts the broker (formatting its storage the first time) and waits until it answers. */
  synchronized KafkaBroker start() {
    if (process != null && process.isAlive()) {
      return this;
    }
    try {
      if (!formatted) {
        Process format =
            java(
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    Uuid.randomUuid().toString(),
                    "-c",
                    dir.resolve("server.properties").toString())
                .redirectOutput(dir.resolve("format.log").toFile())
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
          format.destroyForcibly();
          throw new IllegalStateException(
              "formatting the broker's storage failed: "
                  + Files.readString(dir.resolve("format.log")));
        }
        formatted = true;
      }
      process =
          java("kafka.Kafka", dir.resolve("server.properties").toString())
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
              .start();
      awaitReady();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the broker process, keeping its data. */
  synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Creates topics, each with the given partitions, and waits until they exist. */
  void createTopics(int partitions, String... names) {
    try (Admin admin = admin()) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name : names) {
        topics.add(new NewTopic(name, partitions, (short) 1));
      }
      admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("creating topics failed", e);
    }
  }

  Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"));
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is no test failure.
    }
  }

  private void awaitReady() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + READY.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the broker exited with " + process.exitValue() + ": " + tail("broker.log"));
      }
      try (Admin admin = admin()) {
        if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the broker did not answer within " + READY + ": " + tail("broker.log"), last);
  }

  private String tail(String log) throws IOException {
    String text = Files.readString(dir.resolve(log));
    return text.substring(Math.max(0, text.length() - 4000));
  }

  private ProcessBuilder java(String main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    // A small, quick-starting JVM: the machines running the tests have two cores.
    command.addAll(
        List.of(
            "-Xms64m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true",
            "-Dlog4j2.level=WARN",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            classpath,
            main));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
  }

  private String properties() {
    return String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + dir.resolve("data"),
            "num.partitions=3",
            "auto.create.topics.enable=true",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=3",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "group.min.session.timeout.ms=1000",
            "")
        + "\n";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
