package org.activitylog.kafka.internal;

/**
 * Lets this module read the Kafka clients' before a Kafka type is linked. kafka-clients names no
 * module, so the descriptor cannot require it (a published descriptor must not name a module after
 * a jar's file name): the edge is added here, to the unnamed module when the jar is on the class
 * path, to its automatic module when it is on the module path.
 */
public final class KafkaModule {
  private static final String PRODUCER = "org.apache.kafka.clients.producer.KafkaProducer";

  private KafkaModule() {}

  /**
   * Adds the read edge, once per class loader; harmless when it exists.
   *
   * @throws IllegalStateException when kafka-clients is not there
   */
  public static void read() {
    Class<?> kafka;
    try {
      kafka = Class.forName(PRODUCER, false, KafkaModule.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "activity-kafka needs kafka-clients on the class path, or on the module path resolved"
              + " with --add-modules kafka.clients",
          e);
    }
    Module self = KafkaModule.class.getModule();
    if (!self.canRead(kafka.getModule())) {
      self.addReads(kafka.getModule());
    }
  }
}
