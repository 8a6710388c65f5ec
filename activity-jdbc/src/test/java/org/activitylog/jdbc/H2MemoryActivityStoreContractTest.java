package org.activitylog.jdbc;

/** The JDBC backend runs the whole testkit on an H2 in-memory database. */
class H2MemoryActivityStoreContractTest extends JdbcStoreContract {
  @Override
  ContractDatabase newDatabase() {
    return new ContractDatabase(TestDatabase.Kind.H2_MEMORY, "h2mem");
  }
}
