package org.activitylog.formats;

import java.util.Objects;
import org.activitylog.api.ActivityLogException;
import org.activitylog.api.ValidationException;
import org.activitylog.formats.internal.ErrorBodies;
import org.jspecify.annotations.Nullable;

/**
 * The body of an error answer, the same in every format:
 *
 * <pre>{@code
 * {"error": {"message": "page_size must be between 1 and 100 (was \"0\")", "field": "page_size"}}
 * }</pre>
 *
 * <p>and in XML
 *
 * <pre>{@code
 * <?xml version='1.0' encoding='UTF-8'?>
 * <error><message>page_size must be between 1 and 100 (was "0")</message><field>page_size</field></error>
 * }</pre>
 *
 * <p>{@code field} is left out when the error is not about one field.
 *
 * @param message what went wrong, safe to show to the requester
 * @param field the wire name of the field at fault, or null
 */
public record ErrorBody(String message, @Nullable String field) {

  /**
   * Checks that the message is present.
   *
   * @param message what went wrong, safe to show to the requester
   * @param field the wire name of the field at fault, or null
   */
  public ErrorBody {
    Objects.requireNonNull(message, "message");
  }

  /**
   * {@return the body for a library error: its message, and for a {@link ValidationException} its
   * field} The library's messages are safe to show: they never carry SQL, credentials or another
   * tenant's data, and quote at most a short prefix of a rejected value.
   *
   * @param error the error
   */
  public static ErrorBody of(ActivityLogException error) {
    String field = error instanceof ValidationException v ? v.field() : null;
    String message = error.getMessage();
    return new ErrorBody(message == null ? error.getClass().getSimpleName() : message, field);
  }

  /** {@return this body as JSON} */
  public String toJson() {
    return ErrorBodies.json(this);
  }

  /** {@return this body as XML} */
  public String toXml() {
    return ErrorBodies.xml(this);
  }
}
