package org.activitylog.api;

/**
 * The storage backend cannot be reached or failed in a way that is not the caller's fault (lost
 * connection, database down, pool exhausted). Retrying later may succeed. The cause is kept for
 * logs; the message never carries SQL, bind values or credentials.
 */
public class StoreUnavailableException extends ActivityLogException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a store-unavailable error without an underlying cause, for example for a closed store.
   *
   * @param message what failed, safe to show
   */
  public StoreUnavailableException(String message) {
    super(message);
  }

  /**
   * Creates a store-unavailable error.
   *
   * @param message what failed, safe to show
   * @param cause the underlying failure, for logs
   */
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
