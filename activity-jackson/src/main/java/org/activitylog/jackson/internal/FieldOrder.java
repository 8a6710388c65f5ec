package org.activitylog.jackson.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The field names of a JSON object in the order the codec writes them. Reading one, the parser is
 * first asked whether the next field is the one that usually follows, which it answers by comparing
 * characters in place instead of hashing and looking up the name; a document in another order
 * (PostgreSQL's {@code jsonb} sorts keys) or with absent fields falls back to the ordinary lookup.
 */
final class FieldOrder {
  private final SerializedString[] names;
  private final Map<String, Integer> positions;

  FieldOrder(List<String> names) {
    this.names = new SerializedString[names.size()];
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      this.names[i] = new SerializedString(names.get(i));
      positions.put(names.get(i), i);
    }
    this.positions = Map.copyOf(positions);
  }

  /**
   * Advances the parser to the next field name of the object it is in.
   *
   * @param p the parser, inside an object, before a field name or its end
   * @param previous the field just read, or null at the start of the object
   * @return the name, or null at the end of the object
   */
  @Nullable String next(JsonParser p, @Nullable String previous) throws IOException {
    int expected = previous == null ? 0 : positions.getOrDefault(previous, -1) + 1;
    if (expected < names.length) {
      if (p.nextFieldName(names[expected])) {
        return names[expected].getValue();
      }
    } else {
      p.nextToken();
    }
    return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
  }
}
