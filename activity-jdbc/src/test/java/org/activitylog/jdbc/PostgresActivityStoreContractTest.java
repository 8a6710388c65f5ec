package org.activitylog.jdbc;

/**
 * The JDBC backend runs the whole testkit on a real PostgreSQL server (skipped without one, failed
 * without one when CI=true).
 */
class PostgresActivityStoreContractTest extends JdbcStoreContract {
  @Override
  ContractDatabase newDatabase() {
    return new ContractDatabase(TestDatabase.Kind.POSTGRESQL, "pg");
  }
}
