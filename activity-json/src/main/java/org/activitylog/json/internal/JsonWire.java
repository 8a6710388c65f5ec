package org.activitylog.json.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.activitylog.api.ValidationException;

/**
 * Parses and prints JSON bodies. Parsing is strict (no comments, no duplicate keys, nothing after
 * the value) and bounded by {@link WireLimits}; numbers keep their exact decimal value. Failures
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
    try {
      tree = MAPPER.readTree(body);
    } catch (StreamConstraintsException e) {
      throw tooLarge();
    } catch (JsonProcessingException e) {
      throw new ValidationException(BODY, "must be well-formed JSON" + where(e.getLocation()));
    }
    if (tree instanceof ObjectNode object) {
      return object;
    }
    throw new ValidationException(BODY, "must be a JSON object");
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
