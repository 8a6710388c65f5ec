/**
 * activitylog's JDBC storage backend: {@link org.activitylog.jdbc.JdbcActivityStore} on Jdbi and
 * HikariCP, with an embedded H2 database by default and PostgreSQL 15 or newer for production.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.jdbc {
  requires transitive org.activitylog.api;
  requires transitive java.sql;
  requires org.jdbi.v3.core;
  requires com.zaxxer.hikari;
  // Flyway's jar names no module; this is the name the JDK derives from the file name.
  requires flyway.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.activitylog.jdbc;
}
