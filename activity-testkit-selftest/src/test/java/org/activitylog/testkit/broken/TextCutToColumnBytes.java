package org.activitylog.testkit.broken;

import java.nio.charset.StandardCharsets;
import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Sizes the text column in bytes ({@code VARCHAR2(10000 BYTE)}, Oracle's default length semantics)
 * and cuts what does not fit, as MySQL outside strict mode does: a text of 10,000 characters that
 * takes more than 10,000 bytes in UTF-8 comes back shortened.
 */
final class TextCutToColumnBytes extends BrokenRepository {
  private static final int COLUMN_BYTES = Activity.MAX_TEXT;

  TextCutToColumnBytes(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    String text = stored.text();
    if (text == null || text.getBytes(StandardCharsets.UTF_8).length <= COLUMN_BYTES) {
      return stored;
    }
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int c = text.codePointAt(end);
      int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > COLUMN_BYTES) {
        break;
      }
      bytes += size;
      end += Character.charCount(c);
    }
    return Rows.withContent(stored, Rows.withText(stored.content(), text.substring(0, end)));
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, TextCutToColumnBytes::new);
    }
  }
}
