/**
 * Ingestion through Apache Kafka: {@link org.activitylog.kafka.KafkaActivitySink} lets an {@code
 * ActivityRecorder} hand accepted activities to a topic, and {@link
 * org.activitylog.kafka.KafkaIngestor} writes them from the topic into any store, exactly once. The
 * record on the topic is {@link org.activitylog.kafka.ActivityRecordFormat}'s versioned JSON.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.kafka {
  requires transitive org.activitylog.api;
  requires transitive org.activitylog.recorder;
  requires org.activitylog.jackson;
  requires com.fasterxml.jackson.databind;
  // kafka-clients names no module: KafkaModule adds the read edge at run time.
  requires static transitive org.jspecify;

  exports org.activitylog.kafka;
}
