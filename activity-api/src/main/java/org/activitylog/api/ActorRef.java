package org.activitylog.api;

import java.util.Locale;
import java.util.UUID;
import org.activitylog.api.internal.Checks;

/**
 * Identifies who performed activities, across both seed models: an AISquare user by numeric id or a
 * Brightidea member by UUID. Used by the actor filter, the follow graph and erasure. Two references
 * name the same actor only when kind and id both match: user {@code 5} and member {@code
 * 00000000-0000-0000-0000-000000000005} are different actors, and so are the anonymous user and
 * member that erasure leaves (user {@code 0}, member {@code 00000000-0000-0000-0000-000000000000}).
 *
 * @param kind whether the id is a user's or a member's
 * @param id the id in canonical text form: decimal for users, lower-case UUID for members
 */
public record ActorRef(Kind kind, String id) {

  /** The two kinds of actor. */
  public enum Kind {
    /** An AISquare {@link UserSimple}, identified by a number. */
    USER,
    /** A Brightidea {@link Member}, identified by a UUID. */
    MEMBER
  }

  /**
   * Checks that the id has the canonical form of its kind.
   *
   * @param kind whether the id is a user's or a member's
   * @param id the id in canonical text form: decimal for users, lower-case UUID for members
   */
  public ActorRef {
    Checks.required("actor.kind", kind);
    Checks.required("actor.id", id);
    String canonical =
        switch (kind) {
          case USER -> canonicalUserId(id);
          case MEMBER -> canonicalMemberId(id);
        };
    if (!canonical.equals(id)) {
      throw new ValidationException(
          "actor.id", "must be in canonical form \"" + canonical + "\"", id);
    }
  }

  /**
   * {@return whether this is the anonymous user or member that erasure leaves in place of a person}
   * One such reference stands for every erased person of every tenant, so erasing it or following
   * it would reach them all.
   */
  public boolean isAnonymous() {
    return switch (kind) {
      case USER -> id.equals("0");
      case MEMBER -> id.equals("00000000-0000-0000-0000-000000000000");
    };
  }

  /**
   * {@return the reference of an AISquare user}
   *
   * @param userId the user's id, zero or more
   */
  public static ActorRef user(long userId) {
    return new ActorRef(Kind.USER, Long.toString(Checks.nonNegative("user.id", userId)));
  }

  /**
   * {@return the reference of a Brightidea member}
   *
   * @param memberId the member's id
   */
  public static ActorRef member(UUID memberId) {
    return new ActorRef(Kind.MEMBER, memberId.toString());
  }

  /**
   * Parses the form {@link #toString()} prints: {@code user:42} or {@code member:<uuid>}.
   *
   * @param text the reference as text
   * @return the reference
   * @throws ValidationException naming {@code actor} when the text has neither form
   */
  public static ActorRef parse(String text) {
    int colon = text.indexOf(':');
    if (colon > 0) {
      String kind = text.substring(0, colon);
      String id = text.substring(colon + 1);
      try {
        if (kind.equals("user")) {
          return user(Long.parseLong(id));
        }
        if (kind.equals("member")) {
          return member(UUID.fromString(id));
        }
      } catch (IllegalArgumentException e) {
        // falls through to the one error below
      }
    }
    throw new ValidationException("actor", "must be user:<number> or member:<uuid>", text);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
  }

  private static String canonicalUserId(String id) {
    try {
      return Long.toString(Checks.nonNegative("actor.id", Long.parseLong(id)));
    } catch (NumberFormatException e) {
      throw new ValidationException("actor.id", "must be a user number", id);
    }
  }

  private static String canonicalMemberId(String id) {
    try {
      return UUID.fromString(id).toString();
    } catch (IllegalArgumentException e) {
      throw new ValidationException("actor.id", "must be a member UUID", id);
    }
  }
}
