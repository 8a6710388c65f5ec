/**
 * The seed endpoints of {@code activity-http} as a Jakarta Servlet: mount {@link
 * org.activitylog.servlet.ActivityHttpServlet} at any path of a servlet container or a Spring MVC
 * application.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.servlet {
  requires transitive org.activitylog.http;
  requires transitive jakarta.servlet;
  requires static transitive org.jspecify;

  exports org.activitylog.servlet;
}
