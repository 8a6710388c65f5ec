/**
 * Ingestion through Apache Kafka. A recorder built on {@link KafkaActivitySink} produces every
 * accepted activity to a topic, keyed by workspace group; {@link KafkaIngestor}s in one consumer
 * group write them from the topic into a store with its idempotent batch insert and commit offsets
 * only after the database committed. The record on the topic is {@link ActivityRecordFormat}'s.
 */
@org.jspecify.annotations.NullMarked
package org.activitylog.kafka;
