package org.activitylog.http.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.UUID;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Requester;
import org.activitylog.api.Sort;
import org.activitylog.api.UnauthorizedException;
import org.activitylog.api.ValidationException;
import org.activitylog.http.ApiRequest;

/**
 * Reads Brightidea's LIST parameters, each bad value a {@link ValidationException} naming the
 * parameter and the rule. Unknown parameters are ignored, as the seed's API does.
 */
public final class Parameters {
  private static final DateTimeFormatter US_DATE =
      DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private Parameters() {}

  /** What a LIST request asks for. */
  public record ListRequest(ActivityQuery query, PageRequest page, Sort sort) {}

  /**
   * Reads the LIST parameters.
   *
   * @param request the request
   * @param requester who asks, for {@code following=1}
   * @param zone the zone that {@code date_created} days are in
   */
  public static ListRequest list(ApiRequest request, Requester requester, ZoneId zone) {
    ActivityQuery.Builder query = ActivityQuery.builder();
    request.parameter("id").ifPresent(v -> query.uid(uuid("id", v)));
    request.parameter("type").ifPresent(v -> query.type(type(v)));
    request.parameter("campaign_id").ifPresent(v -> query.campaign(uuid("campaign_id", v)));
    request.parameter("date_created").ifPresent(v -> query.createdOn(usDate(v), zone));
    request
        .parameter("following")
        .ifPresent(
            v -> {
              if (!v.equals("1")) {
                throw new ValidationException("following", "must be 1", v);
              }
              if (requester.actor() == null) {
                throw new UnauthorizedException("following=1 needs an authenticated member");
              }
              query.followedBy(requester.actor());
            });
    int page = request.parameter("page").map(v -> integer("page", v)).orElse(1);
    int size =
        request
            .parameter("page_size")
            .map(v -> integer("page_size", v))
            .orElse(PageRequest.DEFAULT_SIZE);
    Sort sort = request.parameter("order").map(Sort::parse).orElse(Sort.DEFAULT);
    return new ListRequest(query.build(), PageRequest.of(page, size), sort);
  }

  /**
   * Reads {@code format}: {@code json} (the default) or {@code xml}.
   *
   * @param request the request
   * @return true for XML
   */
  public static boolean wantsXml(ApiRequest request) {
    Optional<String> format = request.parameter("format");
    if (format.isEmpty() || format.get().equals("json")) {
      return false;
    }
    if (format.get().equals("xml")) {
      return true;
    }
    throw new ValidationException("format", "must be json or xml", format.get());
  }

  /**
   * Reads a UUID path or query value.
   *
   * @param name the parameter name for the error
   * @param value the text
   */
  public static UUID uuid(String name, String value) {
    try {
      if (value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new ValidationException(
        name, "must be a UUID like 11111111-1111-1111-1111-111111111111", value);
  }

  /**
   * Reads a whole number.
   *
   * @param name the parameter name for the error
   * @param value the text
   */
  public static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(name, "must be a whole number", value);
    }
  }

  private static ActivityType type(String value) {
    return ActivityType.findByCode(value)
        .orElseThrow(
            () ->
                new ValidationException(
                    "type", "must be an activity type such as POST_IDEA or POST_UPDATE", value));
  }

  private static LocalDate usDate(String value) {
    try {
      return LocalDate.parse(value.strip(), US_DATE);
    } catch (DateTimeParseException e) {
      throw new ValidationException("date_created", "must be a date as MM/dd/yyyy", value);
    }
  }
}
