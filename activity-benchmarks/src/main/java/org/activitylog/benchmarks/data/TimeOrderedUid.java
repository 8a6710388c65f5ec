package org.activitylog.benchmarks.data;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs for a given instant (RFC 9562: 48 bits of Unix milliseconds, then random bits),
 * the kind the recorder generates. A data set whose uids follow its creation times loads the unique
 * index in order, as a live system would.
 */
public final class TimeOrderedUid {
  private TimeOrderedUid() {}

  /**
   * A uid for an instant.
   *
   * @param epochMillis the instant, in Unix milliseconds
   * @param random the source of the random bits
   */
  public static UUID at(long epochMillis, SplittableRandom random) {
    long msb = ((epochMillis & 0xFFFF_FFFF_FFFFL) << 16) | (0x7L << 12) | random.nextInt(1 << 12);
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }
}
