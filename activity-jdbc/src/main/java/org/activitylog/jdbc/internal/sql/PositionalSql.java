package org.activitylog.jdbc.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * One of the library's named-parameter statements rewritten for plain JDBC: every {@code :name}
 * becomes {@code ?}, and {@link #names()} says which value goes at each position. Used where a hot
 * statement runs on the handle's connection directly, without Jdbi's per-statement setup.
 *
 * @param sql the statement with {@code ?} placeholders
 * @param names the parameter name at each position, first position first; a name used twice in the
 *     statement appears twice
 */
public record PositionalSql(String sql, List<String> names) {
  /** Makes the record immutable. */
  public PositionalSql {
    names = List.copyOf(names);
  }

  /**
   * Rewrites a named-parameter statement written in this library. Its SQL never contains a colon
   * other than a parameter's (no string literals, no {@code ::} casts), which the rewrite relies
   * on.
   *
   * @param named the statement with {@code :name} placeholders
   * @return the positional form
   */
  public static PositionalSql of(String named) {
    StringBuilder sql = new StringBuilder(named.length());
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < named.length()) {
      char c = named.charAt(i);
      if (c != ':') {
        sql.append(c);
        i++;
        continue;
      }
      int end = i + 1;
      while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
        end++;
      }
      if (end == i + 1) {
        throw new IllegalArgumentException("a colon without a parameter name at " + i);
      }
      names.add(named.substring(i + 1, end));
      sql.append('?');
      i = end;
    }
    return new PositionalSql(sql.toString(), names);
  }
}
