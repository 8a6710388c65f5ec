package org.activitylog.http.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activitylog.api.Activity;

/**
 * Optimistic concurrency over HTTP: the {@code ETag} of an activity is its version, {@code "3"},
 * and a {@code PUT} with {@code If-Match: "3"} only applies while the version is still 3.
 */
public final class IfMatch {
  private IfMatch() {}

  /**
   * {@return the strong entity tag of an activity}
   *
   * @param activity the activity
   */
  public static String etag(Activity activity) {
    return "\"" + activity.version() + "\"";
  }

  /**
   * The version an {@code If-Match} header requires.
   *
   * @param values every {@code If-Match} value of the request
   * @return the version, or empty when any version will do (no header, or {@code *})
   * @throws HttpProblem 412 when the header names something that is no version of ours, or more
   *     than one
   */
  public static Optional<Long> expectedVersion(List<String> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() == 1 && values.get(0).strip().equals("*")) {
      return Optional.empty();
    }
    String value = values.size() == 1 ? values.get(0).strip() : "";
    if (value.startsWith("\"") && value.endsWith("\"") && value.length() > 2) {
      value = value.substring(1, value.length() - 1);
    }
    if (!value.isEmpty()
        && value.length() <= 18
        && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(Long.parseLong(value));
    }
    throw failed();
  }

  /** {@return the 412 answered when the stored version is not the one {@code If-Match} names} */
  public static HttpProblem failed() {
    return new HttpProblem(
        412,
        "If-Match does not match the activity's current version; read it again and retry",
        "If-Match",
        Map.of());
  }
}
