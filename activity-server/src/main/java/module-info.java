/**
 * activitylog's reference server: the seeds' endpoints ({@link org.activitylog.http}) on Jetty's
 * servlet container (ee10) through {@link org.activitylog.servlet}, over the JDBC store (embedded
 * H2 by default), with a demo data set. Start at {@link org.activitylog.server.ActivityServer}.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.server {
  requires transitive org.activitylog.http;
  requires org.activitylog.jdbc;
  requires org.activitylog.formats;
  requires org.activitylog.servlet;
  requires jakarta.servlet;
  requires org.eclipse.jetty.ee10.servlet;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.io;
  requires org.eclipse.jetty.util;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.activitylog.server;
}
