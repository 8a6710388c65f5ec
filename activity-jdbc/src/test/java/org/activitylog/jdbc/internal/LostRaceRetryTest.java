package org.activitylog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the store runs again by itself, and what it hands to the caller at once. */
@DisplayName("Retrying a statement the database rolled back")
class LostRaceRetryTest {

  /** If this fails, check SqlErrors.isTransientConflict and LostRaceRetry.statement. */
  @Test
  @DisplayName("A statement rolled back for a deadlock or a serialization failure runs again")
  void deadlocksRunAgain() {
    for (String state : new String[] {"40P01", "40001"}) {
      AtomicInteger attempts = new AtomicInteger();
      long result =
          LostRaceRetry.statement(
              () -> {
                if (attempts.incrementAndGet() < 3) {
                  throw failure(state);
                }
                return 7L;
              });
      assertThat(result).as(state).isEqualTo(7L);
      assertThat(attempts).as("attempts after " + state).hasValue(3);
    }
  }

  /** If this fails, check that LostRaceRetry.statement gives up after MAX_ATTEMPTS. */
  @Test
  @DisplayName("A statement that keeps deadlocking fails after the last attempt")
  void givesUp() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                LostRaceRetry.statement(
                    () -> {
                      attempts.incrementAndGet();
                      throw failure("40P01");
                    }))
        .isInstanceOf(ConnectionException.class);
    assertThat(attempts).hasValue(LostRaceRetry.MAX_ATTEMPTS);
  }

  /** If this fails, check that only transient conflicts are retried. */
  @Test
  @DisplayName("Any other failure reaches the caller after one attempt")
  void otherFailuresAreNotRetried() {
    for (String state : new String[] {"23505", "57014", "08006"}) {
      AtomicInteger attempts = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  LostRaceRetry.statement(
                      () -> {
                        attempts.incrementAndGet();
                        throw failure(state);
                      }))
          .as(state)
          .isInstanceOf(ConnectionException.class);
      assertThat(attempts).as("attempts after " + state).hasValue(1);
    }
  }

  private static ConnectionException failure(String state) {
    return new ConnectionException(new SQLException("rolled back", state));
  }
}
