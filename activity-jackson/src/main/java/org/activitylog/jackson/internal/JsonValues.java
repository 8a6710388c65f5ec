package org.activitylog.jackson.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.jspecify.annotations.Nullable;

/**
 * Converts between {@link JsonValue} and Jackson, exactly: numbers stay {@link BigDecimal}s with
 * their scale ({@code 1.50} stays {@code 1.50}), object members keep their order.
 */
public final class JsonValues {
  /** The most significant digits a {@link JsonNumber} holds. */
  private static final int MAX_DIGITS = 100;

  private JsonValues() {}

  /**
   * {@return the tree of a value}
   *
   * @param value the value
   */
  public static JsonNode toNode(JsonValue value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof JsonBoolean b) {
      return nodes.booleanNode(b.value());
    }
    if (value instanceof JsonNumber n) {
      // DecimalNode directly: the factory would strip trailing zeros.
      return DecimalNode.valueOf(n.value());
    }
    if (value instanceof JsonString s) {
      return nodes.textNode(s.value());
    }
    if (value instanceof JsonArray a) {
      ArrayNode array = nodes.arrayNode(a.items().size());
      for (JsonValue item : a.items()) {
        array.add(toNode(item));
      }
      return array;
    }
    if (value instanceof JsonObject o) {
      ObjectNode object = nodes.objectNode();
      o.members().forEach((name, member) -> object.set(name, toNode(member)));
      return object;
    }
    return nodes.nullNode();
  }

  /**
   * {@return the value of a tree, checked by {@link JsonValue#of(Object)}'s rules}
   *
   * @param node the tree, or null for JSON null
   * @throws org.activitylog.api.ValidationException naming the member's path under {@code resource}
   *     when a number is out of bounds or the value nests too deeply
   */
  public static JsonValue fromNode(@Nullable JsonNode node) {
    return JsonValue.of(plain(node));
  }

  private static @Nullable Object plain(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isArray()) {
      List<@Nullable Object> items = new ArrayList<>(node.size());
      node.forEach(item -> items.add(plain(item)));
      return items;
    }
    Map<String, @Nullable Object> members = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      members.put(e.getKey(), plain(e.getValue()));
    }
    return members;
  }

  /**
   * Reads the value that starts at the parser's current token, leaving the parser on its last
   * token. Straight from the tokens: reading every stored resource through a tree first built each
   * value twice.
   *
   * @param p the parser, on the value's first token
   * @return the value
   * @throws IOException when the text is not JSON
   */
  public static JsonValue read(JsonParser p) throws IOException {
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
