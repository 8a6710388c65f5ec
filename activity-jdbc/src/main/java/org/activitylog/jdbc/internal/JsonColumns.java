package org.activitylog.jdbc.internal;

import org.activitylog.api.Actor;
import org.activitylog.api.ActorRef;
import org.activitylog.api.BrightideaDetails;
import org.activitylog.api.JsonValue;
import org.activitylog.jackson.ModelCodec;
import org.jspecify.annotations.Nullable;

/**
 * The JSON columns of an activity row, in {@link ModelCodec#standard()}'s shape: the actor's
 * profile, the resource and Brightidea's type-specific fields. What is stored as SQL {@code NULL}
 * is decided here: a JSON {@code null} resource and empty details.
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

  /** {@return the type-specific fields, or null when there are none} */
  @Nullable String writeDetails(BrightideaDetails details) {
    return details.isEmpty() ? null : ModelCodec.write(codec.details(details));
  }

  /** {@return the fields written by {@link #writeDetails}} */
  BrightideaDetails readDetails(@Nullable String json) {
    return json == null ? BrightideaDetails.NONE : codec.readDetails(json);
  }
}
