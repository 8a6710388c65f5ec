package org.activitylog.benchmarks.db;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import org.activitylog.api.Actor;
import org.activitylog.api.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The JSON columns as a hand-written DAO would write and read them: Jackson binding the API's
 * records with snake_case names and no nulls, which is also the shape the library reads back, so
 * rows loaded this way are readable by the library.
 */
public final class RawJson {
  private final ObjectMapper mapper =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  /**
   * The actor's profile.
   *
   * @param actor the actor
   */
  public String actor(Actor actor) {
    return write(actor);
  }

  /**
   * The resource, or null for JSON null.
   *
   * @param resource the resource
   */
  public @Nullable String resource(JsonValue resource) {
    return resource.isNull() ? null : resource.toJson();
  }

  /**
   * The extension slot as one object, or null when it is empty.
   *
   * @param extensions the fields
   */
  public @Nullable String details(Map<String, JsonValue> extensions) {
    return extensions.isEmpty() ? null : new JsonValue.JsonObject(extensions).toJson();
  }

  /**
   * Parses a stored document.
   *
   * @param json the text, or null
   * @return the tree, or null for null
   */
  public @Nullable JsonNode read(@Nullable String json) {
    if (json == null) {
      return null;
    }
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored JSON document could not be read", e);
    }
  }

  private String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write " + value.getClass().getSimpleName(), e);
    }
  }
}
