package org.activitylog.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Converts between an activity's {@code resource} ({@link JsonValue}) and a Jackson tree, exactly:
 * numbers stay {@link java.math.BigDecimal} with their scale, object members keep their order.
 */
public final class ResourceCodec {
  private ResourceCodec() {}

  /**
   * {@return the tree of a value}
   *
   * @param value the resource
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
      a.items().forEach(item -> array.add(toNode(item)));
      return array;
    }
    if (value instanceof JsonObject o) {
      ObjectNode object = nodes.objectNode();
      o.members().forEach((k, v) -> object.set(k, toNode(v)));
      return object;
    }
    return nodes.nullNode();
  }

  /**
   * {@return the value of a tree, checked by {@link JsonValue#of(Object)}'s rules}
   *
   * @param node the tree, or null for JSON null
   * @throws org.activitylog.api.ValidationException naming {@code resource} when it nests too
   *     deeply
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
}
