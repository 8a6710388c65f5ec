package org.activitylog.formats.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.activitylog.formats.ErrorBody;
import org.activitylog.jackson.ModelCodec;

/** Writes {@link ErrorBody} in JSON and XML, through the same writers as activities. */
public final class ErrorBodies {
  /** The wire name of the error object, and the XML root element. */
  public static final String ERROR = "error";

  private ErrorBodies() {}

  /**
   * {@return {@code {"error": {"message": ..., "field": ...}}}}
   *
   * @param error the error
   */
  public static String json(ErrorBody error) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set(ERROR, content(error));
    return JsonWire.write(root);
  }

  /**
   * {@return {@code <error><message>...</message><field>...</field></error>}}
   *
   * @param error the error
   */
  public static String xml(ErrorBody error) {
    return XmlWire.write(ERROR, XmlLayout.of(content(error)));
  }

  private static ObjectNode content(ErrorBody error) {
    return ModelCodec.standard()
        .object()
        .text("message", error.message())
        .text("field", error.field())
        .node();
  }
}
