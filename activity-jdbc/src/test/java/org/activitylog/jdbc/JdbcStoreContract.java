package org.activitylog.jdbc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.ActivityStoreContract;
import org.activitylog.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInfo;

/**
 * The whole testkit on one JDBC database per test class: a subclass says which database, and its
 * tests share it (each keeps to random workspaces of its own); it is dropped after the class.
 */
abstract class JdbcStoreContract extends ActivityStoreContract {
  private static final Map<Class<?>, ContractDatabase> DATABASES = new ConcurrentHashMap<>();

  /** {@return the database this class's tests run on; called once per class} */
  abstract ContractDatabase newDatabase();

  @AfterAll
  static void dropDatabase(TestInfo info) {
    info.getTestClass().map(DATABASES::remove).ifPresent(ContractDatabase::close);
  }

  @Override
  protected ActivityStore createStore(MutableClock clock) {
    return database().store(clock);
  }

  @Override
  protected Optional<ActivityStore> createSecondStore(ActivityStore first, MutableClock clock) {
    return Optional.of(database().store(clock));
  }

  @Override
  protected void cleanUp(ActivityStore store, List<Long> workspaceGroupIds) {
    database().deleteWorkspaces(workspaceGroupIds);
  }

  private ContractDatabase database() {
    return DATABASES.computeIfAbsent(getClass(), c -> newDatabase());
  }
}
