package org.activitylog.http.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
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
 *
 * <p>{@code id}, {@code type} and {@code campaign_id} may be repeated and then match any of their
 * values; every other parameter must be given once (or repeated with the same value).
 */
public final class Parameters {
  private static final DateTimeFormatter US_DATE =
      new DateTimeFormatterBuilder()
          .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE)
          .appendLiteral('/')
          .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
          .appendLiteral('/')
          .appendValue(ChronoField.YEAR, 4)
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Parameters() {}

  /**
   * What a LIST request asks for.
   *
   * @param query the filters
   * @param page the page
   * @param sort the order
   */
  public record ListRequest(ActivityQuery query, PageRequest page, Sort sort) {}

  /**
   * Reads the LIST parameters.
   *
   * @param request the request
   * @param requester who asks, for {@code following=1}
   * @param zone the zone that {@code date_created} days are in
   * @return the filters, sort and page the parameters ask for
   * @throws ValidationException naming the first parameter with a bad value
   * @throws UnauthorizedException for {@code following=1} from an anonymous requester
   */
  public static ListRequest list(ApiRequest request, Requester requester, ZoneId zone) {
    ActivityQuery.Builder query = ActivityQuery.builder();
    for (String v : request.parameters("id")) {
      query.uid(uuid(v).orElseThrow(() -> notUuid("id", v)));
    }
    for (String v : request.parameters("type")) {
      query.type(type(v));
    }
    for (String v : request.parameters("campaign_id")) {
      query.campaign(uuid(v).orElseThrow(() -> notUuid("campaign_id", v)));
    }
    once(request, "date_created").ifPresent(v -> query.createdOn(usDate(v), zone));
    once(request, "following").ifPresent(v -> following(v, requester, query));
    int page = once(request, "page").map(v -> whole("page", v)).orElse(1);
    int size =
        once(request, "page_size").map(v -> whole("page_size", v)).orElse(PageRequest.DEFAULT_SIZE);
    Sort sort = once(request, "order").map(Sort::parse).orElse(Sort.DEFAULT);
    return new ListRequest(query.build(), PageRequest.of(page, size), sort);
  }

  /**
   * Reads a UUID in its 36-character form, in any case.
   *
   * @param value the text
   * @return the UUID, or empty when the text is not one
   */
  public static Optional<UUID> uuid(String value) {
    return UUID_TEXT.matcher(value).matches()
        ? Optional.of(UUID.fromString(value))
        : Optional.empty();
  }

  /**
   * {@return the value of a parameter that may be given once}
   *
   * @param request the request
   * @param name the parameter
   * @throws ValidationException when it is given twice with different values
   */
  public static Optional<String> once(ApiRequest request, String name) {
    List<String> values = request.parameters(name);
    if (values.stream().distinct().count() > 1) {
      throw new ValidationException(name, "must be given once", String.join(",", values));
    }
    return values.stream().findFirst();
  }

  private static ValidationException notUuid(String name, String value) {
    return new ValidationException(
        name, "must be a UUID such as 11111111-1111-1111-1111-111111111111", value);
  }

  private static void following(String value, Requester requester, ActivityQuery.Builder query) {
    if (!value.equals("1")) {
      throw new ValidationException("following", "must be 1", value);
    }
    if (!requester.isAuthenticated()) {
      throw new UnauthorizedException("following=1 needs an authenticated requester");
    }
    if (requester.actor() == null) {
      throw new ValidationException(
          "following", "needs a requester that is a member or a user", value);
    }
    query.followedBy(requester.actor());
  }

  private static int whole(String name, String value) {
    String v = value.strip();
    if (!WHOLE_NUMBER.matcher(v).matches()) {
      throw new ValidationException(name, "must be a whole number", value);
    }
    long n = Long.parseLong(v);
    if (n > Integer.MAX_VALUE) {
      throw new ValidationException(name, "must be at most " + Integer.MAX_VALUE, value);
    }
    return (int) Math.max(n, Integer.MIN_VALUE);
  }

  private static ActivityType type(String value) {
    return ActivityType.findByCode(value.strip().toUpperCase(Locale.ROOT))
        .orElseThrow(
            () ->
                new ValidationException(
                    "type",
                    "must be an activity type such as POST_IDEA, POST_UPDATE or REGISTER",
                    value));
  }

  private static LocalDate usDate(String value) {
    try {
      return LocalDate.parse(value.strip(), US_DATE);
    } catch (DateTimeParseException e) {
      throw new ValidationException(
          "date_created", "must be a date as MM/dd/yyyy, such as 12/06/2009", value);
    }
  }
}
