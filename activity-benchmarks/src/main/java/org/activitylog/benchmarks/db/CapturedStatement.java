package org.activitylog.benchmarks.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement some code prepared, with the calls that bound its parameters, so the same statement
 * with the same values can be run again under EXPLAIN.
 */
public final class CapturedStatement {
  private final String sql;
  private final List<Binding> bindings = new ArrayList<>();

  CapturedStatement(String sql) {
    this.sql = sql;
  }

  /** The SQL text as the driver received it. */
  public String sql() {
    return sql;
  }

  synchronized void record(Method setter, Object[] args) {
    bindings.add(new Binding(setter, args.clone()));
  }

  /**
   * Binds the captured values to another statement of the same SQL, by the same setter calls.
   *
   * @param target the statement, which may have text before the captured SQL (as EXPLAIN does)
   * @throws SQLException when a setter fails
   */
  public synchronized void replay(PreparedStatement target) throws SQLException {
    for (Binding b : bindings) {
      try {
        b.setter().invoke(target, b.args());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot call " + b.setter(), e);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof SQLException s) {
          throw s;
        }
        throw new IllegalStateException("replaying " + b.setter().getName() + " failed", e);
      }
    }
  }

  /** One setter call: the method and its arguments, the parameter index first. */
  private record Binding(Method setter, Object[] args) {}
}
