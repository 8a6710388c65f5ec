package org.activitylog.api.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonArray;
import org.activitylog.api.JsonValue.JsonBoolean;
import org.activitylog.api.JsonValue.JsonNull;
import org.activitylog.api.JsonValue.JsonNumber;
import org.activitylog.api.JsonValue.JsonObject;
import org.activitylog.api.JsonValue.JsonString;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/** Turns plain Java values into {@link JsonValue} and writes compact JSON text. */
public final class JsonCodec {
  private static final String RESOURCE = "resource";

  private JsonCodec() {}

  /**
   * Converts plain values; see {@link JsonValue#of(Object)}.
   *
   * @param value a plain value
   * @return the JSON value
   */
  public static JsonValue convert(@Nullable Object value) {
    return convert(value, 0, RESOURCE);
  }

  /**
   * Converts one value; errors name its path, such as {@code resource.a.b} or {@code
   * resource.tags[0]}, checked here before the records check again under the name {@code resource}.
   */
  static JsonValue convert(@Nullable Object value, int depth, String path) {
    if (depth > JsonValue.MAX_DEPTH) {
      throw new ValidationException(RESOURCE, "must not nest deeper than " + JsonValue.MAX_DEPTH);
    }
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof JsonValue json) {
      return depth == 0 ? checkEntry(RESOURCE, json) : convert(json.toPlain(), depth, path);
    }
    if (value instanceof Boolean b) {
      return new JsonBoolean(b);
    }
    if (value instanceof CharSequence s) {
      return new JsonString(Checks.required(path, Checks.text(path, s.toString())));
    }
    if (value instanceof Number n) {
      return new JsonNumber(Checks.number(path, toBigDecimal(n, path)));
    }
    if (value instanceof Map<?, ?> map) {
      LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new ValidationException(path, "must have only string keys", e.getKey());
        }
        members.put(Checks.key(path, key), convert(e.getValue(), depth + 1, path + "." + key));
      }
      return new JsonObject(members);
    }
    if (value instanceof Iterable<?> list) {
      List<JsonValue> items = new ArrayList<>();
      for (Object item : list) {
        items.add(convert(item, depth + 1, path + "[" + items.size() + "]"));
      }
      return new JsonArray(items);
    }
    throw new ValidationException(
        path,
        "must be built of maps, lists, strings, numbers, booleans and null",
        value.getClass().getName());
  }

  /**
   * {@return the value when no value in it nests deeper than {@link JsonValue#MAX_DEPTH}, as {@link
   * #convert} requires} For values built from the records directly ({@code new JsonArray(...)}),
   * which check no depth: the walk stops at the limit, so a deeper value costs no deeper stack.
   *
   * @param field the field the value is, named by the error
   * @param value the value
   * @throws ValidationException naming the field when the value nests deeper than the limit
   */
  public static JsonValue checkDepth(String field, JsonValue value) {
    if (deeperThanLimit(value, 0)) {
      throw new ValidationException(field, "must not nest deeper than " + JsonValue.MAX_DEPTH);
    }
    return value;
  }

  /**
   * {@return the value when it may enter: nested no deeper than {@link JsonValue#MAX_DEPTH}, every
   * string and key well-formed UTF-16 and every number within {@link Checks#number}'s bounds} The
   * records check none of this, so that a store rebuilds stored values without the cost; a value
   * built from them directly meets the rules here, where an activity enters. Depth first, so that
   * the walk over the leaves recurses no deeper than the limit.
   *
   * @param field the field the value is, named by the errors
   * @param value the value
   * @throws ValidationException naming the field for the first rule the value breaks
   */
  public static JsonValue checkEntry(String field, JsonValue value) {
    checkDepth(field, value);
    checkLeaves(field, value);
    return value;
  }

  /**
   * Checks the strings, keys and numbers of a value no deeper than the limit.
   *
   * @param field the field the value is, named by the errors
   * @param value the value
   */
  public static void checkLeaves(String field, JsonValue value) {
    if (value instanceof JsonString s) {
      Checks.text(field, s.value());
    } else if (value instanceof JsonNumber n) {
      Checks.number(field, n.value());
    } else if (value instanceof JsonArray a) {
      for (JsonValue item : a.items()) {
        checkLeaves(field, item);
      }
    } else if (value instanceof JsonObject o) {
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        Checks.key(field, e.getKey());
        checkLeaves(field, e.getValue());
      }
    }
  }

  private static boolean deeperThanLimit(JsonValue value, int depth) {
    if (value instanceof JsonArray a) {
      if (depth == JsonValue.MAX_DEPTH) {
        return !a.items().isEmpty();
      }
      for (JsonValue item : a.items()) {
        if (deeperThanLimit(item, depth + 1)) {
          return true;
        }
      }
    } else if (value instanceof JsonObject o) {
      if (depth == JsonValue.MAX_DEPTH) {
        return !o.members().isEmpty();
      }
      for (JsonValue member : o.members().values()) {
        if (deeperThanLimit(member, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static BigDecimal toBigDecimal(Number n, String path) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new ValidationException(path, "must not contain NaN or infinite numbers", n);
      }
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(n.toString());
    } catch (NumberFormatException e) {
      // A Number whose text is no decimal, such as an AtomicLong subclass's.
      throw new ValidationException(path, "must be a decimal number", n);
    }
  }

  /**
   * {@return whether the compact JSON text of a value is longer than a limit} Counts without
   * building the text and stops as soon as the limit is passed, so checking a resource costs no
   * allocation.
   *
   * @param value the value
   * @param limit the most characters allowed
   */
  public static boolean longerThan(JsonValue value, int limit) {
    // Every activity that enters is checked; nearly all resources are far below the limit, and a
    // bound that never looks at the characters of the strings settles them. Only a value whose
    // bound passes the limit is counted exactly.
    return bound(value, limit) > limit && length(value, limit) > limit;
  }

  /**
   * An upper bound of the compact length: every character of a string as a six-character escape,
   * numbers by their digits and scale. Stops early once past the budget, like {@link #length}.
   */
  private static long bound(JsonValue value, long budget) {
    if (value instanceof JsonNull || value instanceof JsonBoolean) {
      return 5;
    } else if (value instanceof JsonNumber n) {
      // Sign, point, exponent marker, exponent sign and up to 11 exponent digits besides the
      // digits, or leading zeros no more than the scale.
      return n.value().precision() + Math.abs((long) n.value().scale()) + 16;
    } else if (value instanceof JsonString s) {
      return 2 + 6L * s.value().length();
    } else if (value instanceof JsonArray a) {
      long total = 2L + a.items().size();
      for (JsonValue item : a.items()) {
        total += bound(item, budget - total);
        if (total > budget) {
          return total;
        }
      }
      return total;
    }
    JsonObject o = (JsonObject) value;
    long total = 2L + o.members().size();
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      total += 3 + 6L * e.getKey().length() + bound(e.getValue(), budget - total);
      if (total > budget) {
        return total;
      }
    }
    return total;
  }

  private static long length(JsonValue value, long budget) {
    if (value instanceof JsonNull) {
      return 4;
    } else if (value instanceof JsonBoolean b) {
      return b.value() ? 4 : 5;
    } else if (value instanceof JsonNumber n) {
      return n.value().toString().length();
    } else if (value instanceof JsonString s) {
      return stringLength(s.value());
    } else if (value instanceof JsonArray a) {
      long total = 2L + Math.max(0, a.items().size() - 1);
      for (JsonValue item : a.items()) {
        total += length(item, budget - total);
        if (total > budget) {
          return total;
        }
      }
      return total;
    }
    JsonObject o = (JsonObject) value;
    long total = 2L + Math.max(0, o.members().size() - 1);
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      total += stringLength(e.getKey()) + 1 + length(e.getValue(), budget - total);
      if (total > budget) {
        return total;
      }
    }
    return total;
  }

  private static long stringLength(String s) {
    long n = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
        n += 2;
      } else if (c < 0x20) {
        n += 6;
      } else {
        n += 1;
      }
    }
    return n;
  }

  /**
   * Appends compact JSON text.
   *
   * @param value the value
   * @param out where the text is appended
   */
  public static void write(JsonValue value, StringBuilder out) {
    if (value instanceof JsonNull) {
      out.append("null");
    } else if (value instanceof JsonBoolean b) {
      out.append(b.value());
    } else if (value instanceof JsonNumber n) {
      out.append(n.value().toString());
    } else if (value instanceof JsonString s) {
      writeString(s.value(), out);
    } else if (value instanceof JsonArray a) {
      out.append('[');
      for (int i = 0; i < a.items().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(a.items().get(i), out);
      }
      out.append(']');
    } else if (value instanceof JsonObject o) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
