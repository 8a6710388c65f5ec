package org.activitylog.jdbc.internal;

import java.util.Map;
import org.activitylog.api.Actor;
import org.activitylog.api.ActorRef;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonObject;
import org.activitylog.jackson.ModelCodec;
import org.jspecify.annotations.Nullable;

/**
 * The JSON columns of an activity row, in {@link ModelCodec#standard()}'s shape: the actor's
 * profile, the resource and the extension slot (column {@code details}, named when it held only
 * Brightidea's fields, which are now slot members of the same names and bytes). What is stored as
 * SQL {@code NULL} is decided here: a JSON {@code null} resource and an empty slot.
 */
final class JsonColumns {
  private final ModelCodec codec = ModelCodec.standard();

  /** {@return the actor's profile} */
  String writeActor(Actor actor) {
    return ModelCodec.write(codec.actor(actor));
  }

  /** {@return the actor of a profile written by {@link #writeActor}} */
  Actor readActor(ActorRef.Kind kind, String json) {
    return codec.readActor(kind, json);
  }

  /** {@return the resource, or null for JSON null, which is stored as SQL NULL} */
  @Nullable String writeResource(JsonValue resource) {
    return resource.isNull() ? null : ModelCodec.write(ModelCodec.toNode(resource));
  }

  /** {@return the resource written by {@link #writeResource}} */
  JsonValue readResource(@Nullable String json) {
    return json == null ? JsonValue.nullValue() : codec.readValue(json);
  }

  /** {@return the extension slot as one JSON object, or null when it is empty} */
  @Nullable String writeDetails(Map<String, JsonValue> extensions) {
    return extensions.isEmpty()
        ? null
        : ModelCodec.write(ModelCodec.toNode(new JsonObject(extensions)));
  }

  /** {@return the slot written by {@link #writeDetails}; SQL NULL is the empty slot} */
  Map<String, JsonValue> readDetails(@Nullable String json) {
    if (json == null) {
      return Map.of();
    }
    if (codec.readValue(json) instanceof JsonObject slot) {
      return slot.members();
    }
    throw new IllegalStateException("a stored details column is not a JSON object");
  }
}
