package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.activitylog.spi.JobLease;
import org.activitylog.testkit.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a node that dies holding a job lease leaves, on each database: the backend's own choice,
 * which the testkit accepts either way.
 */
@DisplayName("Job leases when a holder dies")
class JobLeaseTest {
  private static final Duration TTL = Duration.ofMinutes(1);

  /**
   * If this fails, check that a PostgreSQL lease is a session-level advisory lock held on its own
   * connection, and that renew asks the server whether the session still holds it.
   */
  @Test
  @DisplayName(
      "On PostgreSQL a lease ends with its session: once the holder's connection is gone another"
          + " store takes it, and the former holder's renew answers false")
  void postgresLeaseEndsWithItsSession() throws InterruptedException {
    String name = "test.lease." + UUID.randomUUID();
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "lease").migrated();
        JdbcActivityStore holder = db.builder().migrate(false).build();
        JdbcActivityStore other = db.builder().migrate(false).build()) {
      JobLease held = holder.tryLease(name, TTL).orElseThrow();
      assertThat(other.tryLease(name, TTL)).as("a take while it is held").isEmpty();
      assertThat(held.renew()).as("renew while the session lives").isTrue();

      // What the server does when a node's process dies or its network goes: the session ends.
      db.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
              + " AND pid <> pg_backend_pid()");
      Optional<JobLease> taken = Optional.empty();
      for (int i = 0; i < 50 && taken.isEmpty(); i++) {
        taken = other.tryLease(name, TTL);
        if (taken.isEmpty()) {
          Thread.sleep(100);
        }
      }

      assertThat(taken).as("a take after the holder's session ended").isPresent();
      assertThat(held.renew()).as("the former holder's renew").isFalse();
      held.close();
      assertThat(other.tryLease(name, TTL))
          .as("a take after the former holder closed its lease")
          .isEmpty();
      taken.get().close();
    }
  }

  /**
   * If this fails, check that an H2 lease row is taken over only once its expiry has passed, and
   * that releasing names the holder.
   */
  @Test
  @DisplayName(
      "On H2 a store that stops without releasing leaves its lease row, which another store takes"
          + " over once it has expired; the former holder's release then leaves it alone")
  void h2LeaseRowLapses() {
    MutableClock clock = new MutableClock();
    String name = "test.lease." + UUID.randomUUID();
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_FILE, "lease").migrated();
        JdbcActivityStore other = db.builder().clock(clock).migrate(false).build()) {
      JdbcActivityStore holder = db.builder().clock(clock).migrate(false).build();
      JobLease held = holder.tryLease(name, TTL).orElseThrow();
      holder.close(); // a node that stops without closing its lease, as a killed one does

      assertThat(other.tryLease(name, TTL)).as("a take before the lease expired").isEmpty();
      clock.advance(TTL.plusSeconds(1));
      JobLease taken = other.tryLease(name, TTL).orElseThrow();

      held.close();
      assertThat(other.tryLease(name, TTL))
          .as("a take after the former holder's late release")
          .isEmpty();
      assertThat(taken.renew()).as("the new holder's renew").isTrue();
      taken.close();
    }
  }
}
