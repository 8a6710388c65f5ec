package org.activitylog.recorder.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Generates version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then random bits. Uids that
 * grow with time keep a unique index append-mostly, which measured 30–50% faster inserts at a
 * million rows than random version 4 uids.
 *
 * <p>The same generator as the facade's ({@code org.activitylog.api.internal.TimeOrderedUuids}),
 * kept here for the reason {@link Checks} gives.
 */
public final class TimeOrderedUuids implements Supplier<UUID> {
  // One generator per thread: the default SecureRandom on Linux serialises every caller on one
  // lock, which recording threads on a hot path would contend for. DRBG instances are independent.
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(TimeOrderedUuids::newRandom);

  private final Clock clock;

  /**
   * Creates a generator.
   *
   * @param clock the time source for the leading bits
   */
  public TimeOrderedUuids(Clock clock) {
    this.clock = clock;
  }

  @Override
  public UUID get() {
    long millis = clock.millis() & 0xFFFF_FFFF_FFFFL;
    SecureRandom random = RANDOM.get();
    long randA = random.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  private static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
