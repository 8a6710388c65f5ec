/**
 * Micrometer metrics for activitylog: {@link org.activitylog.micrometer.ActivityRecorderMetrics}
 * binds a recorder's own counters, queue gauges and batch latency to a registry; {@link
 * org.activitylog.micrometer.TimedActivityStore} times every call a store serves.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.micrometer {
  requires transitive org.activitylog.api;
  requires transitive org.activitylog.recorder;
  requires transitive micrometer.core;
  requires static transitive org.jspecify;

  exports org.activitylog.micrometer;
}
