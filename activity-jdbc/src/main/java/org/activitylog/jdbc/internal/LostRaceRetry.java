package org.activitylog.jdbc.internal;

import java.util.Optional;
import java.util.function.Supplier;
import org.activitylog.api.ConflictException;
import org.jdbi.v3.core.JdbiException;

/**
 * The one retry policy of the JDBC store: a write that lost a race to a concurrent writer runs
 * again, as a whole new transaction, up to {@link #MAX_ATTEMPTS} times. Nothing above the
 * repository retries (the facade makes one store call per write), and nothing below it does.
 *
 * <p>A race is lost when an attempt answers empty (a row it needed vanished or changed between two
 * statements: a concurrent purge under an insert, a database that ignores {@code FOR UPDATE} under
 * an update without an expected version) or fails on the unique key (H2 has no {@code ON CONFLICT},
 * so the later of two concurrent inserts of one key fails there). Each retry sees the winner's
 * committed row, so one retry almost always settles it. A transaction the database rolled back to
 * break a deadlock or a serialization failure lost a race too, and so does a single statement
 * ({@link #statement}): two batch inserts that share keys in different orders, or an erasure and a
 * purge batch deleting the same rows, can deadlock on PostgreSQL, and the database's own advice is
 * to run the loser again. Every other failure, a conflict with a caller's expected version among
 * them, is the caller's answer and is never retried.
 */
final class LostRaceRetry {
  /** How often a write runs before the store gives up with a {@link ConflictException}. */
  static final int MAX_ATTEMPTS = 5;

  private LostRaceRetry() {}

  /**
   * Runs a write until it settles.
   *
   * @param attempt one attempt, empty when it lost a race
   * @param what what was being written, for the message when every attempt lost
   * @param <T> the result
   * @return the first settled result
   * @throws ConflictException when every attempt lost a race
   */
  static <T> T run(Supplier<Optional<T>> attempt, String what) {
    for (int n = 1; ; n++) {
      try {
        Optional<T> settled = attempt.get();
        if (settled.isPresent()) {
          return settled.get();
        }
      } catch (JdbiException | IllegalStateException e) {
        if (n >= MAX_ATTEMPTS
            || !(SqlErrors.isUniqueViolation(e) || SqlErrors.isTransientConflict(e))) {
          throw e;
        }
      }
      if (n >= MAX_ATTEMPTS) {
        throw new ConflictException(what + " kept changing while it was being written; try again");
      }
    }
  }

  /**
   * Runs one statement in a transaction of its own until the database stops rolling it back for a
   * deadlock or a serialization failure, up to {@link #MAX_ATTEMPTS} times.
   *
   * @param statement the statement's work
   * @param <T> its result
   * @return the result of the first attempt the database kept
   */
  static <T> T statement(Supplier<T> statement) {
    for (int n = 1; ; n++) {
      try {
        return statement.get();
      } catch (JdbiException | IllegalStateException e) {
        if (n >= MAX_ATTEMPTS || !SqlErrors.isTransientConflict(e)) {
          throw e;
        }
      }
    }
  }
}
