package org.activitylog.api;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A value broke a rule. Names the field (as it is called on the wire, for example {@code
 * page_size}) and the rule, so a caller can map it straight to a 400 answer. Nothing is stored or
 * changed when this is thrown.
 */
public class ValidationException extends ActivityLogException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_ECHO = 80;

  private final String field;
  private final String rule;
  private final @Nullable String shown;

  /**
   * Creates an error for a field that broke a rule.
   *
   * @param field the field's wire name, for example {@code username}
   * @param rule the rule, phrased to follow the field name, for example {@code "must be at most 150
   *     characters"}
   * @param rejected the offending value, echoed shortened in the message; {@code null} when absent
   */
  public ValidationException(String field, String rule, @Nullable Object rejected) {
    this(field, rule, rejected == null ? null : shorten(String.valueOf(rejected)), true);
  }

  private ValidationException(String field, String rule, @Nullable String shown, boolean echo) {
    super(
        shown == null
            ? field + " " + rule + (echo ? " (was absent)" : "")
            : field + " " + rule + " (was \"" + shown + "\")");
    this.field = field;
    this.rule = rule;
    this.shown = shown;
  }

  /**
   * Creates an error for a field that broke a rule, without echoing the value.
   *
   * @param field the field's wire name
   * @param rule the rule, phrased to follow the field name
   */
  public ValidationException(String field, String rule) {
    this(field, rule, null, false);
  }

  /** {@return the wire name of the field that broke the rule} */
  public String field() {
    return field;
  }

  /** {@return the rule that was broken, phrased to follow the field name} */
  public String rule() {
    return rule;
  }

  /**
   * {@return the offending value as the message echoes it, shortened; empty when it was absent or
   * not echoed}
   */
  public Optional<String> rejectedValue() {
    return Optional.ofNullable(shown);
  }

  /**
   * {@return the same error for a field nested in another, for example {@code comments[1].} before
   * {@code member.email}}
   *
   * @param prefix what to put before the field name
   */
  public ValidationException withFieldPrefix(String prefix) {
    boolean echo = getMessage() != null && !getMessage().equals(field + " " + rule);
    return new ValidationException(prefix + field, rule, shown, echo);
  }

  private static String shorten(String text) {
    return text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text;
  }
}
