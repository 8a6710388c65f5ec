package org.activitylog.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.activitylog.api.JsonValue;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The values at the edges of what the model accepts, chosen by kind rather than by example: for
 * texts every class of character a storage layer tends to alter, for JSON every kind of value and
 * the bounds of numbers and nesting, for times the ends of the model's range and the instants
 * calendars and epochs turn on. The fidelity tests store each one and read it back.
 */
final class EdgeValues {
  private EdgeValues() {}

  /**
   * Texts a storage layer tends to alter. Each is short enough for every free-text field of the
   * model (the shortest limit is {@code created_by}'s 255 characters). Not among them: U+0000,
   * which PostgreSQL cannot store, so a backend may refuse it (its own test says so); and lone
   * surrogates, which the model refuses.
   */
  static final List<String> TEXTS =
      List.of(
          "",
          " ",
          "  leading and trailing spaces  ",
          "tab\there, line\nfeed, crlf\r\nand a lone cr\r",
          "quotes ' \" ` and backslashes \\ \\\\ and SQL wildcards % _ [a] *",
          "'; DROP TABLE activitylog_activity; --",
          "{\"looks\": [\"like\", \"json\"]} null true 1e9 \\u0041",
          "astral: \uD83D\uDE00 \uD834\uDD1E \uD840\uDC0B, skin tone \uD83D\uDC4D\uD83C\uDFFD,"
              + " family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67,"
              + " flag \uD83C\uDDE9\uD83C\uDDEA",
          "combining: e\u0301 (two chars) and \u00e9 (one), A\u030a and \u00c5,"
              + " jamo \u1100\u1161 and \uac00",
          "invisible: zero width \u200b joiner \u200d BOM \ufeff RTL \u202e pop \u202c,"
              + " line separator \u2028 paragraph \u2029",
          "controls: \u0001 \u0008 \u000b \u000c \u001b \u001f \u007f \u0085 \u009f",
          "specials: \ufffd replacement, \ufffe and \uffff non-characters, \ufdd0,"
              + " private use \ue000 and \uDBFF\uDFFD",
          "scripts: \u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac"
              + " \u0420\u0443\u0441\u0441\u043a\u0438\u0439 \u05e2\u05d1\u05e8\u05d9\u05ea"
              + " \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u0939\u093f\u0928\u094d\u0926\u0940"
              + " \u4e2d\u6587 \u65e5\u672c\u8a9e \u0e44\u0e17\u0e22");

  /**
   * Numbers at the model's bounds and where a double, a long or a fixed-scale decimal column would
   * change them: 100 significant digits, magnitudes from {@code 1e-308} to {@code
   * 1.7976931348623157e308}, integers past 2<sup>53</sup> and 2<sup>64</sup>, and decimals a double
   * cannot hold.
   */
  static final List<String> NUMBERS =
      List.of(
          "0",
          "1",
          "-1",
          "0.1",
          "-0.5",
          "1.5",
          "1.0",
          "100",
          "1E+2",
          "2.5E-3",
          "0.30000000000000004",
          "1.0000000000000000000000000000000000001",
          "9007199254740993",
          "-9007199254740993",
          "9223372036854775807",
          "-9223372036854775808",
          "18446744073709551617",
          "1234567890".repeat(10),
          "-0." + "1234567890".repeat(10),
          "1." + "2345678901".repeat(9) + "234567890E+300",
          "-1." + "2345678901".repeat(9) + "234567890E-308",
          "1E-308",
          "-1E-308",
          "2.2250738585072014E-308",
          "1.7976931348623157E+308",
          "-1.7976931348623157E+308");

  /**
   * {@return instants at the ends of the model's range and where epochs, calendars and precisions
   * turn, each with microseconds where it can have them}
   *
   * @param now the test clock's time, for ordinary instants with sub-millisecond parts
   */
  static List<Instant> times(Instant now) {
    return List.of(
        Instant.parse("0001-01-02T00:00:00Z"),
        Instant.parse("0001-01-02T00:00:00.000001Z"),
        Instant.parse("1582-10-04T23:59:59.999999Z"),
        Instant.parse("1582-10-15T00:00:00.000001Z"),
        Instant.parse("1899-12-31T23:59:59.999999Z"),
        Instant.parse("1969-12-31T23:59:59.999999Z"),
        Instant.parse("1970-01-01T00:00:00Z"),
        Instant.parse("1970-01-01T00:00:00.000001Z"),
        Instant.parse("2016-12-31T23:59:59.999999Z"),
        Instant.parse("2038-01-19T03:14:08.000001Z"),
        now.plusNanos(1_000),
        now.plusNanos(999_999_000),
        now.plusNanos(123_456_789),
        Instant.parse("9999-12-30T23:59:59.999999Z"));
  }

  /** {@return JSON values of every kind, at the bounds of numbers, texts, keys and nesting} */
  static List<JsonValue> json() {
    List<JsonValue> values = new ArrayList<>();
    values.add(JsonValue.nullValue());
    values.add(JsonValue.of(true));
    values.add(JsonValue.of(false));
    for (String n : NUMBERS) {
      values.add(JsonValue.of(new BigDecimal(n)));
    }
    // The model has no negative zero (BigDecimal has none): -0.0 is held, stored and read as zero.
    values.add(JsonValue.of(-0.0));
    values.add(JsonValue.of(Long.MIN_VALUE));
    values.add(JsonValue.of(Double.MAX_VALUE));
    for (String t : TEXTS) {
      values.add(JsonValue.of(t));
    }
    values.add(JsonValue.of("null"));
    values.add(JsonValue.of(List.of()));
    values.add(JsonValue.of(Map.of()));
    values.add(
        JsonValue.of(List.of(List.of(), Map.of(), List.of(List.of()), Map.of("", Map.of()))));
    values.add(JsonValue.of(Arrays.asList(null, true, 0, "0", "", List.of(), Map.of(), null)));
    Map<String, @Nullable Object> nullMembers = new LinkedHashMap<>();
    nullMembers.put("absent", null);
    nullMembers.put("nested", mapOf("also", null));
    nullMembers.put("list", Arrays.asList(null, null));
    values.add(JsonValue.of(nullMembers));
    Map<String, Object> keys = new LinkedHashMap<>();
    for (String key :
        List.of(
            "",
            " ",
            "a.b",
            "a/b",
            "$where",
            "__proto__",
            "null",
            "\"quoted\"",
            "back\\slash",
            "new\nline",
            "\uD83D\uDE00",
            "e\u0301",
            "\u00e9")) {
      keys.put(key, key.length());
    }
    values.add(JsonValue.of(keys));
    Map<String, Object> unordered = new LinkedHashMap<>();
    for (String key : List.of("z", "a", "m", "10", "9", "B", "b")) {
      unordered.put(key, key);
    }
    values.add(JsonValue.of(unordered));
    values.add(JsonValue.of(IntStream.range(0, 1000).boxed().toList()));
    Map<String, Object> many = new LinkedHashMap<>();
    for (int i = 299; i >= 0; i--) {
      many.put("member" + i, i % 3 == 0 ? List.of(i) : Map.of("i", i));
    }
    values.add(JsonValue.of(many));
    values.add(deepest(v -> List.of(v)));
    values.add(deepest(v -> mapOf("k", v)));
    values.add(deepest(v -> List.of(1, mapOf("a", v, "b", "sibling"))));
    return values;
  }

  /**
   * {@return the most deeply nested value the model accepts, built by wrapping an empty array until
   * {@link JsonValue#of} refuses one more level}
   *
   * @param wrap encloses a value in one more array or object
   */
  static JsonValue deepest(UnaryOperator<Object> wrap) {
    Object value = List.of();
    for (int level = 0; level < 1_000; level++) {
      Object deeper = wrap.apply(value);
      try {
        JsonValue.of(deeper);
      } catch (ValidationException e) {
        return JsonValue.of(value);
      }
      value = deeper;
    }
    throw new IllegalStateException("the model accepts JSON nested 1,000 levels deep");
  }

  /**
   * {@return a string of {@code length} characters made of a repeated text, cut at a character
   * boundary so that it never ends in half a surrogate pair}
   *
   * @param unit the text to repeat
   * @param length the length in UTF-16 chars
   */
  static String filled(String unit, int length) {
    StringBuilder b = new StringBuilder(length);
    while (b.length() + unit.length() <= length) {
      b.append(unit);
    }
    while (b.length() < length) {
      b.append('x');
    }
    return b.toString();
  }

  private static Map<String, @Nullable Object> mapOf(String key, @Nullable Object value) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  private static Map<String, @Nullable Object> mapOf(
      String k1, @Nullable Object v1, String k2, @Nullable Object v2) {
    Map<String, @Nullable Object> m = mapOf(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
