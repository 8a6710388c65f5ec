package org.activitylog.api;

/** The entry rules of either kind of actor, for the types that take an actor from outside. */
final class Actors {
  private Actors() {}

  /**
   * {@return the actor when it meets every entry rule of its kind}
   *
   * @param actor the actor, however it was built
   */
  static Actor check(Actor actor) {
    return actor instanceof UserSimple user ? user.checked() : ((Member) actor).checked();
  }
}
