/**
 * A framework-neutral HTTP adapter for activitylog: turns a request (method, path, query, headers,
 * body) into a call on {@link org.activitylog.core.ActivityLog} and the result into a response
 * (status, content type, headers, body), speaking the Brightidea api3 and AISquare activity
 * endpoints. Start at {@link org.activitylog.http.ActivityHttpApi}.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.http {
  requires transitive org.activitylog.api;
  requires transitive org.activitylog.core;
  requires org.activitylog.formats;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.activitylog.http;
}
