package org.activitylog.formats.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonNumber;
import org.activitylog.api.ValidationException;

/**
 * Parses and prints JSON bodies. Parsing is strict (no comments, no duplicate keys, nothing after
 * the value) and bounded by {@link WireLimits}; numbers keep their exact decimal value and must lie
 * within {@link JsonNumber}'s bounds wherever they stand, even in members nothing reads. Failures
 * become a {@link ValidationException} naming {@code body} with a position, never Jackson's own
 * message, which may quote the input or name Java classes.
 */
public final class JsonWire {
  /** The field name of errors about the body as a whole. */
  public static final String BODY = "body";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              com.fasterxml.jackson.core.JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxDocumentLength(WireLimits.MAX_BODY_CHARS)
                          .maxNestingDepth(WireLimits.MAX_NESTING)
                          .maxNumberLength(WireLimits.MAX_NUMBER_LENGTH)
                          .maxStringLength(WireLimits.MAX_BODY_CHARS)
                          .build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private JsonWire() {}

  /**
   * Parses a body that must be one JSON object.
   *
   * @param body the body
   * @return the object
   * @throws ValidationException naming {@code body} when it is empty, too large, malformed or not
   *     an object
   */
  public static ObjectNode parseObject(String body) {
    if (body.length() > WireLimits.MAX_BODY_CHARS) {
      throw tooLarge();
    }
    if (body.isBlank()) {
      throw new ValidationException(BODY, "is required: send a JSON object");
    }
    JsonNode tree;
    try (JsonParser parser = MAPPER.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ValidationException(BODY, "is required: send a JSON object");
      }
      tree = read(parser, first);
      if (parser.nextToken() != null) {
        throw new ValidationException(
            BODY, "must be well-formed JSON" + where(parser.currentTokenLocation()));
      }
    } catch (StreamConstraintsException e) {
      throw tooLarge();
    } catch (JsonProcessingException e) {
      throw new ValidationException(BODY, "must be well-formed JSON" + where(e.getLocation()));
    } catch (IOException e) {
      // A string is read from memory: no I/O can fail.
      throw new UncheckedIOException(e);
    }
    if (tree instanceof ObjectNode object) {
      return object;
    }
    throw new ValidationException(BODY, "must be a JSON object");
  }

  /**
   * Builds the tree of the value starting at the current token. Unlike Jackson's own tree reader,
   * every number is checked where it stands, before anything converts it: a number such as {@code
   * 1e-2147483648} would otherwise fail deep inside {@link BigDecimal} (or, like {@code
   * 1e2147483647}, be kept and read by clients as infinity), even in a member nothing maps.
   */
  private static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, read(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(read(parser, t));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return number(parser);
      }
      case VALUE_TRUE -> {
        return nodes.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return nodes.booleanNode(false);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default ->
          throw new ValidationException(
              BODY, "must be well-formed JSON" + where(parser.currentTokenLocation()));
    }
  }

  private static JsonNode number(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return JsonNodeFactory.instance.numberNode(parser.getLongValue());
    }
    String text = parser.getText();
    BigDecimal value = decimal(text);
    try {
      // The model's bounds, so that what is read is what a resource may hold.
      JsonValue.of(value);
    } catch (ValidationException e) {
      throw new ValidationException(path(parser.getParsingContext()), e.rule(), text);
    }
    // DecimalNode directly: the factory would strip trailing zeros, and "1.50" stays "1.50".
    return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
        ? JsonNodeFactory.instance.numberNode(value.toBigIntegerExact())
        : DecimalNode.valueOf(value);
  }

  /**
   * Prints a tree as compact JSON.
   *
   * @param tree the tree
   * @return the JSON text
   */
  public static String write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always prints; this would be a bug here, not bad input.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The exact value of a number's text, which is at most {@link WireLimits#MAX_NUMBER_LENGTH}
   * characters. An exponent beyond an {@code int} (which {@link BigDecimal} cannot take) is clamped
   * to nine digits: the number stays out of {@link JsonNumber}'s bounds, to be refused by them.
   */
  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      int mark = Math.max(text.indexOf('e'), text.indexOf('E'));
      boolean negative = text.charAt(mark + 1) == '-';
      return new BigDecimal(text.substring(0, mark) + (negative ? "e-" : "e") + "999999999");
    }
  }

  /**
   * The wire path of the current value, as {@link Fields} names members: {@code resource.a.b},
   * {@code comments[0].member.id}; {@code body} for a bare top-level value.
   */
  static String path(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject()) {
        String name = c.getCurrentName();
        parts.add(0, (c.getParent() == null || c.getParent().inRoot() ? "" : ".") + name);
      } else {
        parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    return parts.isEmpty() ? BODY : String.join("", parts);
  }

  /** The error for a body beyond {@link WireLimits}. */
  static ValidationException tooLarge() {
    return new ValidationException(
        BODY,
        "must be at most "
            + WireLimits.MAX_BODY_CHARS
            + " characters, nest at most "
            + WireLimits.MAX_NESTING
            + " levels deep and have numbers of at most "
            + WireLimits.MAX_NUMBER_LENGTH
            + " digits");
  }

  /** Where parsing stopped, without quoting the input. */
  static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (error at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
