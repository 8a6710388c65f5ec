package org.activitylog.testkit.broken;

import java.util.Comparator;
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
 * Keeps the {@code comments} member of the extension slot in a child table and reads it back {@code
 * ORDER BY date_created}, with no column for the position: the list comes back in date order (items
 * without a date last), not in the order given.
 */
final class CommentsReadInDateOrder extends BrokenRepository {

  CommentsReadInDateOrder(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    if (!(stored.content().extensions().get("comments") instanceof JsonArray comments)) {
      return stored;
    }
    Map<String, JsonValue> read = new LinkedHashMap<>(stored.content().extensions());
    read.put(
        "comments",
        new JsonArray(
            comments.items().stream()
                .sorted(
                    Comparator.comparing(
                        CommentsReadInDateOrder::dateCreated,
                        Comparator.nullsLast(Comparator.<String>naturalOrder())))
                .toList()));
    return Rows.withContent(stored, Rows.withExtensions(stored.content(), read));
  }

  /** The ISO-8601 text sorts as the column's timestamps do. */
  private static String dateCreated(JsonValue comment) {
    return comment instanceof JsonObject o
            && o.members().get("date_created") instanceof JsonString s
        ? s.value()
        : null;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, CommentsReadInDateOrder::new);
    }
  }
}
