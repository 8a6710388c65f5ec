package org.activitylog.formats.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Derives the XML layout from the JSON layout, so both formats carry the same data under the same
 * names: each JSON member becomes an element of the same name; a JSON array becomes an element that
 * wraps one element per item ({@code activity_list} wraps {@code activity}, {@code comments} wraps
 * {@code comment}, {@code hifive} wraps {@code hifive}); scalars become text; nulls are left out.
 * Text is {@linkplain XmlText#sanitize sanitized}.
 */
public final class XmlLayout {
  private static final Map<String, String> ITEM_NAMES =
      Map.of(
          BrightideaMapping.ACTIVITY_LIST, BrightideaMapping.ACTIVITY,
          BrightideaMapping.COMMENTS, BrightideaMapping.COMMENT,
          BrightideaMapping.HIFIVE, BrightideaMapping.HIFIVE);

  private static final String DEFAULT_ITEM_NAME = "item";

  private XmlLayout() {}

  /**
   * {@return the XML layout of a JSON-layout object}
   *
   * @param json the object in JSON layout
   */
  public static ObjectNode of(ObjectNode json) {
    ObjectNode xml = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> member : json.properties()) {
      JsonNode value = member.getValue();
      if (value.isNull()) {
        continue;
      }
      String name = member.getKey();
      if (value instanceof ArrayNode array) {
        ArrayNode items =
            xml.putObject(name).putArray(ITEM_NAMES.getOrDefault(name, DEFAULT_ITEM_NAME));
        for (JsonNode item : array) {
          items.add(item instanceof ObjectNode object ? of(object) : scalar(item));
        }
      } else if (value instanceof ObjectNode object) {
        xml.set(name, of(object));
      } else {
        xml.set(name, scalar(value));
      }
    }
    return xml;
  }

  private static JsonNode scalar(JsonNode value) {
    return JsonNodeFactory.instance.textNode(XmlText.sanitize(value.asText()));
  }
}
