package org.activitylog.testkit.broken;

import java.util.LinkedHashMap;
import java.util.Map;
import org.activitylog.api.Activity;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonArray;
import org.activitylog.api.JsonValue.JsonObject;
import org.activitylog.api.JsonValue.JsonString;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Writes the extension slot with a JSON mapper set to leave out empty values ({@code null}, {@code
 * []}, {@code {}}, {@code ""}), as the Brightidea writer leaves out empty lists: a member given
 * empty comes back absent.
 */
final class EmptyExtensionValuesDropped extends BrokenRepository {

  EmptyExtensionValuesDropped(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    Map<String, JsonValue> read = new LinkedHashMap<>(stored.content().extensions());
    if (!read.values().removeIf(EmptyExtensionValuesDropped::empty)) {
      return stored;
    }
    return Rows.withContent(stored, Rows.withExtensions(stored.content(), read));
  }

  private static boolean empty(JsonValue v) {
    return v.isNull()
        || (v instanceof JsonArray a && a.items().isEmpty())
        || (v instanceof JsonObject o && o.members().isEmpty())
        || (v instanceof JsonString s && s.value().isEmpty());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, EmptyExtensionValuesDropped::new);
    }
  }
}
