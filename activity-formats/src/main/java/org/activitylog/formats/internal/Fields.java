package org.activitylog.formats.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.activitylog.api.ValidationException;
import org.activitylog.jackson.TimeFormat;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to the members of one object on the wire, with errors that name the member by its
 * full wire path ({@code comments[0].member.email}). JSON {@code null} reads as absent.
 *
 * <p>In {@link Scalars#XML_TEXT} mode every scalar arrives as text, so booleans and numbers are
 * parsed from it, and a list is an element that wraps one element per item.
 */
public final class Fields {

  /** How scalars arrive. */
  public enum Scalars {
    /** JSON: each scalar has its own type, which must match. */
    JSON_TYPES,
    /** XML: every scalar is text. */
    XML_TEXT
  }

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final ObjectNode node;
  private final String path;
  private final Scalars scalars;

  /**
   * Access to an object's members.
   *
   * @param node the object
   * @param path the wire path of the object followed by a dot, or empty at the top
   * @param scalars how scalars arrive
   */
  public Fields(ObjectNode node, String path, Scalars scalars) {
    this.node = node;
    this.path = path;
    this.scalars = scalars;
  }

  /** {@return the wire path prefix of this object's members, such as {@code user.}} */
  public String path() {
    return path;
  }

  /**
   * {@return the full wire name of a member}
   *
   * @param name the member's name
   */
  public String field(String name) {
    return path + name;
  }

  /**
   * {@return whether the member is present, even as {@code null}}
   *
   * @param name the member's name
   */
  public boolean present(String name) {
    return node.has(name);
  }

  /**
   * {@return whether the member is present with a value other than {@code null}}
   *
   * @param name the member's name
   */
  public boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  /**
   * {@return the member's raw value, or null when absent or {@code null}}
   *
   * @param name the member's name
   */
  public @Nullable JsonNode raw(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /**
   * A text member.
   *
   * @param name the member's name
   * @return the text, or null when absent
   */
  public @Nullable String string(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(name, "a string", value);
    }
    return value.textValue();
  }

  /**
   * {@return a text member that must be present}
   *
   * @param name the member's name
   */
  public String requiredString(String name) {
    return required(name, string(name));
  }

  /**
   * A boolean member.
   *
   * @param name the member's name
   * @return the value, or null when absent
   */
  public @Nullable Boolean bool(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (scalars == Scalars.XML_TEXT && value.isTextual()) {
      String text = value.textValue().strip();
      if (text.equals("true") || text.equals("false")) {
        return Boolean.parseBoolean(text);
      }
    }
    throw wrongType(name, "true or false", value);
  }

  /**
   * {@return a boolean member that must be present}
   *
   * @param name the member's name
   */
  public boolean requiredBool(String name) {
    return required(name, bool(name));
  }

  /**
   * An integer member within the range of {@code long}.
   *
   * @param name the member's name
   * @return the value, or null when absent
   */
  public @Nullable Long integer(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return null;
    }
    if (value.isIntegralNumber()) {
      if (value.canConvertToLong()) {
        return value.longValue();
      }
      throw new ValidationException(
          field(name),
          "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE,
          value.asText());
    }
    if (scalars == Scalars.XML_TEXT && value.isTextual()) {
      try {
        return Long.parseLong(value.textValue().strip());
      } catch (NumberFormatException e) {
        // reported below with the other type errors
      }
    }
    throw wrongType(name, "a whole number", value);
  }

  /**
   * {@return an integer member that must be present}
   *
   * @param name the member's name
   */
  public long requiredInteger(String name) {
    return required(name, integer(name));
  }

  /**
   * A UUID member in its 36-character text form, either case.
   *
   * @param name the member's name
   * @return the UUID, or null when absent
   */
  public @Nullable UUID uuid(String name) {
    String text = string(name);
    if (text == null) {
      return null;
    }
    if (!UUID_TEXT.matcher(text).matches()) {
      throw new ValidationException(
          field(name), "must be a UUID like D2136C62-B65E-40D2-ABD2-873AEF120514", text);
    }
    return UUID.fromString(text);
  }

  /**
   * {@return a UUID member that must be present}
   *
   * @param name the member's name
   */
  public UUID requiredUuid(String name) {
    return required(name, uuid(name));
  }

  /**
   * A date-time member.
   *
   * @param name the member's name
   * @param time how the format writes times
   * @return the instant, or null when absent
   */
  public @Nullable Instant time(String name, TimeFormat time) {
    String text = string(name);
    return text == null ? null : time.parse(text, field(name));
  }

  /**
   * An object member.
   *
   * @param name the member's name
   * @return access to its members, or null when absent
   */
  public @Nullable Fields object(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return null;
    }
    return asObject(value, field(name));
  }

  /**
   * {@return an object member that wraps the whole payload, such as Brightidea's {@code activity}:
   * its members are named without the wrapper's name ({@code type}, not {@code activity.type}), the
   * same as in XML, where the wrapper is the root element}
   *
   * @param name the member's name
   * @throws ValidationException naming the member when it is absent or not an object
   */
  public Fields unwrap(String name) {
    Fields inner = object(name);
    if (inner == null) {
      throw missing(name);
    }
    return new Fields(inner.node, path, scalars);
  }

  /**
   * A list member: a JSON array, or in XML an element wrapping one {@code itemName} element per
   * item.
   *
   * @param name the member's name
   * @param itemName the element name of one item in XML
   * @return access to each item, in order; empty when absent
   */
  public List<Fields> list(String name, String itemName) {
    JsonNode value = raw(name);
    if (value == null) {
      return List.of();
    }
    JsonNode items = value;
    if (scalars == Scalars.XML_TEXT) {
      if (value.isTextual() && value.textValue().isBlank()) {
        return List.of();
      }
      if (!value.isObject()) {
        throw wrongType(name, "an element of <" + itemName + "> elements", value);
      }
      JsonNode wrapped = value.get(itemName);
      if (wrapped == null || value.size() != 1) {
        throw new ValidationException(field(name), "must contain only <" + itemName + "> elements");
      }
      items = wrapped.isArray() ? wrapped : node.arrayNode().add(wrapped);
    } else if (!value.isArray()) {
      throw wrongType(name, "an array", value);
    }
    List<Fields> result = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      result.add(asObject(items.get(i), field(name) + "[" + i + "]"));
    }
    return result;
  }

  /**
   * Builds a value from this object, renaming errors that a record's constructor names by its own
   * prefix ({@code member.email}) to this object's wire path ({@code comments[0].member.email}).
   *
   * @param recordPrefix the prefix the record's constructor uses, such as {@code member.}
   * @param build builds the value from these fields
   * @param <T> the value type
   * @return what {@code build} returned
   */
  public <T> T build(String recordPrefix, Function<Fields, T> build) {
    try {
      return build.apply(this);
    } catch (ValidationException e) {
      if (e.field().startsWith(recordPrefix) && !recordPrefix.equals(path)) {
        throw new ValidationException(path + e.field().substring(recordPrefix.length()), e.rule());
      }
      throw e;
    }
  }

  /**
   * {@return an error for a required member that is missing}
   *
   * @param name the member's name
   */
  public ValidationException missing(String name) {
    return new ValidationException(field(name), "is required");
  }

  private <T> T required(String name, @Nullable T value) {
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  private Fields asObject(JsonNode value, String wireName) {
    if (value instanceof ObjectNode object) {
      return new Fields(object, wireName + ".", scalars);
    }
    if (scalars == Scalars.XML_TEXT && value.isTextual() && value.textValue().isBlank()) {
      // An empty element: an object without members.
      return new Fields(node.objectNode(), wireName + ".", scalars);
    }
    throw new ValidationException(wireName, "must be an object (was " + kind(value) + ")");
  }

  private ValidationException wrongType(String name, String expected, JsonNode value) {
    return new ValidationException(
        field(name), "must be " + expected + " (was " + kind(value) + ")");
  }

  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "another kind of value";
    };
  }
}
