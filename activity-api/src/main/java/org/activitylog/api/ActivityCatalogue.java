package org.activitylog.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activitylog.api.internal.Ascii;

/**
 * The types a backend can rebuild from a stored code: the seeds' {@link ActivityType} and the enums
 * a host application registers. Immutable; {@link #with(Class)} returns a new catalogue.
 *
 * <pre>{@code
 * ActivityCatalogue types = ActivityCatalogue.standard().with(ShopActivity.class);
 * }</pre>
 *
 * <p>A code belongs to one type: registering an enum that claims a code already claimed, in any
 * ASCII case, fails naming both types. A code no type claims resolves to an {@link
 * UnknownActivityType}, never an error, so a row written by a host type the reader does not know
 * still reads.
 */
public final class ActivityCatalogue {

  private static final ActivityCatalogue STANDARD =
      new ActivityCatalogue(Map.of(), List.of()).with(ActivityType.class);

  private final Map<String, ActivityKind> byCode;
  private final List<Class<?>> enums;

  private ActivityCatalogue(Map<String, ActivityKind> byCode, List<Class<?>> enums) {
    this.byCode = byCode;
    this.enums = enums;
  }

  /** {@return the catalogue of the seeds' 91 AISquare and 11 Brightidea types} */
  public static ActivityCatalogue standard() {
    return STANDARD;
  }

  /**
   * {@return this catalogue with every constant of a host enum added}
   *
   * @param <E> the host enum
   * @param hostTypes the host enum's class
   * @throws IllegalArgumentException when the enum is already registered, has no constant, or
   *     claims a code another type claims, in any ASCII case (the message names both types)
   * @throws ValidationException when a constant's code is not one a backend can store
   */
  public <E extends Enum<E> & ActivityKind> ActivityCatalogue with(Class<E> hostTypes) {
    if (enums.contains(hostTypes)) {
      throw new IllegalArgumentException(hostTypes.getName() + " is already registered");
    }
    E[] constants = hostTypes.getEnumConstants();
    if (constants == null || constants.length == 0) {
      throw new IllegalArgumentException(hostTypes.getName() + " has no constant to register");
    }
    Map<String, ActivityKind> next = new LinkedHashMap<>(byCode);
    Map<String, ActivityKind> claimed = new LinkedHashMap<>();
    for (ActivityKind kind : byCode.values()) {
      claimed.put(Ascii.toUpperCase(kind.code()), kind);
    }
    for (E constant : constants) {
      String code = ActivityKind.checkCode(constant.code());
      // Codes that differ only in case clash too: the HTTP type parameter is read in any case,
      // and some databases compare text without case.
      ActivityKind taken = claimed.putIfAbsent(Ascii.toUpperCase(code), constant);
      next.put(code, constant);
      if (taken != null) {
        throw new IllegalArgumentException(
            "activity code \""
                + code
                + "\" is claimed by both "
                + describe(taken)
                + " and "
                + describe(constant));
      }
    }
    List<Class<?>> nextEnums = new ArrayList<>(enums);
    nextEnums.add(hostTypes);
    return new ActivityCatalogue(
        Collections.unmodifiableMap(next), Collections.unmodifiableList(nextEnums));
  }

  /**
   * {@return the registered type with this code, compared exactly, or empty}
   *
   * @param code a stored code
   */
  public Optional<ActivityKind> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * {@return the registered type with this code, or an {@link UnknownActivityType} of the code when
   * no registered type claims it}
   *
   * @param code a stored code
   */
  public ActivityKind resolve(String code) {
    ActivityKind known = byCode.get(code);
    return known != null ? known : new UnknownActivityType(code);
  }

  /** {@return every registered type, the seeds' first, then each enum in registration order} */
  public List<ActivityKind> types() {
    return List.copyOf(byCode.values());
  }

  private static String describe(ActivityKind kind) {
    return kind instanceof Enum<?> e
        ? e.getDeclaringClass().getSimpleName() + "." + e.name()
        : kind.toString();
  }

  @Override
  public String toString() {
    return "ActivityCatalogue"
        + enums.stream().map(Class::getSimpleName).toList()
        + " ("
        + byCode.size()
        + " types)";
  }
}
