package org.activitylog.jdbc;

/** The JDBC backend runs the whole testkit on an H2 file database, each store owning its pool. */
class H2FileActivityStoreContractTest extends JdbcStoreContract {
  @Override
  ContractDatabase newDatabase() {
    return new ContractDatabase(TestDatabase.Kind.H2_FILE, "h2file");
  }
}
