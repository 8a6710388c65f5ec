package org.activitylog.testkit.broken;

import java.math.BigDecimal;
import org.activitylog.api.Activity;
import org.activitylog.api.JsonValue.JsonNumber;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Reads the resource's JSON with a parser that turns every number into a double (a JSON library's
 * default): integers past 2<sup>53</sup>, decimals with more than 17 significant digits and the
 * like come back rounded.
 */
final class JsonNumbersReadAsDoubles extends BrokenRepository {

  JsonNumbersReadAsDoubles(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    return Deep.map(
        stored,
        JsonNumber.class,
        n -> new JsonNumber(new BigDecimal(Double.toString(n.value().doubleValue()))));
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, JsonNumbersReadAsDoubles::new);
    }
  }
}
