package org.activitylog.spi;

/** What erasing an actor does to its activities. */
public enum ErasureMode {
  /** Delete the activities for good. */
  REMOVE,
  /**
   * Keep the activities but replace the actor with {@link org.activitylog.api.Actor#anonymised()}.
   * Text and resource are kept: use {@link #REMOVE} when they may hold personal data.
   */
  ANONYMISE
}
