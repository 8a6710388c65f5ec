/**
 * activitylog's JDBC storage backend: {@link org.activitylog.jdbc.JdbcActivityStore} on Jdbi and
 * HikariCP, with an embedded H2 database by default and PostgreSQL 15 or newer for production.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.jdbc {
  requires transitive org.activitylog.api;
  requires transitive java.sql;
  requires org.jdbi.v3.core;
  // Jdbi needs geantyref at run time but, as an automatic module, cannot say so: without this line
  // a module-path application fails at its first query with ClassNotFoundException.
  requires io.leangen.geantyref;
  requires com.zaxxer.hikari;
  requires org.activitylog.jackson;
  // Flyway is used but not required by name: its jar names no module, and a published descriptor
  // must not carry the name the JDK makes up from a file name (it changes the day Flyway names its
  // module). SchemaMigrations adds the read edge at run time, wherever Flyway was loaded.
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.activitylog.jdbc;
}
