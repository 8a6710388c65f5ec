package org.activitylog.api;

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

  /**
   * Creates an error for a field that broke a rule.
   *
   * @param field the field's wire name, for example {@code username}
   * @param rule the rule, phrased to follow the field name, for example {@code "must be at most 150
   *     characters"}
   * @param rejected the offending value, echoed shortened in the message; {@code null} when absent
   */
  public ValidationException(String field, String rule, @Nullable Object rejected) {
    super(message(field, rule, rejected));
    this.field = field;
    this.rule = rule;
  }

  /**
   * Creates an error for a field that broke a rule, without echoing the value.
   *
   * @param field the field's wire name
   * @param rule the rule, phrased to follow the field name
   */
  public ValidationException(String field, String rule) {
    super(field + " " + rule);
    this.field = field;
    this.rule = rule;
  }

  /** The wire name of the field that broke the rule. */
  public String field() {
    return field;
  }

  /** The rule that was broken, phrased to follow the field name. */
  public String rule() {
    return rule;
  }

  private static String message(String field, String rule, @Nullable Object rejected) {
    if (rejected == null) {
      return field + " " + rule + " (was absent)";
    }
    String shown = String.valueOf(rejected);
    if (shown.length() > MAX_ECHO) {
      shown = shown.substring(0, MAX_ECHO) + "…";
    }
    return field + " " + rule + " (was \"" + shown + "\")";
  }
}
