package org.activitylog.jdbc.internal.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A statement being assembled from fixed SQL fragments, with every value kept apart as a bind
 * argument under a generated name. No text from outside the library ever becomes SQL.
 */
public final class BoundSql {
  private final StringBuilder sql = new StringBuilder();
  private final Map<String, Argument> arguments = new LinkedHashMap<>();

  /**
   * Appends a fixed fragment.
   *
   * @param fragment SQL written in this library
   * @return this statement
   */
  public BoundSql append(String fragment) {
    sql.append(fragment);
    return this;
  }

  /**
   * Appends a placeholder for a value.
   *
   * @param argument the value's binding
   * @return this statement
   */
  public BoundSql param(Argument argument) {
    String name = "p" + arguments.size();
    arguments.put(name, argument);
    sql.append(':').append(name);
    return this;
  }

  /** {@return the SQL text so far} */
  public String sql() {
    return sql.toString();
  }

  /**
   * Binds every value to a statement created from {@link #sql()}.
   *
   * @param statement the statement
   * @param <S> the statement type
   * @return the statement, with every value bound
   */
  public <S extends SqlStatement<S>> S bindTo(S statement) {
    arguments.forEach(statement::bind);
    return statement;
  }
}
