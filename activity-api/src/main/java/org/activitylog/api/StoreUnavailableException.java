package org.activitylog.api;

import java.util.Objects;

/**
 * The storage backend cannot serve the call, for a {@link Reason} that is not the caller's fault.
 * Only {@linkplain Reason#isTransient() transient} reasons pass by waiting; the others need an
 * operator. The cause is kept for logs; the message never carries SQL, bind values, paths or
 * credentials.
 */
public class StoreUnavailableException extends ActivityLogException {
  private static final long serialVersionUID = 1L;

  /** Why the store cannot serve the call. */
  public enum Reason {
    /** The database is down or the connection was lost; retrying later may succeed. */
    UNREACHABLE(true),
    /**
     * The database is busy: every connection is in use and none came free in time, or it gave up a
     * transaction that conflicted with a concurrent one; retrying shortly may succeed.
     */
    BUSY(true),
    /**
     * A statement, or a wait for a row another transaction holds, took longer than the configured
     * timeout. Not transient: repeating at once would meet the same load or the same lock holder.
     */
    TIMEOUT(false),
    /** The storage is held by another process (for example an embedded database file). */
    LOCKED(false),
    /** The storage is damaged (for example an index that misses rows); an operator must repair. */
    DAMAGED(false),
    /** The schema is missing or out of date. */
    SCHEMA(false),
    /** Any other failure of the backend, including a call on a store that was closed. */
    FAILED(false);

    private final boolean transientReason;

    Reason(boolean transientReason) {
      this.transientReason = transientReason;
    }

    /** {@return whether the failure may pass by itself, so that a retry after a pause is useful} */
    public boolean isTransient() {
      return transientReason;
    }
  }

  private final Reason reason;

  /**
   * Creates a store-unavailable error without an underlying cause, for example for a closed store.
   *
   * @param reason why the store cannot serve the call
   * @param message what failed and what to do, safe to show
   */
  public StoreUnavailableException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates a store-unavailable error.
   *
   * @param reason why the store cannot serve the call
   * @param message what failed and what to do, safe to show
   * @param cause the underlying failure, for logs
   */
  public StoreUnavailableException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** {@return why the store cannot serve the call} */
  public Reason reason() {
    return reason;
  }
}
