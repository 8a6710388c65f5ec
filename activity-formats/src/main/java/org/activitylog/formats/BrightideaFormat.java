package org.activitylog.formats;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.ValidationException;
import org.activitylog.formats.internal.BrightideaJsonFormat;
import org.activitylog.formats.internal.BrightideaXmlFormat;
import org.activitylog.formats.internal.WireLimits;
import org.jspecify.annotations.Nullable;

/**
 * Brightidea api3's {@code activity} in one of its two {@code format}s, JSON or XML, read and
 * written.
 *
 * <p>One activity is {@code {"activity": {...}}}; a page is {@code {"activity_list": [...],
 * "stats": {"total": "5", "page_count": 3, "current_page": 1}}} ({@code total} is a string, as in
 * the seed). An activity has {@code type} (the type's code), {@code id} (the activity's uid as an
 * upper-case UUID), {@code date_created} ({@code yyyy-MM-dd HH:mm:ss.SSS} in the {@link #zone()})
 * and, when present, {@code idea_id}, {@code campaign_id}, {@code campaign_name}, {@code
 * idea_title}, {@code category_name}, {@code anonymous}, {@code team_submission}, {@code
 * update_id}, {@code text}, {@code hifive}, {@code comments}, {@code attachment} and {@code member}
 * (its times in the same format). Absent values are left out. An activity whose actor is an
 * AISquare {@link org.activitylog.api.UserSimple} carries {@code user} (AISquare's object) instead
 * of {@code member}. AISquare's resource, workspace groups and audit fields are not written.
 *
 * <p>The XML format carries the same data under the same names: the root element is {@code
 * activity} for one activity, {@code response} for a page; each JSON member is an element; an array
 * is an element wrapping one element per item ({@code activity_list} wraps {@code activity}, {@code
 * comments} wraps {@code comment}, {@code hifive} wraps {@code hifive}). Text that XML 1.0 cannot
 * carry (most control characters) is replaced by U+FFFD. Reading XML refuses any document type
 * declaration, so no entity is ever expanded.
 *
 * <p>Reading produces {@link NewActivity} values for a workspace group the caller supplies, since
 * the format has none. Errors are {@link ValidationException}s naming the member by its wire path.
 * Implementations are immutable and thread-safe.
 */
public interface BrightideaFormat {

  /** The zone of Brightidea's zone-less times when none is configured. */
  ZoneId DEFAULT_ZONE = ZoneOffset.UTC;

  /** The longest body read, in characters. */
  int MAX_BODY_CHARS = WireLimits.MAX_BODY_CHARS;

  /** {@return JSON with times in UTC} */
  static BrightideaFormat json() {
    return json(DEFAULT_ZONE);
  }

  /**
   * {@return JSON with times in the given zone}
   *
   * @param zone the zone {@code date_created} values are written and read in
   */
  static BrightideaFormat json(ZoneId zone) {
    return new BrightideaJsonFormat(zone);
  }

  /** {@return XML with times in UTC} */
  static BrightideaFormat xml() {
    return xml(DEFAULT_ZONE);
  }

  /**
   * {@return XML with times in the given zone}
   *
   * @param zone the zone {@code date_created} values are written and read in
   */
  static BrightideaFormat xml(ZoneId zone) {
    return new BrightideaXmlFormat(zone);
  }

  /**
   * {@return the format a {@code format} parameter names: {@code json} (also when absent) or {@code
   * xml}, its ASCII letters in any case}
   *
   * @param format the parameter's value, or null when absent
   * @param zone the zone times are in
   * @throws ValidationException naming {@code format} for any other value
   */
  static BrightideaFormat forName(@Nullable String format, ZoneId zone) {
    if (format == null || isName(format, "json")) {
      return json(zone);
    }
    if (isName(format, "xml")) {
      return xml(zone);
    }
    throw new ValidationException("format", "must be json or xml", format);
  }

  /**
   * Compares ASCII letters only without case: {@link String#equalsIgnoreCase} would also accept
   * Unicode folds such as U+017F (long s) for {@code s}. Local, not the API's internal helper,
   * whose qualified export fails at run time when this module sits on the class path.
   */
  private static boolean isName(String text, String lowerCaseName) {
    if (text.length() != lowerCaseName.length()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != lowerCaseName.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@return the format's name, {@code json} or {@code xml}} */
  String name();

  /** {@return the media type of what this writes, with its charset} */
  String mediaType();

  /** {@return the zone Brightidea's zone-less times are written and read in} */
  ZoneId zone();

  /**
   * {@return {@code {"activity": {...}}} or its XML}
   *
   * @param activity the activity
   */
  String writeActivity(Activity activity);

  /**
   * {@return {@code {"activity_list": [...], "stats": {...}}} or its XML}
   *
   * @param page the page with its stats
   */
  String writePage(Page<Activity> page);

  /**
   * {@return an error body in this format; see {@link ErrorBody}}
   *
   * @param error the error
   */
  String writeError(ErrorBody error);

  /**
   * Reads {@code {"activity": {...}}} (or its XML) into an activity to record. Requires {@code
   * type} and the actor ({@code member} with {@code id}, or {@code user}); {@code id} (the uid) and
   * {@code date_created} are optional, the facade fills them.
   *
   * @param body the body
   * @param workspaceGroupId the workspace group to record it in
   * @return the activity to record
   * @throws ValidationException naming the first member that breaks a rule
   */
  NewActivity readActivity(String body, long workspaceGroupId);

  /**
   * Reads the items of a page ({@code activity_list}); {@code stats} is ignored.
   *
   * @param body the body
   * @param workspaceGroupId the workspace group to record them in
   * @return the activities to record, in order
   * @throws ValidationException naming the first member that breaks a rule
   */
  List<NewActivity> readList(String body, long workspaceGroupId);
}
