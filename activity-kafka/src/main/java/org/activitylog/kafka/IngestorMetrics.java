package org.activitylog.kafka;

/**
 * A snapshot of a {@link KafkaIngestor}'s counters since it started.
 *
 * @param written activities the store's batch insert accepted, replays of already stored uids
 *     included, since they are written again harmlessly
 * @param retried batches that failed to write (the store or the dead-letter topic unavailable) and
 *     were read again from their first offset after a pause
 * @param deadLettered records sent to the dead-letter topic because they could not be read or were
 *     refused by validation
 * @param lag records on this instance's partitions not yet read, as the consumer last saw them; 0
 *     before the first read
 */
public record IngestorMetrics(long written, long retried, long deadLettered, long lag) {}
