package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ServerSocket;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import org.activitylog.api.ActivityLogException;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ConflictException;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.StoreUnavailableException.Reason;
import org.activitylog.api.ValidationException;
import org.activitylog.jdbc.internal.SqlErrors;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.TestActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Failures become the library's exceptions, and their messages never carry SQL, bound values, URLs
 * or credentials.
 */
@DisplayName("Errors")
class ErrorMessagesTest {
  private static final String SECRET_SQL =
      "SELECT secret_column FROM private_table WHERE pw = 'hunter2'";

  private final MutableClock clock = new MutableClock();
  private final TestActivities data = new TestActivities(clock);

  @Nested
  @DisplayName("Translating driver exceptions")
  class Translating {

    /** If this fails, check the SQLState classes in SqlErrors. */
    @Test
    @DisplayName(
        "Each SQLState becomes its library exception and reason, with a message free of SQL")
    void statesBecomeLibraryExceptions() {
      record Case(String state, Class<? extends ActivityLogException> expected, Reason reason) {}
      for (Case c :
          List.of(
              new Case("08006", StoreUnavailableException.class, Reason.UNREACHABLE),
              new Case("08001", StoreUnavailableException.class, Reason.UNREACHABLE),
              new Case("57P01", StoreUnavailableException.class, Reason.UNREACHABLE),
              new Case("57P03", StoreUnavailableException.class, Reason.UNREACHABLE),
              new Case("90067", StoreUnavailableException.class, Reason.UNREACHABLE),
              new Case("90098", StoreUnavailableException.class, Reason.UNREACHABLE),
              new Case("90121", StoreUnavailableException.class, Reason.UNREACHABLE),
              new Case("40001", StoreUnavailableException.class, Reason.BUSY),
              new Case("40P01", StoreUnavailableException.class, Reason.BUSY),
              new Case("53300", StoreUnavailableException.class, Reason.BUSY),
              new Case("57014", StoreUnavailableException.class, Reason.TIMEOUT),
              new Case("55P03", StoreUnavailableException.class, Reason.TIMEOUT),
              new Case("HYT00", StoreUnavailableException.class, Reason.TIMEOUT),
              new Case("90020", StoreUnavailableException.class, Reason.LOCKED),
              new Case("90030", StoreUnavailableException.class, Reason.DAMAGED),
              new Case("XX001", StoreUnavailableException.class, Reason.DAMAGED),
              new Case("XX002", StoreUnavailableException.class, Reason.DAMAGED),
              new Case("42P01", StoreUnavailableException.class, Reason.SCHEMA),
              new Case("42S02", StoreUnavailableException.class, Reason.SCHEMA),
              new Case("3F000", StoreUnavailableException.class, Reason.SCHEMA),
              new Case("28P01", StoreUnavailableException.class, Reason.FAILED),
              new Case("53100", StoreUnavailableException.class, Reason.FAILED),
              new Case("XX000", StoreUnavailableException.class, Reason.FAILED),
              new Case("23505", ConflictException.class, Reason.FAILED),
              new Case("22001", ValidationException.class, Reason.FAILED))) {
        ActivityLogException translated =
            SqlErrors.translate(
                new SQLException(SECRET_SQL + " user=app password=hunter2", c.state));
        assertThat(translated).as("SQLState %s", c.state).isInstanceOf(c.expected);
        if (translated instanceof StoreUnavailableException e) {
          assertThat(e.reason()).as("SQLState %s", c.state).isEqualTo(c.reason);
        }
        assertClean(translated);
      }
    }

    /** If this fails, check that a full pool is told apart from an unreachable database. */
    @Test
    @DisplayName("A pool timeout is BUSY when the database is up, UNREACHABLE when it is down")
    void poolTimeoutSaysWhy() {
      String timedOut = "activitylog - Connection is not available, request timed out after 250ms";
      StoreUnavailableException busy =
          (StoreUnavailableException)
              SqlErrors.translate(new SQLTransientConnectionException(timedOut));
      assertThat(busy.reason()).isEqualTo(Reason.BUSY);
      assertClean(busy);
      SQLException refused = new SQLException("Connection to 127.0.0.1:5 refused", "08001");
      StoreUnavailableException down =
          (StoreUnavailableException)
              SqlErrors.translate(new SQLTransientConnectionException(timedOut, "08001", refused));
      assertThat(down.reason()).isEqualTo(Reason.UNREACHABLE);
      SQLException locked = new SQLException("Database may be already in use", "90020");
      StoreUnavailableException held =
          (StoreUnavailableException)
              SqlErrors.translate(new SQLTransientConnectionException(timedOut, "90020", locked));
      assertThat(held.reason()).isEqualTo(Reason.LOCKED);
    }
  }

  @Nested
  @DisplayName("From a real database")
  class RealFailures {

    /** If this fails, check ConnectionPools' timeout and the translation of connect failures. */
    @Test
    @DisplayName("An unreachable server is reported as unavailable without the URL or password")
    void unreachableServer() throws Exception {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Throwable thrown =
          catchThrowable(
              () ->
                  JdbcActivityStore.builder()
                      .jdbcUrl(
                          "jdbc:postgresql://127.0.0.1:" + port + "/nowhere", "someone", "hunter2")
                      .connectionTimeout(Duration.ofMillis(500))
                      .build());
      assertThat(thrown).isInstanceOf(StoreUnavailableException.class);
      assertClean((ActivityLogException) thrown);
      assertThat(thrown.getMessage())
          .doesNotContain(String.valueOf(port))
          .doesNotContain("nowhere");
    }

    /** If this fails, check that an authentication failure does not echo the credentials. */
    @Test
    @DisplayName("Wrong credentials are reported without the user or password")
    void wrongPassword() {
      String url = TestDatabase.postgresUrl().replaceAll("password=[^&]*", "password=hunter2");
      Throwable thrown =
          catchThrowable(
              () ->
                  JdbcActivityStore.builder()
                      .jdbcUrl(url)
                      .connectionTimeout(Duration.ofMillis(500))
                      .build());
      assertThat(thrown).isInstanceOf(StoreUnavailableException.class);
      assertClean((ActivityLogException) thrown);
    }

    /** If this fails, check the translation of data exceptions (SQLState class 22). */
    @Test
    @DisplayName("A value PostgreSQL cannot store is a validation error that does not echo it")
    void unstorableValue() {
      try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "err_value");
          JdbcActivityStore store = db.builder().clock(clock).build()) {
        Throwable thrown =
            catchThrowable(
                () ->
                    store
                        .activities()
                        .insert(
                            data.activity(ActivityType.USER_LOGIN, data.user())
                                .text("nul \u0000 hunter2")
                                .build()));
        assertThat(thrown).isInstanceOf(ValidationException.class);
        assertClean((ActivityLogException) thrown);
      }
    }

    /** If this fails, check the translation of SQLState class 42 (undefined table). */
    @Test
    @DisplayName("A missing schema is reported as unavailable with a hint and no SQL")
    void missingSchema() {
      try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, "err_schema");
          JdbcActivityStore store = db.builder().clock(clock).migrate(false).build()) {
        Throwable thrown = catchThrowable(() -> store.activities().insert(data.any()));
        assertThat(thrown)
            .isInstanceOf(StoreUnavailableException.class)
            .hasMessageContaining("schema");
        assertClean((ActivityLogException) thrown);
      }
    }
  }

  private static void assertClean(ActivityLogException e) {
    assertThat(e.getMessage())
        .as("message of %s", e.getClass().getSimpleName())
        .doesNotContainIgnoringCase("select ")
        .doesNotContainIgnoringCase("insert ")
        .doesNotContain("activitylog_activity")
        .doesNotContain("hunter2")
        .doesNotContain("secret_column")
        .doesNotContain("jdbc:")
        .doesNotContain("password")
        .doesNotContain("user=");
  }
}
