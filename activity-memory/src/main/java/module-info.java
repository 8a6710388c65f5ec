/**
 * A thread-safe in-memory storage backend for activitylog: a test double and a store for small
 * applications. Start at {@link org.activitylog.memory.InMemoryActivityStore}.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.memory {
  requires transitive org.activitylog.api;
  requires static transitive org.jspecify;

  exports org.activitylog.memory;
}
