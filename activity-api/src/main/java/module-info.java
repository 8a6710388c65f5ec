/**
 * activitylog's API: the domain model, the {@link org.activitylog.api.ActivityLog} facade and the
 * storage SPI that backends implement. No runtime dependencies.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.api {
  requires static transitive org.jspecify;

  exports org.activitylog.api;
  exports org.activitylog.spi;
  exports org.activitylog.recorder;
}
