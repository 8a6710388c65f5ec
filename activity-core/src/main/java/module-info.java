/**
 * activitylog's facade: {@link org.activitylog.core.ActivityLog} checks every call against its
 * {@link org.activitylog.core.Requester} (tenancy, private and public sites), stamps uids, times
 * and audit names, and serves feeds from any store that implements the storage SPI. No runtime
 * dependency beyond activity-api.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.core {
  requires transitive org.activitylog.api;
  requires static transitive org.jspecify;

  exports org.activitylog.core;
}
