/**
 * A backend of one's own: {@link org.activitylog.examples.liststore.ListActivityStore}, a small
 * store kept in a list, written against activitylog's storage SPI only.
 */
module org.activitylog.examples.liststore {
  // transitive: users of the store see the SPI types its methods return.
  requires transitive org.activitylog.api;
  // Only for @Nullable, which has no runtime retention that matters; provided scope in the pom.
  requires static org.jspecify;

  exports org.activitylog.examples.liststore;
}
