package org.activitylog.benchmarks.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A DataSource that notes every statement prepared through it and the values bound to it, to show
 * the query plans of the exact SQL the library runs. Used only to collect plans, never while
 * timing: the proxies cost a little on every call.
 */
public final class CapturingDataSource implements DataSource {
  private final DataSource delegate;
  private final List<CapturedStatement> captured = new ArrayList<>();

  /**
   * Wraps a DataSource.
   *
   * @param delegate the real one
   */
  public CapturingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** The statements prepared since the last call, oldest first; forgets them. */
  public synchronized List<CapturedStatement> drain() {
    List<CapturedStatement> out = List.copyOf(captured);
    captured.clear();
    return out;
  }

  private synchronized void add(CapturedStatement s) {
    captured.add(s);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(delegate.getConnection(username, password));
  }

  private Connection wrap(Connection real) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          if (method.getName().equals("prepareStatement")
              && args != null
              && args[0] instanceof String sql
              && result instanceof PreparedStatement ps) {
            CapturedStatement statement = new CapturedStatement(sql);
            add(statement);
            return watch(ps, statement);
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private static PreparedStatement watch(PreparedStatement real, CapturedStatement statement) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          // Parameter setters take the index first and a value; setFetchSize(int) and the like
          // take one argument and are not bindings.
          if (method.getName().startsWith("set")
              && args != null
              && args.length >= 2
              && args[0] instanceof Integer) {
            statement.record(method, args);
          }
          return invoke(real, method, args);
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            handler);
  }

  private static @Nullable Object invoke(Object target, Method method, Object @Nullable [] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
