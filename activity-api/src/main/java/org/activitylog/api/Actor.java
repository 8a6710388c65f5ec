package org.activitylog.api;

/**
 * Who performed an activity, with the profile as it was when the activity was recorded: an AISquare
 * {@link UserSimple} or a Brightidea {@link Member}.
 */
public sealed interface Actor permits UserSimple, Member {

  /** {@return the stable identity of this actor, used for filtering, following and erasure} */
  ActorRef ref();
}
