package org.activitylog.jdbc;

/**
 * The databases {@link JdbcActivityStore} supports. The store detects the dialect from its
 * connection; name one only to {@linkplain JdbcActivityStore#schemaSql(Dialect) print the DDL}.
 */
public enum Dialect {
  /** H2 2.x, embedded (file or in-memory) or as a TCP server: the zero-configuration default. */
  H2,
  /** PostgreSQL 15 or newer. */
  POSTGRESQL
}
