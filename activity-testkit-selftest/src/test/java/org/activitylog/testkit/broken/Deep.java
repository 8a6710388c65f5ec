package org.activitylog.testkit.broken;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds a value of the model with every part of one type changed, for the broken backends whose
 * bug alters a kind of value wherever it is stored (every text, every time), as a column type or a
 * codec shared by every column would.
 */
final class Deep {
  private Deep() {}

  /**
   * {@return the value with every part of a type replaced, records rebuilt through their canonical
   * constructors, lists and maps copied}
   *
   * @param value the value, such as an activity
   * @param type the type of the parts to replace
   * @param change what each part becomes
   * @param <T> the value's type
   * @param <P> the parts' type
   */
  @SuppressWarnings("unchecked")
  static <T, P> T map(T value, Class<P> type, UnaryOperator<P> change) {
    return (T) mapAny(value, type, change);
  }

  private static <P> @Nullable Object mapAny(
      @Nullable Object value, Class<P> type, UnaryOperator<P> change) {
    if (value == null) {
      return null;
    }
    if (type.isInstance(value)) {
      return change.apply(type.cast(value));
    }
    if (value instanceof Record r) {
      RecordComponent[] parts = r.getClass().getRecordComponents();
      Object[] args = new Object[parts.length];
      Class<?>[] types = new Class<?>[parts.length];
      for (int i = 0; i < parts.length; i++) {
        types[i] = parts[i].getType();
        args[i] = mapAny(read(parts[i], r), type, change);
      }
      try {
        Constructor<?> canonical = r.getClass().getDeclaredConstructor(types);
        return canonical.newInstance(args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot rebuild " + r.getClass(), e);
      }
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>();
      for (Object item : list) {
        copy.add(mapAny(item, type, change));
      }
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<@Nullable Object, @Nullable Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(mapAny(k, type, change), mapAny(v, type, change)));
      return copy;
    }
    return value;
  }

  private static @Nullable Object read(RecordComponent part, Record r) {
    try {
      return part.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + part.getName() + " of " + r, e);
    }
  }
}
