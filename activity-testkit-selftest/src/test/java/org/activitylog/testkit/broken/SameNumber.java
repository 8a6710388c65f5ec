package org.activitylog.testkit.broken;

import java.util.UUID;
import org.activitylog.api.ActorRef;
import org.jspecify.annotations.Nullable;

/**
 * The actor a backend that keeps only an actor's number confuses with another: user {@code n} and
 * member {@code 00000000-0000-0000-<n in hex>}.
 */
final class SameNumber {
  private SameNumber() {}

  /**
   * {@return the actor of the other kind whose id holds the same number, or null when there is
   * none}
   *
   * @param actor an actor
   */
  static @Nullable ActorRef twin(ActorRef actor) {
    if (actor.kind() == ActorRef.Kind.USER) {
      return ActorRef.member(new UUID(0, Long.parseLong(actor.id())));
    }
    UUID member = UUID.fromString(actor.id());
    return member.getMostSignificantBits() == 0 && member.getLeastSignificantBits() >= 0
        ? ActorRef.user(member.getLeastSignificantBits())
        : null;
  }
}
