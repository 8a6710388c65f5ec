/**
 * activitylog's reference server: the seeds' endpoints ({@link org.activitylog.http}) on the JDK's
 * built-in HTTP server, over the JDBC store (embedded H2 by default), with a demo data set. Start
 * at {@link org.activitylog.server.ActivityServer}.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.server {
  requires transitive org.activitylog.http;
  requires org.activitylog.jdbc;
  requires org.activitylog.json;
  requires jdk.httpserver;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.activitylog.server;
}
