/**
 * The one JSON codec between activitylog's model and Jackson: an activity's {@code resource}
 * exactly, actors and Brightidea's type-specific fields with the seed APIs' field names. The JDBC
 * backend stores its JSON columns with it and the wire formats write their actors with it.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.jackson {
  requires transitive org.activitylog.api;
  // Trees (JsonNode, ObjectNode) are in the exported signatures.
  requires transitive com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;

  exports org.activitylog.jackson;

  // Stored actors are bound to private records there (StoredReader).
  opens org.activitylog.jackson.internal to
      com.fasterxml.jackson.databind;
}
