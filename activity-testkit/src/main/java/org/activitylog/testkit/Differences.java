package org.activitylog.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a value read back differs from the one written, field by field, for failure messages: a
 * 10,000-character text or a 64 KiB resource printed whole hides the one character that changed.
 * Values are compared with {@code equals} first, so what the model treats as equal (JSON numbers by
 * value, objects without key order) is never reported.
 */
final class Differences {
  private static final int SHOWN = 60;

  private Differences() {}

  /**
   * {@return one line per differing field, such as {@code content.text: differs at index 3 …};
   * empty when the values are equal}
   *
   * @param written the value written
   * @param read the value read back
   */
  static List<String> of(@Nullable Object written, @Nullable Object read) {
    List<String> out = new ArrayList<>();
    diff("", written, read, out);
    return out;
  }

  private static void diff(
      String path, @Nullable Object written, @Nullable Object read, List<String> out) {
    if (Objects.equals(written, read)) {
      return;
    }
    int before = out.size();
    if (written != null && read != null && written.getClass() == read.getClass()) {
      if (written instanceof Record) {
        for (RecordComponent c : written.getClass().getRecordComponents()) {
          diff(path + "." + c.getName(), component(c, written), component(c, read), out);
        }
      } else if (written instanceof List<?> w && read instanceof List<?> r) {
        if (w.size() != r.size()) {
          out.add(name(path) + ": wrote " + w.size() + " items but read " + r.size());
        }
        for (int i = 0; i < Math.min(w.size(), r.size()); i++) {
          diff(path + "[" + i + "]", w.get(i), r.get(i), out);
        }
      } else if (written instanceof Map<?, ?> w && read instanceof Map<?, ?> r) {
        Set<Object> keys = new LinkedHashSet<>(w.keySet());
        keys.addAll(r.keySet());
        for (Object k : keys) {
          diff(path + "[" + show(k) + "]", w.get(k), r.get(k), out);
        }
      } else if (written instanceof String w && read instanceof String r) {
        out.add(name(path) + ": " + textDifference(w, r));
      }
    }
    if (out.size() == before) {
      out.add(name(path) + ": wrote " + show(written) + " but read " + show(read));
    }
  }

  private static String textDifference(String w, String r) {
    int i = 0;
    while (i < w.length() && i < r.length() && w.charAt(i) == r.charAt(i)) {
      i++;
    }
    return "wrote "
        + w.length()
        + " chars, read "
        + r.length()
        + "; first difference at index "
        + i
        + ": wrote "
        + charAt(w, i)
        + " but read "
        + charAt(r, i)
        + " (wrote "
        + show(w)
        + ", read "
        + show(r)
        + ")";
  }

  private static String charAt(String s, int i) {
    return i < s.length() ? String.format("U+%04X", (int) s.charAt(i)) : "the end";
  }

  private static @Nullable Object component(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
    }
  }

  private static String name(String path) {
    return path.isEmpty() ? "value" : path.substring(1);
  }

  private static String show(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof String s ? quoted(s) : String.valueOf(value);
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…(" + text.length() + ")";
  }

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '"' || c == '\\') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
