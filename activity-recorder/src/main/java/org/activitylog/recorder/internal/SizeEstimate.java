package org.activitylog.recorder.internal;

import java.util.Map;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.JsonValue;
import org.activitylog.api.NewActivity;
import org.jspecify.annotations.Nullable;

/**
 * Estimates how much heap a queued activity holds, for the queue's byte bound. It walks the
 * activity without allocating or serialising: the bound guards against a queue of huge resources
 * exhausting memory, where a rough figure is enough and an exact one would cost the caller time.
 * Characters count two bytes; each object a fixed overhead.
 */
final class SizeEstimate {
  /** The activity, its content, uid, instants and actor with a typical profile. */
  static final int BASE = 640;

  private static final int NODE = 32;
  private static final int MEMBER = 320;

  private SizeEstimate() {}

  /**
   * The estimated size.
   *
   * @param activity the activity
   * @return bytes, at least {@link #BASE}
   */
  static int of(NewActivity activity) {
    ActivityContent content = activity.content();
    long bytes = BASE + chars(content.text()) + json(content.resource());
    bytes += extensions(content.extensions());
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  private static long extensions(Map<String, JsonValue> fields) {
    long bytes = fields.isEmpty() ? 0 : NODE;
    for (Map.Entry<String, JsonValue> e : fields.entrySet()) {
      bytes += NODE + chars(e.getKey()) + json(e.getValue());
    }
    return bytes;
  }

  private static long json(JsonValue value) {
    if (value instanceof JsonValue.JsonString s) {
      return NODE + chars(s.value());
    }
    if (value instanceof JsonValue.JsonArray a) {
      long bytes = NODE;
      for (JsonValue item : a.items()) {
        bytes += 8 + json(item);
      }
      return bytes;
    }
    if (value instanceof JsonValue.JsonObject o) {
      long bytes = NODE;
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        bytes += NODE + chars(e.getKey()) + json(e.getValue());
      }
      return bytes;
    }
    return value.isNull() ? 0 : NODE;
  }

  private static long chars(@Nullable String text) {
    return text == null ? 0 : 40 + 2L * text.length();
  }
}
