package org.activitylog.recorder;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** A {@link System.Logger} that keeps what it is given, for assertions. */
final class CapturingLogger implements System.Logger {

  /** One logged message. */
  record Entry(Level level, String message, @Nullable Throwable thrown) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  List<Entry> at(Level level) {
    return entries.stream().filter(e -> e.level() == level).toList();
  }

  @Override
  public String getName() {
    return "capturing";
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public void log(Level level, @Nullable ResourceBundle bundle, String msg, Throwable thrown) {
    entries.add(new Entry(level, msg, thrown));
  }

  @Override
  public void log(
      Level level, @Nullable ResourceBundle bundle, String format, @Nullable Object... params) {
    // System.Logger.log(level, msg) passes null parameters: the message is not a pattern.
    String message =
        params == null || params.length == 0 ? format : MessageFormat.format(format, params);
    entries.add(new Entry(level, message, null));
  }
}
