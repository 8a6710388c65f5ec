package org.activitylog.api;

/** What erasing an actor does to its activities. */
public enum ErasureMode {
  /** Delete the activities for good. */
  REMOVE,
  /**
   * Keep the activities but replace the actor with the anonymous user or member of its kind (user
   * {@code 0} or the member with the nil UUID, see {@link ActorRef#isAnonymous()}, with no personal
   * field) and clear {@code created_by}, {@code updated_by} and {@code deleted_by}, which may name
   * the person; the version grows by one and {@code updated_at} is stamped. Text and resource are
   * kept: use {@link #REMOVE} when they may hold personal data.
   */
  ANONYMISE
}
