package org.activitylog.spi;

import java.time.Duration;
import org.activitylog.api.ValidationException;

/**
 * An exclusive, named lease on a store's storage, taken with {@link ActivityStore#tryLease}: while
 * one holder has it, no other taker gets it, on this application node or another one using the same
 * storage. A job that must run on one node at a time (the retention job) takes it before it works,
 * renews it while it works and closes it when done.
 *
 * <p>What ends a lease other than {@link #close()} depends on the backend, and {@link
 * ActivityStore#tryLease} says it for each: a lease kept as a row lapses when it was not renewed
 * within its time to live, so the lease of a node that died is taken over after that time; a lease
 * kept as a database session lock (PostgreSQL's advisory locks) ends with the session, so it is
 * free again as soon as the database notices the node's connection is gone. Either way a holder
 * learns it lost the lease from {@link #renew()}, and must stop working then.
 */
public interface JobLease extends AutoCloseable {

  /** The longest lease name. */
  int MAX_NAME = 100;

  /** {@return the lease's name} */
  String name();

  /**
   * Extends the lease by the time to live it was taken with, counted from now by the store's clock.
   *
   * @return true when this holder still has the lease; false when it lost it (it lapsed and another
   *     holder took it, or its session ended) or closed it, and then it must stop working
   */
  boolean renew();

  /**
   * Releases the lease, so that another taker may have it at once. Idempotent, and never fails:
   * releasing a lease that another holder has taken over leaves that holder's lease alone.
   */
  @Override
  void close();

  /**
   * Checks a lease name, for backends: 1 to {@value #MAX_NAME} ASCII letters, digits, {@code .},
   * {@code _} and {@code -}.
   *
   * @param name the name
   * @return the name
   * @throws ValidationException naming {@code lease_name} otherwise
   */
  static String checkName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      throw new ValidationException("lease_name", "must be 1 to " + MAX_NAME + " characters", name);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!allowed) {
        throw new ValidationException(
            "lease_name", "must be ASCII letters, digits, ., _ or -", name);
      }
    }
    return name;
  }

  /**
   * Checks a lease's time to live, for backends: at least one second.
   *
   * @param ttl the time to live
   * @return the time to live
   * @throws ValidationException naming {@code lease_ttl} otherwise
   */
  static Duration checkTtl(Duration ttl) {
    if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ValidationException("lease_ttl", "must be at least 1 second", ttl);
    }
    return ttl;
  }
}
