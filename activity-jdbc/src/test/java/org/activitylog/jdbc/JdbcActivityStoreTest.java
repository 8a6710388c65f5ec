package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.UnknownActivityType;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.TestActivities;
import org.activitylog.testkit.TestActivityTypes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building, configuring and closing a store. */
@DisplayName("JdbcActivityStore")
class JdbcActivityStoreTest {
  private final MutableClock clock = new MutableClock();
  private final TestActivities data = new TestActivities(clock);

  @Nested
  @DisplayName("The three ways to configure it")
  class Configuring {

    /** If this fails, check Builder.DEFAULT_H2_DIRECTORY and the default URL. */
    @Test
    @DisplayName("With no settings it keeps an H2 file database under ./activity-data/")
    void zeroConfiguration() throws IOException {
      Path dir = Path.of("activity-data");
      boolean existed = Files.exists(dir);
      try (JdbcActivityStore store = JdbcActivityStore.builder().build()) {
        assertThat(store.dialect()).isEqualTo(Dialect.H2);
        Activity a = store.activities().insert(data.any());
        assertThat(store.activities().findById(a.id())).contains(a);
      } finally {
        assertThat(dir.resolve("activitylog.mv.db")).exists();
        if (!existed) {
          deleteTree(dir);
        }
      }
    }

    /** If this fails, check that the file database is closed and reopened intact. */
    @Test
    @DisplayName("An H2 directory keeps its data across closing and reopening")
    void h2DirectoryPersists(@TempDir Path dir) {
      Activity a;
      try (JdbcActivityStore store = JdbcActivityStore.builder().h2Directory(dir).build()) {
        a = store.activities().insert(data.any());
      }
      assertThat(dir.resolve("activitylog.mv.db")).exists();
      try (JdbcActivityStore store = JdbcActivityStore.builder().h2Directory(dir).build()) {
        assertThat(store.activities().findById(a.id())).contains(a);
      }
    }

    /**
     * If this fails, check that the row mapper resolves the stored code through the builder's
     * catalogue, and falls back to an UnknownActivityType rather than failing.
     */
    @Test
    @DisplayName(
        "A host type reads back as the host's constant from a store given its catalogue, and as an"
            + " UnknownActivityType of its code from one that is not")
    void catalogueResolvesHostTypes() {
      String url = "jdbc:h2:mem:types_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
      ActivityCatalogue withTestTypes = ActivityCatalogue.standard().with(TestActivityTypes.class);
      try (JdbcActivityStore knowing =
              JdbcActivityStore.builder().jdbcUrl(url).catalogue(withTestTypes).build();
          JdbcActivityStore standard = JdbcActivityStore.builder().jdbcUrl(url).build()) {
        Activity a =
            knowing
                .activities()
                .insert(data.activity(TestActivityTypes.ORDER_PLACED, data.user()).build());

        assertThat(knowing.activities().findById(a.id()).orElseThrow().type())
            .isSameAs(TestActivityTypes.ORDER_PLACED);
        assertThat(standard.activities().findById(a.id()).orElseThrow().type())
            .isEqualTo(new UnknownActivityType("testkit.order_placed"));
      }
    }

    /** If this fails, check that credentials given apart from the URL reach the pool. */
    @Test
    @DisplayName("A JDBC URL with a user and password gives a store with a pool of its own")
    void jdbcUrlWithCredentials() {
      String url = "jdbc:h2:mem:url_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
      try (JdbcActivityStore store =
          JdbcActivityStore.builder().jdbcUrl(url, "sa", "").poolSize(2).build()) {
        Activity a = store.activities().insert(data.any());
        assertThat(store.activities().findByUid(a.workspaceGroupId(), a.uid())).contains(a);
      }
    }

    /** If this fails, check that close() leaves a host DataSource alone. */
    @Test
    @DisplayName("A host DataSource is used as it is and never closed by the store")
    void hostDataSourceStaysOpen() throws Exception {
      try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, "host_ds")) {
        JdbcActivityStore store = db.hostBuilder().clock(clock).build();
        store.activities().insert(data.any());
        store.close();
        store.close();

        assertThat(db.dataSource().isClosed()).isFalse();
        try (Connection c = db.dataSource().getConnection()) {
          assertThat(c.isValid(1)).isTrue();
        }
      }
    }
  }

  @Nested
  @DisplayName("Misconfiguration")
  class Misconfiguration {

    /** If this fails, check Builder.requireNoLocation. */
    @Test
    @DisplayName("Naming two places for the data fails and says they are alternatives")
    void twoLocations(@TempDir Path dir) {
      assertThatThrownBy(
              () -> JdbcActivityStore.builder().h2Directory(dir).jdbcUrl("jdbc:h2:mem:x"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("alternatives");
    }

    /** If this fails, check Builder.build's check of pool settings. */
    @Test
    @DisplayName("Pool settings with a host DataSource fail: the host owns that pool")
    void poolSettingsWithHostDataSource() {
      try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, "host_pool")) {
        assertThatThrownBy(() -> db.hostBuilder().poolSize(3).build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("poolSize");
        assertThatThrownBy(() -> db.hostBuilder().lockTimeout(Duration.ofSeconds(1)).build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("lockTimeout");
      }
    }

    /** If this fails, check the setting checks in the builder. */
    @Test
    @DisplayName("Bad values name the setting and the rule")
    void badValues() {
      assertThatThrownBy(() -> JdbcActivityStore.builder().poolSize(0))
          .hasMessageContaining("poolSize must be 1 or more");
      assertThatThrownBy(() -> JdbcActivityStore.builder().schema("Robert'); DROP TABLE x;--"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("schema must be");
      assertThatThrownBy(() -> JdbcActivityStore.builder().jdbcUrl("postgres://x"))
          .hasMessageContaining("jdbcUrl must start with");
      assertThatThrownBy(() -> JdbcActivityStore.builder().statementTimeout(Duration.ofMillis(10)))
          .hasMessageContaining("statementTimeout must be at least 1 s");
      assertThatThrownBy(() -> JdbcActivityStore.builder().lockTimeout(Duration.ZERO))
          .hasMessageContaining("lockTimeout must be at least 1 ms");
    }
  }

  /** If this fails, check that close() marks the store closed before releasing the pool. */
  @Test
  @DisplayName("A closed store reports itself unavailable")
  void closedStore() {
    String url = "jdbc:h2:mem:closed_" + System.nanoTime();
    JdbcActivityStore store = JdbcActivityStore.builder().jdbcUrl(url).build();
    store.close();
    assertThatThrownBy(() -> store.activities().count(data.query().build()))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("closed");
  }

  /** If this fails, check the migration scripts listed in SchemaMigrations. */
  @Test
  @DisplayName("The printed DDL holds both tables and every index, with the reasons")
  void printedDdl() {
    for (Dialect dialect : Dialect.values()) {
      String ddl = JdbcActivityStore.schemaSql(dialect);
      assertThat(ddl)
          .as("DDL for %s", dialect)
          .contains("CREATE TABLE IF NOT EXISTS activitylog_activity")
          .contains("CREATE TABLE IF NOT EXISTS activitylog_follow")
          .contains("activitylog_activity_tenant_time_idx")
          .contains("activitylog_activity_actor_time_idx")
          .contains("activitylog_activity_type_time_idx")
          .contains("activitylog_activity_tenant_live_idx")
          .contains("activitylog_activity_type_live_idx")
          .contains("activitylog_activity_campaign_time_idx")
          .contains("activitylog_activity_uid_key")
          .contains("activitylog_follow_followee_idx")
          .contains("-- A workspace's feed");
    }
    assertThat(JdbcActivityStore.schemaSql(Dialect.POSTGRESQL)).contains("JSONB");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
