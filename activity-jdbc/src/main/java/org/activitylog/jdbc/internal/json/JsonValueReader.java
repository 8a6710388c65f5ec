package org.activitylog.jdbc.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonArray;
import org.activitylog.api.JsonValue.JsonBoolean;
import org.activitylog.api.JsonValue.JsonNumber;
import org.activitylog.api.JsonValue.JsonObject;
import org.activitylog.api.JsonValue.JsonString;

/**
 * Reads a {@link JsonValue} straight from a parser's tokens. Reading every stored resource through
 * a Jackson tree first built each value twice; this builds it once. Numbers stay exact {@code
 * BigDecimal}s, as {@link JsonValueNodes} writes them.
 */
final class JsonValueReader {
  /** The most significant digits a {@link JsonNumber} holds. */
  private static final int MAX_DIGITS = 100;

  private JsonValueReader() {}

  /**
   * Reads the value that starts at the parser's current token, leaving the parser on its last
   * token.
   */
  static JsonValue read(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == null) {
      throw new IOException("no JSON value");
    }
    return switch (token) {
      case START_OBJECT -> {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          p.nextToken();
          members.put(name, read(p));
        }
        yield new JsonObject(members);
      }
      case START_ARRAY -> {
        List<JsonValue> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p));
        }
        yield new JsonArray(items);
      }
      case VALUE_STRING -> new JsonString(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(significant(p.getDecimalValue()));
      case VALUE_TRUE -> new JsonBoolean(true);
      case VALUE_FALSE -> new JsonBoolean(false);
      case VALUE_NULL -> JsonValue.nullValue();
      default -> throw new IOException("unexpected JSON token " + token);
    };
  }

  /**
   * The number without the trailing zeros of an integer written in plain notation, when they are
   * more digits than the model holds. PostgreSQL's {@code jsonb} prints every number that way:
   * {@code 1e300}, stored as written, comes back as 1 followed by 300 zeros, which the model would
   * refuse, making the activity unreadable. The zeros carry no value, so the number is the same.
   */
  private static BigDecimal significant(BigDecimal n) {
    return n.precision() > MAX_DIGITS ? n.stripTrailingZeros() : n;
  }
}
