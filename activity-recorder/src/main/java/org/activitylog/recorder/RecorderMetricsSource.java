package org.activitylog.recorder;

/**
 * Anything that writes activities to a store in batches and counts the outcome in a {@link
 * RecorderMetrics}: an {@link ActivityRecorder}, or a transport's ingestor (activity-kafka's {@code
 * KafkaIngestor}, which writes a topic into a store). A metrics binding reads either through this
 * one method, without knowing which it is or needing the transport on its class path.
 *
 * <p>Implementations are thread-safe; a snapshot is cheap (a few counter reads), so a metrics
 * library may take one per published meter.
 */
public interface RecorderMetricsSource {

  /** {@return a snapshot of the counters} */
  RecorderMetrics metrics();
}
