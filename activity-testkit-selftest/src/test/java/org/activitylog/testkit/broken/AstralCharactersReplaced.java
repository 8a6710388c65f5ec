package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Keeps every text in a three-byte UTF-8 character set (MySQL's {@code utf8}, that is {@code
 * utf8mb3}), which has no room for characters beyond the Basic Multilingual Plane: each emoji or
 * other astral character, in a column or inside a JSON document, comes back as {@code ?}.
 */
final class AstralCharactersReplaced extends BrokenRepository {

  AstralCharactersReplaced(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    return Deep.map(stored, String.class, AstralCharactersReplaced::threeByteUtf8);
  }

  private static String threeByteUtf8(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().forEach(c -> b.append(Character.isBmpCodePoint(c) ? (char) c : '?'));
    return b.toString();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, AstralCharactersReplaced::new);
    }
  }
}
