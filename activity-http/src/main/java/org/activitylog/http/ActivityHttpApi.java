package org.activitylog.http;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.activitylog.api.ValidationException;
import org.activitylog.api.internal.Ascii;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.core.UnauthorizedException;
import org.activitylog.formats.BrightideaFormat;
import org.activitylog.http.internal.AisquareEndpoints;
import org.activitylog.http.internal.BearerToken;
import org.activitylog.http.internal.BrightideaEndpoints;
import org.activitylog.http.internal.Failures;
import org.activitylog.http.internal.HttpProblem;
import org.activitylog.http.internal.Parameters;
import org.activitylog.http.internal.Preconditions;
import org.activitylog.http.internal.Route;
import org.jspecify.annotations.Nullable;

/**
 * The seeds' HTTP endpoints over an {@link ActivityLog}, for any web framework: hand it an {@link
 * ApiRequest}, copy the {@link ApiResponse} back. It never throws; every failure becomes an answer.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><td>{@code GET /api3/activity}</td><td>Brightidea LIST: {@code id}, {@code date_created}
 *       ({@code MM/dd/yyyy}), {@code type}, {@code campaign_id}, {@code following=1}, {@code
 *       page}, {@code page_size}, {@code order}, {@code format=json|xml}</td></tr>
 *   <tr><td>{@code GET /api3/activity/{id}}</td><td>Brightidea GET, by uid</td></tr>
 *   <tr><td>{@code GET, PUT, DELETE /api/v1/activity/{id}/}</td><td>AISquare retrieve, update,
 *       soft delete, by numeric id; {@code ETag} carries the version</td></tr>
 *   <tr><td>{@code POST /api/v1/activity/}</td><td>records an activity: 201 with {@code
 *       Location}</td></tr>
 * </table>
 *
 * <p>Paths match with or without a trailing slash. Every endpoint that serves {@code GET} serves
 * {@code HEAD}: the same answer with an empty body and a {@code Content-Length} header giving the
 * length of the body a {@code GET} would have had. {@code If-Match} and {@code If-None-Match}
 * follow RFC 9110 on every endpoint (see {@code README.md}): 304 for a read whose {@code
 * If-None-Match} matches, 412 when a condition fails.
 *
 * <p>Statuses: 200, 201, 204, 304; 400 for a bad value, naming it; 401 for an anonymous requester
 * on a private site or a token the {@link Authenticator} does not know; 403 for a write into a
 * workspace group the requester may not write; 404 {@code "Invalid object ID or you don't have
 * access to this object"} alike for a missing id, a hidden one and a malformed one; 405 with {@code
 * Allow}; 409 for a conflict; 412 for a failed {@code If-Match} or {@code If-None-Match}; 413 for a
 * body over {@link Builder#maxBodyBytes(int)}; 415 for a body that is not JSON; 503 when the store
 * is unavailable; 500 for anything else, with a reference that is logged. Errors of {@code /api3}
 * come in the requested {@code format}.
 *
 * <pre>{@code
 * ActivityHttpApi api = ActivityHttpApi.builder(log)
 *     .authenticator(token -> sessions.find(token).map(Session::requester))
 *     .build();
 * ApiResponse response = api.handle(ApiRequest.of(method, path, rawQuery, headers, body));
 * }</pre>
 *
 * <p>Thread-safe when the log's store is.
 */
public final class ActivityHttpApi {
  /** The largest body accepted when none is configured: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  private final ActivityLog log;
  private final Authenticator authenticator;
  private final ZoneId zone;
  private final int maxBodyBytes;
  private final BrightideaFormat json;
  private final BrightideaFormat xml;
  private final BrightideaEndpoints brightidea;
  private final AisquareEndpoints aisquare;

  private ActivityHttpApi(Builder builder) {
    this.log = builder.log;
    this.authenticator = builder.authenticator;
    this.zone = builder.zone;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.json = BrightideaFormat.json(zone);
    this.xml = BrightideaFormat.xml(zone);
    this.brightidea = new BrightideaEndpoints(log, zone);
    this.aisquare = new AisquareEndpoints(log, builder.defaultWorkspaceGroup, maxBodyBytes);
  }

  /**
   * Starts configuring the endpoints over a log. The log decides public or private access.
   *
   * @param log the facade the endpoints call
   * @return a new builder
   */
  public static Builder builder(ActivityLog log) {
    return new Builder(log);
  }

  /**
   * {@return the largest request body accepted, in bytes} A host may stop reading a body after one
   * byte more: the answer is 413 either way.
   */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Answers a request.
   *
   * @param request the request
   * @return the response; never an exception
   */
  public ApiResponse handle(ApiRequest request) {
    ApiResponse answer = answer(request);
    if (!request.method().equals("HEAD") || answer.body().length == 0) {
      return answer;
    }
    // HEAD is GET without the body: same status, content type and headers, plus the length the
    // body would have had (RFC 9110, 9.3.2 and 8.6), so a host need not compute it.
    Map<String, String> headers = new HashMap<>(answer.headers());
    headers.put("Content-Length", String.valueOf(answer.body().length));
    return new ApiResponse(answer.status(), answer.contentType(), headers, new byte[0]);
  }

  private ApiResponse answer(ApiRequest request) {
    BrightideaFormat errors = json;
    try {
      Optional<Route> found = Route.match(request.path());
      if (found.isEmpty()) {
        throw new HttpProblem(404, "No endpoint at " + shortened(request.path()), null, Map.of());
      }
      Route route = found.get();
      boolean read = request.method().equals("GET") || request.method().equals("HEAD");
      if (!route.endpoint().allows(request.method())) {
        throw new HttpProblem(
            405,
            "Method " + shortened(request.method()) + " is not allowed here",
            null,
            Map.of("Allow", route.endpoint().allowHeader()));
      }
      BrightideaFormat format = json;
      if (route.endpoint().isBrightidea()) {
        format = format(Parameters.once(request, "format").orElse(null));
        errors = format;
      }
      Requester requester = requester(request);
      if (!requester.isAuthenticated() && (!log.isPublic() || !read)) {
        throw new UnauthorizedException(
            log.isPublic()
                ? "Authentication is required to change activities"
                : "Authentication is required on a private site");
      }
      String id = route.id();
      if (read) {
        Preconditions conditions = Preconditions.of(request);
        ApiResponse answer =
            switch (route.endpoint()) {
              case BRIGHTIDEA_LIST -> brightidea.list(request, requester, format);
              case BRIGHTIDEA_ONE -> brightidea.get(Objects.requireNonNull(id), requester, format);
              default -> aisquare.get(Objects.requireNonNull(id), requester);
            };
        return conditions.applyToRead(answer);
      }
      return switch (request.method()) {
        case "POST" -> aisquare.post(request, requester);
        case "PUT" -> aisquare.put(Objects.requireNonNull(id), request, requester);
        default -> aisquare.delete(Objects.requireNonNull(id), request, requester);
      };
    } catch (RuntimeException e) {
      return Failures.answer(e, errors);
    }
  }

  /** The format a {@code format} parameter names; an unknown name is a 400 naming it. */
  private BrightideaFormat format(@Nullable String name) {
    if (name == null || Ascii.equalsIgnoreCase(name, "json")) {
      return json;
    }
    if (Ascii.equalsIgnoreCase(name, "xml")) {
      return xml;
    }
    return BrightideaFormat.forName(name, zone); // throws the format's own validation error
  }

  private Requester requester(ApiRequest request) {
    Optional<String> token =
        BearerToken.from(request.headers().getOrDefault("authorization", List.of()));
    if (token.isEmpty()) {
      return Requester.anonymous();
    }
    return authenticator.authenticate(token.get()).orElseThrow(BearerToken::unknown);
  }

  /** Echoes at most a short prefix of what the client sent. */
  private static String shortened(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  /** Configures an {@link ActivityHttpApi}. */
  public static final class Builder {
    private final ActivityLog log;
    private Authenticator authenticator = Authenticator.none();
    private ZoneId zone = ZoneOffset.UTC;
    private long defaultWorkspaceGroup;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

    private Builder(ActivityLog log) {
      this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Sets how bearer tokens become requesters. Defaults to {@link Authenticator#none()}: every
     * request is anonymous or, with a token, unauthorized.
     *
     * @param value the host's authenticator
     * @return this builder
     */
    public Builder authenticator(Authenticator value) {
      this.authenticator = Objects.requireNonNull(value, "authenticator");
      return this;
    }

    /**
     * Sets the zone of Brightidea's zone-less times: the days of {@code date_created} filters and
     * the {@code date_created} values written. Defaults to UTC.
     *
     * @param value the zone
     * @return this builder
     */
    public Builder zone(ZoneId value) {
      this.zone = Objects.requireNonNull(value, "zone");
      return this;
    }

    /**
     * Sets the workspace group of an activity recorded with {@code POST} whose body names none.
     * Defaults to 0.
     *
     * @param value the workspace group id, 0 or more
     * @return this builder
     */
    public Builder defaultWorkspaceGroup(long value) {
      if (value < 0) {
        throw new ValidationException("defaultWorkspaceGroup", "must be 0 or more", value);
      }
      this.defaultWorkspaceGroup = value;
      return this;
    }

    /**
     * Sets the largest request body accepted; larger ones get 413. Defaults to {@value
     * #DEFAULT_MAX_BODY_BYTES}.
     *
     * @param value the limit in bytes, 1 or more
     * @return this builder
     */
    public Builder maxBodyBytes(int value) {
      if (value < 1) {
        throw new ValidationException("maxBodyBytes", "must be 1 or more", value);
      }
      this.maxBodyBytes = value;
      return this;
    }

    /**
     * Builds the endpoints.
     *
     * @return the endpoints
     */
    public ActivityHttpApi build() {
      return new ActivityHttpApi(this);
    }
  }

  @Override
  public String toString() {
    return "ActivityHttpApi[" + (log.isPublic() ? "public" : "private") + ", zone " + zone + "]";
  }
}
