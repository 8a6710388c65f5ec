package org.activitylog.spi;

import java.util.Set;
import org.activitylog.api.ActorRef;

/**
 * Who follows whom, for Brightidea's {@code following=1} filter. Implementations must be
 * thread-safe; following is idempotent. Actors are compared by kind and id: a user and a member are
 * different actors whatever their ids, so either may follow the other.
 */
public interface FollowGraph {

  /**
   * Makes one actor follow another.
   *
   * @param follower who follows
   * @param followee who is followed
   * @return true when the edge is new, false when it existed
   * @throws org.activitylog.api.ValidationException when an actor would follow itself
   */
  boolean follow(ActorRef follower, ActorRef followee);

  /**
   * Stops one actor following another.
   *
   * @param follower who followed
   * @param followee who was followed
   * @return true when an edge was removed
   */
  boolean unfollow(ActorRef follower, ActorRef followee);

  /**
   * Everyone an actor follows.
   *
   * @param follower the follower
   * @return an unmodifiable set, empty when the actor follows no one
   */
  Set<ActorRef> following(ActorRef follower);

  /**
   * Removes every edge from or to an actor, for erasure.
   *
   * @param actor the actor
   * @return how many edges were removed
   */
  long removeActor(ActorRef actor);
}
