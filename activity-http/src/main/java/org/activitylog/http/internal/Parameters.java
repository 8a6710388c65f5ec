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
import org.activitylog.api.Sort;
import org.activitylog.api.ValidationException;
import org.activitylog.api.internal.Ascii;
import org.activitylog.core.Requester;
import org.activitylog.core.UnauthorizedException;
import org.activitylog.http.ApiRequest;

/**
 * Reads Brightidea's LIST parameters, each bad value a {@link ValidationException} naming the
 * parameter and the rule. Unknown parameters are ignored, as the seed's API does.
 *
 * <p>One rule for repetition: every parameter the endpoint reads is given at most once; a second
 * occurrence, even with the same value, is a 400 naming it ({@code must be given once}). Values are
 * read exactly as decoded, without trimming: whitespace the grammar does not allow is refused.
 *
 * <table>
 *   <caption>Accepted values</caption>
 *   <tr><td>{@code id}, {@code campaign_id}</td><td>a UUID in its 36-character form, hex digits
 *       in any case</td></tr>
 *   <tr><td>{@code type}</td><td>an activity code ({@code POST_IDEA}, {@code 100}), ASCII letters
 *       in any case ({@link ActivityType#findByCodeIgnoringCase})</td></tr>
 *   <tr><td>{@code date_created}</td><td>{@code M/d/yyyy} or {@code MM/dd/yyyy}, a real
 *       date</td></tr>
 *   <tr><td>{@code following}</td><td>{@code 1}</td></tr>
 *   <tr><td>{@code page}</td><td>ASCII digits, 1 to {@value Integer#MAX_VALUE}</td></tr>
 *   <tr><td>{@code page_size}</td><td>ASCII digits, {@value PageRequest#MIN_SIZE} to the facade's
 *       {@link org.activitylog.core.ActivityLog#maxPageSize} (100 unless the host sets
 *       another)</td></tr>
 *   <tr><td>{@code order}</td><td>the grammar of {@link #order}; an empty value is a 400 like
 *       any other value outside it</td></tr>
 *   <tr><td>{@code format}</td><td>{@code json} or {@code xml}, ASCII letters in any case</td></tr>
 * </table>
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

  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
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
   * @param maxPageSize the largest {@code page_size} accepted
   * @return the filters, sort and page the parameters ask for
   * @throws ValidationException naming the first parameter with a bad value
   * @throws UnauthorizedException for {@code following=1} from an anonymous requester
   */
  public static ListRequest list(
      ApiRequest request, Requester requester, ZoneId zone, int maxPageSize) {
    ActivityQuery.Builder query = ActivityQuery.builder();
    once(request, "id").ifPresent(v -> query.uid(uuid(v).orElseThrow(() -> notUuid("id", v))));
    once(request, "type").ifPresent(v -> query.type(type(v)));
    once(request, "campaign_id")
        .ifPresent(v -> query.campaign(uuid(v).orElseThrow(() -> notUuid("campaign_id", v))));
    once(request, "date_created").ifPresent(v -> query.createdOn(usDate(v), zone));
    once(request, "following").ifPresent(v -> following(v, requester, query));
    int page = once(request, "page").map(Parameters::page).orElse(1);
    int size =
        once(request, "page_size")
            .map(v -> pageSize(v, maxPageSize))
            .orElse(Math.min(PageRequest.DEFAULT_SIZE, maxPageSize));
    Sort sort = once(request, "order").map(Parameters::order).orElse(Sort.DEFAULT);
    return new ListRequest(query.build(), PageRequest.of(page, size), sort);
  }

  /**
   * Reads Brightidea's SQL-style {@code order} text. The accepted grammar, and nothing else:
   *
   * <pre>
   * order     = field [ " " direction ]
   * field     = "id" / "date_created"
   * direction = "ASC" / "DESC"
   * </pre>
   *
   * <p>Letters compare in any ASCII case ({@code DATE_CREATED desc}); no other letter stands in for
   * one ({@code aſc} with a long s is not {@code asc}). The field and the direction are separated
   * by exactly one space ({@code +} or {@code %20} in a URL); tabs, line breaks, leading or
   * trailing space are refused. A field alone is ascending, as in SQL. Empty text is refused too: a
   * request that wants the default gives no order at all and gets {@link Sort#DEFAULT}.
   *
   * @param text the order text, for example {@code "date_created ASC"}
   * @return the sort
   * @throws ValidationException naming {@code order} for anything else
   */
  public static Sort order(String text) {
    int space = text.indexOf(' ');
    String fieldText = space < 0 ? text : text.substring(0, space);
    Sort.Field field;
    if (Ascii.equalsIgnoreCase(fieldText, "id")) {
      field = Sort.Field.ID;
    } else if (Ascii.equalsIgnoreCase(fieldText, "date_created")) {
      field = Sort.Field.DATE_CREATED;
    } else {
      throw invalidOrder(text);
    }
    if (space < 0) {
      return new Sort(field, Sort.Direction.ASC);
    }
    String directionText = text.substring(space + 1);
    for (Sort.Direction direction : Sort.Direction.values()) {
      if (Ascii.equalsIgnoreCase(directionText, direction.name())) {
        return new Sort(field, direction);
      }
    }
    throw invalidOrder(text);
  }

  private static ValidationException invalidOrder(String text) {
    return new ValidationException(
        "order",
        "must be \"id\" or \"date_created\", optionally followed by one space and ASC or DESC",
        text);
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
   * {@return the value of a parameter, which may be given at most once}
   *
   * @param request the request
   * @param name the parameter
   * @throws ValidationException naming the parameter when it is given more than once
   */
  public static Optional<String> once(ApiRequest request, String name) {
    List<String> values = request.parameters(name);
    if (values.size() > 1) {
      throw new ValidationException(name, "must be given once", String.join("&", values));
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

  private static int page(String value) {
    return whole(
        "page", value, 1, Integer.MAX_VALUE, "must be 1 or more", "must be at most 2147483647");
  }

  private static int pageSize(String value, int max) {
    String rule = "must be between " + PageRequest.MIN_SIZE + " and " + max;
    return whole("page_size", value, PageRequest.MIN_SIZE, max, rule, rule);
  }

  /**
   * Reads ASCII digits, optionally signed, of any length: a number too large for any type is still
   * answered with the parameter's own range rule, never with an arithmetic limit.
   */
  private static int whole(
      String name, String value, int min, int max, String belowRule, String aboveRule) {
    if (!WHOLE_NUMBER.matcher(value).matches()) {
      throw new ValidationException(name, "must be a whole number", value);
    }
    boolean negative = value.charAt(0) == '-';
    String digits = value.substring(negative ? 1 : 0).replaceFirst("^0+", "");
    // Ten digits hold every int; more are out of range whatever they are.
    long n = digits.isEmpty() ? 0 : digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
    n = negative ? -n : n;
    if (n < min) {
      throw new ValidationException(name, belowRule, value);
    }
    if (n > max) {
      throw new ValidationException(name, aboveRule, value);
    }
    return (int) n;
  }

  private static ActivityType type(String value) {
    return ActivityType.findByCodeIgnoringCase(value)
        .orElseThrow(
            () ->
                new ValidationException(
                    "type",
                    "must be an activity type such as POST_IDEA, POST_UPDATE or REGISTER",
                    value));
  }

  private static LocalDate usDate(String value) {
    try {
      return LocalDate.parse(value, US_DATE);
    } catch (DateTimeParseException e) {
      throw new ValidationException(
          "date_created", "must be a date as MM/dd/yyyy, such as 12/06/2009", value);
    }
  }
}
