package org.activitylog.jdbc.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonArray;
import org.activitylog.api.JsonValue.JsonBoolean;
import org.activitylog.api.JsonValue.JsonNull;
import org.activitylog.api.JsonValue.JsonNumber;
import org.activitylog.api.JsonValue.JsonObject;
import org.activitylog.api.JsonValue.JsonString;

/**
 * Converts the API's {@link JsonValue} to Jackson's tree for writing. Numbers stay exact {@code
 * BigDecimal}s, so a stored resource equals the one that was written ({@link JsonValueReader} reads
 * it back).
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
}
