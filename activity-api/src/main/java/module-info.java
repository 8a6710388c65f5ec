/**
 * activitylog's API: the domain model and the storage SPI that backends implement. No runtime
 * dependencies.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.api {
  requires static transitive org.jspecify;

  exports org.activitylog.api;
  exports org.activitylog.spi;
  // ASCII case rules for protocol tokens, shared with the HTTP modules.
  exports org.activitylog.api.internal to
      org.activitylog.http,
      org.activitylog.server;
}
