package org.activitylog.http.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activitylog.api.Activity;
import org.activitylog.http.ApiRequest;
import org.activitylog.http.ApiResponse;

/**
 * HTTP conditional requests (RFC 9110, section 13) over entity tags. The {@code ETag} of an
 * activity is its version as a strong tag, {@code "3"}.
 *
 * <p>{@code If-Match} and {@code If-None-Match} each hold {@code *} or a comma-separated list of
 * entity tags ({@code "3"}, {@code W/"3"}), over one or more header lines. {@code If-Match}
 * compares strongly (a weak tag never matches) and holds when any listed tag is the current one, or
 * for {@code *}; when it does not hold the answer is 412. {@code If-None-Match} compares weakly and
 * holds when no listed tag is the current one (for {@code *}: never, since the resource exists);
 * when it does not hold, {@code GET} and {@code HEAD} answer 304 with the {@code ETag} and others
 * 412. {@code If-Match} is evaluated first. A resource without an {@code ETag} matches only {@code
 * *}. A value that is neither {@code *} nor a list of entity tags is a 400 naming the header.
 * Conditions are evaluated only where the answer without them would be a success, so a missing or
 * hidden activity stays a 404.
 */
public final class Preconditions {
  private static final String IF_MATCH = "If-Match";
  private static final String IF_NONE_MATCH = "If-None-Match";

  private final Optional<Condition> ifMatch;
  private final Optional<Condition> ifNoneMatch;

  private Preconditions(Optional<Condition> ifMatch, Optional<Condition> ifNoneMatch) {
    this.ifMatch = ifMatch;
    this.ifNoneMatch = ifNoneMatch;
  }

  /**
   * Reads a request's conditional headers.
   *
   * @param request the request
   * @return its conditions; none when it sends neither header
   * @throws HttpProblem 400 naming the header whose value is malformed
   */
  public static Preconditions of(ApiRequest request) {
    return new Preconditions(
        Condition.parse(IF_MATCH, request.headers().getOrDefault("if-match", List.of())),
        Condition.parse(IF_NONE_MATCH, request.headers().getOrDefault("if-none-match", List.of())));
  }

  /**
   * {@return the strong entity tag of an activity: its version, quoted}
   *
   * @param activity the activity
   */
  public static String etag(Activity activity) {
    return "\"" + activity.version() + "\"";
  }

  /**
   * Checks the conditions of a state-changing request ({@code PUT}, {@code DELETE}, {@code POST})
   * against the target as it is now.
   *
   * @param current the target's current entity tag, such as {@code "3"}; empty when it has none
   * @throws HttpProblem 412 when a condition does not hold
   */
  public void checkWrite(Optional<String> current) {
    if (ifMatch.isPresent() && !ifMatch.get().matches(current, true)) {
      throw failed(
          IF_MATCH, "If-Match does not match the current version; read it again and retry");
    }
    if (ifNoneMatch.isPresent() && ifNoneMatch.get().matches(current, false)) {
      throw failed(IF_NONE_MATCH, "If-None-Match matches the current version");
    }
  }

  /**
   * Applies the conditions of a {@code GET} or {@code HEAD} to its successful answer.
   *
   * @param answer the answer without conditions, a 2xx
   * @return the answer, or a 304 carrying its {@code ETag} and its body's {@code Content-Length}
   *     when {@code If-None-Match} matched
   * @throws HttpProblem 412 when {@code If-Match} does not hold
   */
  public ApiResponse applyToRead(ApiResponse answer) {
    Optional<String> current = answer.header("ETag");
    if (ifMatch.isPresent() && !ifMatch.get().matches(current, true)) {
      throw failed(
          IF_MATCH, "If-Match does not match the current version; read it again and retry");
    }
    if (ifNoneMatch.isPresent() && ifNoneMatch.get().matches(current, false)) {
      // A 304 carries the ETag and, if any length, the 200 body's (RFC 9110, 15.4.5 and 8.6).
      Map<String, String> headers = new HashMap<>();
      current.ifPresent(tag -> headers.put("ETag", tag));
      headers.put("Content-Length", String.valueOf(answer.body().length));
      return ApiResponse.empty(304, headers);
    }
    return answer;
  }

  private static HttpProblem failed(String header, String message) {
    return new HttpProblem(412, message, header, Map.of());
  }

  /** {@code *} (any) or a list of entity tags. */
  private record Condition(boolean any, List<Tag> tags) {

    /** Whether the current tag (a whole entity tag, quotes included) satisfies the condition. */
    boolean matches(Optional<String> current, boolean strong) {
      if (any) {
        return true; // every target these conditions reach exists
      }
      if (current.isEmpty()) {
        return false;
      }
      Optional<Tag> now = Tag.parseOne(current.get());
      return now.isPresent()
          && tags.stream()
              .anyMatch(t -> strong ? t.strongMatch(now.get()) : t.weakMatch(now.get()));
    }

    static Optional<Condition> parse(String header, List<String> lines) {
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      String value = trimOws(String.join(",", lines));
      if (value.equals("*")) {
        return Optional.of(new Condition(true, List.of()));
      }
      List<Tag> tags = new ArrayList<>();
      int i = 0;
      while (true) {
        // Empty list elements and the whitespace around elements are allowed (RFC 9110, 5.6.1).
        while (i < value.length() && (isOws(value.charAt(i)) || value.charAt(i) == ',')) {
          i++;
        }
        if (i == value.length()) {
          return Optional.of(new Condition(false, List.copyOf(tags)));
        }
        int end = Tag.end(value, i);
        if (end < 0) {
          throw malformed(header);
        }
        tags.add(Tag.of(value.substring(i, end)));
        i = end;
        while (i < value.length() && isOws(value.charAt(i))) {
          i++;
        }
        if (i < value.length() && value.charAt(i) != ',') {
          throw malformed(header);
        }
      }
    }

    private static HttpProblem malformed(String header) {
      return new HttpProblem(
          400, header + " must be * or a list of entity tags such as \"3\"", header, Map.of());
    }
  }

  /** An entity tag: optionally weak, and its opaque part between the quotes. */
  private record Tag(boolean weak, String opaque) {

    boolean strongMatch(Tag other) {
      return !weak && !other.weak && opaque.equals(other.opaque);
    }

    boolean weakMatch(Tag other) {
      return opaque.equals(other.opaque);
    }

    /** The tag of text that {@link #end} accepted whole. */
    static Tag of(String text) {
      boolean weak = text.startsWith("W/");
      return new Tag(weak, text.substring(weak ? 3 : 1, text.length() - 1));
    }

    static Optional<Tag> parseOne(String text) {
      return end(text, 0) == text.length() ? Optional.of(of(text)) : Optional.empty();
    }

    /**
     * Where the entity tag starting at {@code start} ends (exclusive), or -1 when none starts
     * there: {@code [ "W/" ] DQUOTE *etagc DQUOTE}, etagc being {@code %x21 / %x23-7E / obs-text}.
     */
    static int end(String text, int start) {
      int i = start;
      if (text.startsWith("W/", i)) {
        i += 2;
      }
      if (i >= text.length() || text.charAt(i) != '"') {
        return -1;
      }
      for (i++; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          return i + 1;
        }
        if (!(c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF))) {
          return -1;
        }
      }
      return -1;
    }
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  private static String trimOws(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && isOws(text.charAt(from))) {
      from++;
    }
    while (to > from && isOws(text.charAt(to - 1))) {
      to--;
    }
    return text.substring(from, to);
  }
}
