package org.activitylog.api.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.activitylog.api.Activity;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonArray;
import org.activitylog.api.JsonValue.JsonObject;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/** The rules of the extension slot, shared by the records that carry one. */
public final class Extensions {
  private static final String FIELD = "extensions";

  private Extensions() {}

  /**
   * {@return an unmodifiable copy that keeps the order, empty for null} Checks what every slot
   * holds, cheaply enough for every row a store reads: names of 1 to {@value
   * Activity#MAX_EXTENSION_NAME} well-formed characters and no null.
   *
   * @param fields the fields, or null for none
   */
  public static Map<String, JsonValue> copy(@Nullable Map<String, JsonValue> fields) {
    if (fields == null || fields.isEmpty()) {
      return Map.of();
    }
    LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
    fields.forEach(
        (name, value) -> {
          Checks.required(FIELD, name);
          if (name.isEmpty() || name.length() > Activity.MAX_EXTENSION_NAME) {
            throw new ValidationException(
                FIELD,
                "must have names of 1 to " + Activity.MAX_EXTENSION_NAME + " characters",
                name.length() > 80 ? name.substring(0, 80) + "…" : name);
          }
          copy.put(Checks.key(FIELD, name), Objects.requireNonNull(value, "value"));
        });
    return Collections.unmodifiableMap(copy);
  }

  /**
   * {@return the fields when they fit where activities enter} The slot is stored as one JSON
   * object, so a value may nest one level less than a resource; its strings, keys and numbers meet
   * {@link JsonCodec#checkEntry}'s rules, and the object may be at most {@value
   * Activity#MAX_EXTENSIONS} characters of compact JSON.
   *
   * @param fields the fields, as {@link #copy} returns them
   */
  public static Map<String, JsonValue> check(Map<String, JsonValue> fields) {
    if (fields.isEmpty()) {
      return fields;
    }
    fields.forEach(
        (name, value) -> {
          if (depth(value, 1) > JsonValue.MAX_DEPTH) {
            throw new ValidationException(
                FIELD + "." + name, "must not nest deeper than " + (JsonValue.MAX_DEPTH - 1));
          }
          JsonCodec.checkLeaves(FIELD + "." + name, value);
        });
    if (JsonCodec.longerThan(new JsonObject(fields), Activity.MAX_EXTENSIONS)) {
      throw new ValidationException(
          FIELD, "must be at most " + Activity.MAX_EXTENSIONS + " characters as JSON");
    }
    return fields;
  }

  /** The deepest nesting below a value at {@code depth}; stops once past the limit. */
  private static int depth(JsonValue value, int depth) {
    if (depth > JsonValue.MAX_DEPTH) {
      return depth;
    }
    int deepest = depth;
    if (value instanceof JsonArray a) {
      for (JsonValue item : a.items()) {
        deepest = Math.max(deepest, depth(item, depth + 1));
      }
    } else if (value instanceof JsonObject o) {
      for (JsonValue member : o.members().values()) {
        deepest = Math.max(deepest, depth(member, depth + 1));
      }
    }
    return deepest;
  }
}
