/**
 * The seeds' wire formats: AISquare {@code UserActivity} JSON, Brightidea api3 activity JSON and
 * XML, and the error bodies both answer with.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.formats {
  requires transitive org.activitylog.api;
  requires org.activitylog.jackson;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.xml;
  requires java.xml;
  requires static transitive org.jspecify;

  exports org.activitylog.formats;
}
