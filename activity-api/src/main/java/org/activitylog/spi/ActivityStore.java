package org.activitylog.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * A storage backend: the activities and the follow graph on one storage, so that the {@code
 * followedBy} filter can join them. Closing releases what the store owns (pools, files); a store
 * handed a resource by the host, such as a {@code DataSource}, never closes it.
 */
public interface ActivityStore extends AutoCloseable {

  /** {@return the activities} */
  ActivityRepository activities();

  /** {@return the follow graph} */
  FollowGraph follows();

  /**
   * Takes an exclusive, named lease on this store's storage, or answers at once that another holder
   * has it: the way a job (the retention job) runs on one application node at a time. Two stores on
   * the same storage, as two nodes on one database, never both hold a lease of one name, and
   * neither do two takers of one store; leases of different names are independent.
   *
   * <p>How a lease ends without {@link JobLease#close()} is the backend's to document, and {@link
   * JobLease#renew()} tells a holder it lost it. A lease kept as a row with an expiry lapses {@code
   * ttl} after it was taken or last renewed, measured by the clocks of the stores that take it
   * (keep {@code ttl} well above the clock difference between nodes), and may then be taken by
   * another holder; a lease kept as a session lock ignores {@code ttl} and ends with the session.
   *
   * @param name the lease's name, the same on every node: 1 to {@value JobLease#MAX_NAME} ASCII
   *     letters, digits, {@code .}, {@code _} and {@code -} ({@link JobLease#checkName})
   * @param ttl how long the lease lasts without renewal where leases lapse; at least one second
   * @return the lease, or empty when another holder has it
   * @throws org.activitylog.api.ValidationException naming {@code lease_name} or {@code lease_ttl}
   *     when one is not allowed
   */
  Optional<JobLease> tryLease(String name, Duration ttl);

  /** Releases what the store owns. Idempotent. */
  @Override
  void close();
}
