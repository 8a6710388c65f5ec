package org.activitylog.api;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.activitylog.api.internal.TimeOrderedUuids;

/**
 * Where activity uids come from when the caller gives none: the facade and the recorder fix a uid
 * when they accept an activity, so a retry stores it once.
 */
public final class Uids {

  private Uids() {}

  /**
   * {@return a thread-safe source of version 7 uids (RFC 9562): 48 bits of the clock's Unix
   * milliseconds, then random bits, so that uids made later sort later and a unique index on them
   * stays append-mostly}
   *
   * @param clock the clock whose time leads each uid
   */
  public static Supplier<UUID> timeOrdered(Clock clock) {
    return new TimeOrderedUuids(clock);
  }
}
