package org.activitylog.testkit.broken;

import java.util.LinkedHashMap;
import java.util.Map;
import org.activitylog.api.Activity;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonObject;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Writes the resource with a JSON mapper set to leave out null members (Jackson's {@code
 * JsonInclude.Include.NON_NULL}): {@code {"a": null}} is stored as {@code {}}, so a member that was
 * explicitly null is gone.
 */
final class JsonNullMembersDropped extends BrokenRepository {

  JsonNullMembersDropped(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    return Rows.withContent(
        stored, Deep.map(stored.content(), JsonObject.class, JsonNullMembersDropped::withoutNulls));
  }

  private static JsonObject withoutNulls(JsonObject object) {
    Map<String, JsonValue> kept = new LinkedHashMap<>();
    object
        .members()
        .forEach(
            (k, v) -> {
              if (!v.isNull()) {
                kept.put(k, Deep.map(v, JsonObject.class, JsonNullMembersDropped::withoutNulls));
              }
            });
    return new JsonObject(kept);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, JsonNullMembersDropped::new);
    }
  }
}
