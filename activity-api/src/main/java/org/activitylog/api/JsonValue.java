package org.activitylog.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.activitylog.api.internal.JsonCodec;
import org.jspecify.annotations.Nullable;

/**
 * An arbitrary JSON value held as deeply immutable plain Java values, for an activity's {@code
 * resource}.
 *
 * <p>Build one from ordinary Java values with {@link #of(Object)}: maps with string keys, lists,
 * strings, numbers, booleans and {@code null}. JSON {@code null} is {@link JsonNull#INSTANCE}, so
 * no collection ever holds a Java {@code null}. Numbers compare by value ({@code 1.0} equals {@code
 * 1}), objects compare without regard to key order, as JSON does.
 */
public sealed interface JsonValue
    permits JsonValue.JsonNull,
        JsonValue.JsonBoolean,
        JsonValue.JsonNumber,
        JsonValue.JsonString,
        JsonValue.JsonArray,
        JsonValue.JsonObject {

  /**
   * How deeply values may nest: a value may sit inside at most this many arrays and objects, so
   * {@value} arrays may enclose an empty array but not a value in it.
   */
  int MAX_DEPTH = 32;

  /**
   * Converts plain Java values to a JSON value.
   *
   * @param value a {@code Map<String, ?>}, {@code List<?>}, {@code CharSequence}, {@code Number},
   *     {@code Boolean}, {@code JsonValue} or {@code null}, nested freely
   * @return the JSON value
   * @throws ValidationException naming the member's path ({@code resource.a.b}, {@code
   *     resource.tags[0]}) for any other type, a number outside {@link JsonNumber}'s bounds, text
   *     with an unpaired surrogate, a non-string key, or nesting deeper than {@value #MAX_DEPTH}
   */
  static JsonValue of(@Nullable Object value) {
    return JsonCodec.convert(value);
  }

  /** {@return JSON {@code null}} */
  static JsonValue nullValue() {
    return JsonNull.INSTANCE;
  }

  /** {@return whether this is JSON {@code null}} */
  default boolean isNull() {
    return this == JsonNull.INSTANCE;
  }

  /**
   * Back to plain Java values: {@code Map}, {@code List}, {@code String}, {@code BigDecimal},
   * {@code Boolean} or {@code null}. Returned collections are unmodifiable and keep key order; JSON
   * null inside them becomes a Java {@code null}.
   *
   * @return the plain value, or null for JSON {@code null}
   */
  @Nullable Object toPlain();

  /** {@return this value as compact JSON text} */
  default String toJson() {
    StringBuilder out = new StringBuilder();
    JsonCodec.write(this, out);
    return out.toString();
  }

  /** JSON {@code null}. */
  enum JsonNull implements JsonValue {
    /** The only instance. */
    INSTANCE;

    @Override
    public @Nullable Object toPlain() {
      return null;
    }
  }

  /**
   * A JSON boolean.
   *
   * @param value the boolean
   */
  record JsonBoolean(boolean value) implements JsonValue {
    @Override
    public Object toPlain() {
      return value;
    }
  }

  /**
   * A JSON number, compared by numeric value. Only numbers every JSON client reads back as the same
   * value enter: at most 100 significant digits and a magnitude a double can hold (zero, or from
   * {@code 1e-308} to {@code 1.7976931348623157e308}), checked by {@link #of} and wherever an
   * activity enters. There is no negative zero: {@code -0.0} is held as zero, as {@link BigDecimal}
   * has no signed zero.
   *
   * @param value the number, exact
   */
  record JsonNumber(BigDecimal value) implements JsonValue {
    /**
     * Rejects a missing value; the bounds are checked where values enter, so a backend rebuilds a
     * stored number through this constructor without checking it again.
     *
     * @param value the number, exact
     */
    public JsonNumber {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Object toPlain() {
      return value;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof JsonNumber other && value.compareTo(other.value) == 0;
    }

    @Override
    public int hashCode() {
      return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }
  }

  /**
   * A JSON string: well-formed UTF-16, every surrogate paired, as {@link #of} and every entry of an
   * activity check.
   *
   * @param value the text
   */
  record JsonString(String value) implements JsonValue {
    /**
     * Rejects a missing value; the text is checked where values enter, so a backend rebuilds a
     * stored string through this constructor without scanning it again.
     *
     * @param value the text
     */
    public JsonString {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Object toPlain() {
      return value;
    }
  }

  /**
   * A JSON array.
   *
   * @param items the elements in order, unmodifiable
   */
  record JsonArray(List<JsonValue> items) implements JsonValue {
    /**
     * Copies the elements into an unmodifiable list.
     *
     * @param items the elements in order, unmodifiable
     */
    public JsonArray {
      items = List.copyOf(items);
    }

    @Override
    public List<@Nullable Object> toPlain() {
      List<@Nullable Object> plain = new ArrayList<>(items.size());
      for (JsonValue item : items) {
        plain.add(item.toPlain());
      }
      return Collections.unmodifiableList(plain);
    }
  }

  /**
   * A JSON object; its keys are well-formed UTF-16, every surrogate paired, as {@link #of} and
   * every entry of an activity check.
   *
   * @param members the members, unmodifiable, in the order they were given
   */
  record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    /**
     * Copies the members into an unmodifiable map that keeps their order, rejecting a null key or
     * value; the keys are checked where values enter.
     *
     * @param members the members, unmodifiable, in the order they were given
     */
    public JsonObject {
      LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
      members.forEach(
          (k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
      members = Collections.unmodifiableMap(copy);
    }

    /**
     * {@return the member with that name, if present}
     *
     * @param name the member name
     */
    public Optional<JsonValue> get(String name) {
      return Optional.ofNullable(members.get(name));
    }

    @Override
    public Map<String, @Nullable Object> toPlain() {
      Map<String, @Nullable Object> plain = new LinkedHashMap<>();
      members.forEach((k, v) -> plain.put(k, v.toPlain()));
      return Collections.unmodifiableMap(plain);
    }
  }
}
