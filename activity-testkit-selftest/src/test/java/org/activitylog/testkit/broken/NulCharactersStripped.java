package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Strips U+0000 from every text before writing it, to get past PostgreSQL's refusal of that
 * character: the activity is stored, but not as it was given.
 */
final class NulCharactersStripped extends BrokenRepository {

  NulCharactersStripped(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    return Deep.map(stored, String.class, s -> s.replace("\u0000", ""));
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, NulCharactersStripped::new);
    }
  }
}
