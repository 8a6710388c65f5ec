package org.activitylog.jdbc.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Converts between the API's {@link JsonValue} and Jackson's tree. Numbers stay exact {@code
 * BigDecimal}s both ways, so a stored resource equals the one that was written.
 */
final class JsonValueNodes {
  private JsonValueNodes() {}

  static JsonNode toNode(JsonValue value, JsonNodeFactory nodes) {
    if (value instanceof JsonNull) {
      return nodes.nullNode();
    }
    if (value instanceof JsonBoolean b) {
      return nodes.booleanNode(b.value());
    }
    if (value instanceof JsonNumber n) {
      return nodes.numberNode(n.value());
    }
    if (value instanceof JsonString s) {
      return nodes.textNode(s.value());
    }
    if (value instanceof JsonArray a) {
      ArrayNode array = nodes.arrayNode(a.items().size());
      for (JsonValue item : a.items()) {
        array.add(toNode(item, nodes));
      }
      return array;
    }
    JsonObject o = (JsonObject) value;
    ObjectNode object = nodes.objectNode();
    o.members().forEach((name, member) -> object.set(name, toNode(member, nodes)));
    return object;
  }

  static JsonValue fromNode(JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return JsonValue.nullValue();
    }
    if (node.isBoolean()) {
      return new JsonBoolean(node.booleanValue());
    }
    if (node.isNumber()) {
      return new JsonNumber(node.decimalValue());
    }
    if (node.isTextual()) {
      return new JsonString(node.textValue());
    }
    if (node.isArray()) {
      List<JsonValue> items = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        items.add(fromNode(item));
      }
      return new JsonArray(items);
    }
    if (node.isObject()) {
      Map<String, JsonValue> members = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        members.put(e.getKey(), fromNode(e.getValue()));
      }
      return new JsonObject(members);
    }
    throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
  }
}
