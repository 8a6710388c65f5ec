package org.activitylog.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Fills one wire object member by member, in the order the seed shows them, treating absent values
 * as the format's {@link Absent} policy says.
 */
public final class NodeWriter {
  private final ObjectNode node;
  private final Absent absent;
  private final WireTime time;

  /**
   * A writer of a new, empty object.
   *
   * @param absent what to do with absent values
   * @param time how times are written
   */
  public NodeWriter(Absent absent, WireTime time) {
    this.node = JsonNodeFactory.instance.objectNode();
    this.absent = absent;
    this.time = time;
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
   * Writes a text member that is written as {@code null} when absent in every format, as the seed
   * shows some members that have no value.
   *
   * @param name the member's name
   * @param value the text, or null when absent
   * @return this writer
   */
  public NodeWriter nullableText(String name, @Nullable String value) {
    if (value != null) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
    return this;
  }

  /**
   * Writes a time member that is written as {@code null} when absent in every format.
   *
   * @param name the member's name
   * @param value the time, or null when absent
   * @return this writer
   */
  public NodeWriter nullableTime(String name, @Nullable Instant value) {
    return nullableText(name, value == null ? null : time.format(value));
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
   * Writes a time member in the format's time format.
   *
   * @param name the member's name
   * @param value the time, or null when absent
   * @return this writer
   */
  public NodeWriter time(String name, @Nullable Instant value) {
    return text(name, value == null ? null : time.format(value));
  }

  /**
   * Writes a UUID member in upper case, as Brightidea writes its ids.
   *
   * @param name the member's name
   * @param value the UUID, or null when absent
   * @return this writer
   */
  public NodeWriter upperUuid(String name, @Nullable UUID value) {
    return text(name, value == null ? null : value.toString().toUpperCase(Locale.ROOT));
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
    if (absent == Absent.WRITE_NULL) {
      node.putNull(name);
    }
  }
}
