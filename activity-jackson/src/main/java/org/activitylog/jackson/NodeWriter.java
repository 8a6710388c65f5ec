package org.activitylog.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Fills one JSON object member by member, in the order they are written, under a {@link
 * ModelCodec}'s shape: absent values as its {@link Absent} policy says, times in its {@link
 * TimeFormat}, ids in its case. Get one from {@link ModelCodec#object()}.
 */
public final class NodeWriter {
  private final ObjectNode node = JsonNodeFactory.instance.objectNode();
  private final ModelCodec codec;
  private final String object;

  /**
   * A writer of a new, empty object.
   *
   * @param codec the shape
   * @param object {@code user} or {@code member}, whose members may have a policy of their own
   *     ({@link ModelCodec.Builder#absent(String, Absent)}), or empty for any other object
   */
  NodeWriter(ModelCodec codec, String object) {
    this.codec = codec;
    this.object = object;
  }

  /** {@return the object written so far} */
  public ObjectNode node() {
    return node;
  }

  /**
   * Writes a text member.
   *
   * @param name the member's name
   * @param value the text, or null when absent
   * @return this writer
   */
  public NodeWriter text(String name, @Nullable String value) {
    if (value != null) {
      node.put(name, value);
    } else {
      absent(name);
    }
    return this;
  }

  /**
   * Writes a boolean member.
   *
   * @param name the member's name
   * @param value the value, or null when absent
   * @return this writer
   */
  public NodeWriter bool(String name, @Nullable Boolean value) {
    if (value != null) {
      node.put(name, value.booleanValue());
    } else {
      absent(name);
    }
    return this;
  }

  /**
   * Writes a whole-number member.
   *
   * @param name the member's name
   * @param value the number, or null when absent
   * @return this writer
   */
  public NodeWriter integer(String name, @Nullable Long value) {
    if (value != null) {
      node.put(name, value.longValue());
    } else {
      absent(name);
    }
    return this;
  }

  /**
   * Writes a time member in the shape's {@link TimeFormat}.
   *
   * @param name the member's name
   * @param value the time, or null when absent
   * @return this writer
   */
  public NodeWriter time(String name, @Nullable Instant value) {
    return text(name, value == null ? null : codec.times().format(value));
  }

  /**
   * Writes a UUID member in its 36-character form, in upper case when the shape says so ({@link
   * ModelCodec.Builder#upperCaseIds}).
   *
   * @param name the member's name
   * @param value the UUID, or null when absent
   * @return this writer
   */
  public NodeWriter uuid(String name, @Nullable UUID value) {
    if (value == null) {
      return text(name, null);
    }
    String text = value.toString();
    return text(name, codec.upperCaseIds() ? text.toUpperCase(Locale.ROOT) : text);
  }

  /**
   * Writes any member.
   *
   * @param name the member's name
   * @param value the value, or null when absent
   * @return this writer
   */
  public NodeWriter node(String name, @Nullable JsonNode value) {
    if (value != null) {
      node.set(name, value);
    } else {
      absent(name);
    }
    return this;
  }

  private void absent(String name) {
    if (codec.absent(object, name) == Absent.WRITE_NULL) {
      node.putNull(name);
    }
  }
}
