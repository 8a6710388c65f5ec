package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.UserSimple;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file whose index misses a row its table holds, as a kill can leave it, is refused at open
 * after an unclean shutdown instead of serving feeds that silently leave the row out. The damage is
 * made with H2's own index API: the row is taken out of one secondary index and nothing else.
 */
class IndexIntegrityTest {
  private static final UserSimple ACTOR = UserSimple.of(3, "integrity", "integrity@example.com");

  @TempDir Path dir;

  @Test
  void anIndexThatMissesARowFailsTheOpenAfterAnUncleanShutdown() throws Exception {
    long id = storeThreeAndDamage("ACTIVITYLOG_ACTIVITY_TIME_IDX");
    leaveUncleanMark();

    StoreUnavailableException e =
        catchThrowableOfType(
            StoreUnavailableException.class,
            () -> JdbcActivityStore.builder().h2Directory(dir).build().close());

    assertThat(e).as("the damaged row %d must not be served silently", id).isNotNull();
    assertThat(e.reason()).isEqualTo(StoreUnavailableException.Reason.DAMAGED);
    assertThat(e.getMessage())
        .isEqualTo(
            "an index of the activity database misses rows after an unclean shutdown; stop the"
                + " application and rebuild the indexes as activity-jdbc/README.md describes")
        .doesNotContain(dir.toString());
  }

  @Test
  void theUniqueUidIndexIsCheckedToo() throws Exception {
    storeThreeAndDamage("ACTIVITYLOG_ACTIVITY_UID_GROUP_KEY");
    leaveUncleanMark();

    StoreUnavailableException e =
        catchThrowableOfType(
            StoreUnavailableException.class,
            () -> JdbcActivityStore.builder().h2Directory(dir).build().close());

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(StoreUnavailableException.Reason.DAMAGED);
  }

  @Test
  void intactIndexesOpenAfterAnUncleanShutdownAndTheMarkIsCleared() throws Exception {
    try (JdbcActivityStore store = JdbcActivityStore.builder().h2Directory(dir).build()) {
      store.activities().insert(activity());
    }
    leaveUncleanMark();

    try (JdbcActivityStore store = JdbcActivityStore.builder().h2Directory(dir).build()) {
      assertThat(store.activities().count(ActivityQuery.ALL)).isEqualTo(1);
    }
    try (Connection c = raw();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM activitylog_open_marker")) {
      rs.next();
      assertThat(rs.getLong(1)).as("marks left after a clean close").isZero();
    }
  }

  /** Stores three activities, takes the middle one out of one index, closes cleanly. */
  private long storeThreeAndDamage(String indexPattern) throws SQLException {
    long id;
    try (JdbcActivityStore store = JdbcActivityStore.builder().h2Directory(dir).build()) {
      store.activities().insert(activity());
      Activity middle = store.activities().insert(activity());
      store.activities().insert(activity());
      id = middle.id();
      try (Connection c = raw()) {
        String name;
        try (var ps =
            c.prepareStatement(
                "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME LIKE ?")) {
          ps.setString(1, indexPattern);
          try (var rs = ps.executeQuery()) {
            assertThat(rs.next()).as("index %s", indexPattern).isTrue();
            name = rs.getString(1);
          }
        }
        SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        Index index = session.getDatabase().getSchema("PUBLIC").findIndex(session, name);
        assertThat(index).as("index %s", name).isNotNull();
        index.remove(session, index.getTable().getRow(session, id));
        session.commit(false);
      }
    }
    return id;
  }

  /** What a killed store leaves: its mark, never removed. */
  private void leaveUncleanMark() throws SQLException {
    try (Connection c = raw();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO activitylog_open_marker VALUES (RANDOM_UUID(), CURRENT_TIMESTAMP)");
    }
  }

  private Connection raw() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("activitylog") + ";WRITE_DELAY=0");
  }

  private static NewActivity activity() {
    return NewActivity.builder(ActivityType.USER_LOGIN, ACTOR)
        .workspaceGroupId(3)
        .uid(java.util.UUID.randomUUID())
        .createdAt(java.time.Instant.now())
        .build();
  }
}
