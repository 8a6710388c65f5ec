/**
 * Benchmarks of activitylog's JDBC backend and recorder against raw JDBC on the same schema. An
 * application, not a library: it exports nothing. See BENCHMARKS.md at the repository root.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.benchmarks {
  requires org.activitylog.core;
  requires org.activitylog.jdbc;
  requires org.activitylog.recorder;
  requires com.zaxxer.hikari;
  requires com.fasterxml.jackson.databind;
  requires java.sql;
  requires org.postgresql.jdbc;
  requires static org.jspecify;
}
