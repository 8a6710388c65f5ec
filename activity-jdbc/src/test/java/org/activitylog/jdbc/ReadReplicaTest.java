package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reads from a real PostgreSQL streaming replica: which server a read reaches is shown by pausing
 * the replica's WAL replay, so that a row the primary has and the replica has not tells them apart
 * (skipped without a replica, failed without one when CI=true).
 */
@DisplayName("Reads from a PostgreSQL replica")
class ReadReplicaTest {
  private static final UserSimple ACTOR = UserSimple.of(7, "replica.reader", "r@example.com");
  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() {
    TestDatabase.replicaUrl();
    db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "replica").migrated();
  }

  @AfterAll
  static void dropDatabase() {
    if (db != null) {
      try {
        replay("pg_wal_replay_resume()");
      } finally {
        db.close();
      }
    }
  }

  /**
   * If this fails, check that StoreAccess.withHandle runs reads on the replica when the store has
   * written nothing the replica lacks, and on the primary otherwise.
   */
  @Test
  @DisplayName(
      "A store reads from the replica, so another node's write shows only once the replica has"
          + " it; the store's own write shows at once, even while the replica lags")
  void readsGoToTheReplicaAndSeeTheirOwnWrites() {
    long group = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000);
    try (JdbcActivityStore reader = db.hostBuilder().readReplica(db.replicaDataSource()).build();
        JdbcActivityStore otherNode = db.hostBuilder().migrate(false).build()) {
      replay("pg_wal_replay_pause()");
      try {
        Activity theirs = otherNode.activities().insert(activity(group));
        assertThat(texts(reader, group))
            .as("a read while the replica has not replayed another node's write")
            .isEmpty();

        Activity mine = reader.activities().insert(activity(group));
        assertThat(texts(reader, group))
            .as("a read right after the store's own write, the replica still paused")
            .containsExactlyInAnyOrder(theirs.text(), mine.text());
        assertThat(reader.activities().findById(mine.id()))
            .as("a get of the store's own write")
            .contains(mine);
      } finally {
        replay("pg_wal_replay_resume()");
      }
    }
  }

  /**
   * If this fails, check that ReplicaReads falls back to the primary when the replica's pool cannot
   * connect, instead of failing the read.
   */
  @Test
  @DisplayName("When the replica does not answer, reads go to the primary and succeed")
  void aReplicaThatDoesNotAnswerSendsReadsToThePrimary() {
    long group = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/activitylog");
    config.setConnectionTimeout(Duration.ofMillis(500).toMillis());
    config.setInitializationFailTimeout(-1);
    try (HikariDataSource unreachable = new HikariDataSource(config);
        JdbcActivityStore store = db.hostBuilder().readReplica(unreachable).build()) {
      Activity written = store.activities().insert(activity(group));
      assertThat(texts(store, group)).containsExactly(written.text());
      assertThat(texts(store, group)).as("the next read, within the pause").hasSize(1);
    }
  }

  /** If this fails, check the dialect check at the end of JdbcActivityStore.Builder.build. */
  @Test
  @DisplayName("A read replica on H2 is refused when the store is built")
  void h2RefusesAReplica() {
    try (TestDatabase h2 = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, "replica")) {
      JdbcActivityStore.Builder builder = h2.hostBuilder().readReplica(h2.dataSource());
      assertThatThrownBy(builder::build)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("PostgreSQL");
    }
  }

  private static List<String> texts(JdbcActivityStore store, long group) {
    return store
        .activities()
        .list(
            ActivityQuery.builder().workspaceGroupIds(List.of(group)).build(),
            PageRequest.of(1, 20),
            Sort.DEFAULT)
        .items()
        .stream()
        .map(Activity::text)
        .toList();
  }

  private static NewActivity activity(long group) {
    return NewActivity.builder(ActivityType.USER_LOGIN, ACTOR)
        .workspaceGroupId(group)
        .uid(UUID.randomUUID())
        .createdAt(Instant.now())
        .text("login " + UUID.randomUUID())
        .build();
  }

  /** Runs a replay control function on the replica. */
  private static void replay(String call) {
    try (Connection c = db.replicaDataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT " + call);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
