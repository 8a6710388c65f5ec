package org.activitylog.http;

import java.util.Map;
import java.util.Optional;
import org.activitylog.core.Requester;

/**
 * Resolves the token of an {@code Authorization: Bearer <token>} header to a requester. Supplied by
 * the host application, which owns users, sessions and tokens; the adapter never stores tokens.
 *
 * <p>A request without an {@code Authorization} header is anonymous and never reaches the
 * authenticator. A token the authenticator does not know ({@link Optional#empty()}) is answered
 * with 401.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * The requester a bearer token stands for.
   *
   * @param token the token, without the {@code Bearer} prefix; never empty
   * @return the requester, or empty when the token is unknown, expired or revoked
   */
  Optional<Requester> authenticate(String token);

  /** {@return an authenticator that knows no token: every request is anonymous or unauthorized} */
  static Authenticator none() {
    return token -> Optional.empty();
  }

  /**
   * {@return a fixed table of tokens, for demos and tests}
   *
   * @param tokens each token with its requester
   */
  static Authenticator of(Map<String, Requester> tokens) {
    Map<String, Requester> copy = Map.copyOf(tokens);
    return token -> Optional.ofNullable(copy.get(token));
  }
}
