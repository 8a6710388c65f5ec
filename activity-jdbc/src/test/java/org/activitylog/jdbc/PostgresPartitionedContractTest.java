package org.activitylog.jdbc;

/**
 * The JDBC backend's month-partitioned layout runs the whole testkit on a real PostgreSQL server,
 * in a schema of its own (skipped without a server, failed without one when CI=true).
 */
class PostgresPartitionedContractTest extends JdbcStoreContract {
  @Override
  ContractDatabase newDatabase() {
    return new ContractDatabase(
        TestDatabase.Kind.POSTGRESQL, "pgpart", Layout.PARTITIONED_BY_MONTH, false);
  }
}
