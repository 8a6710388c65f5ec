package org.activitylog.jdbc;

/**
 * The whole testkit on stores that read from a real PostgreSQL streaming replica and write to its
 * primary: read-your-writes keeps every contract that reads back what a test wrote (skipped without
 * a replica, failed without one when CI=true).
 */
class PostgresReplicaReadsContractTest extends JdbcStoreContract {
  @Override
  ContractDatabase newDatabase() {
    return new ContractDatabase(
        TestDatabase.Kind.POSTGRESQL, "replica", Layout.UNPARTITIONED, true);
  }
}
