package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.Actor;
import org.activitylog.api.BrightideaDetails;
import org.activitylog.api.Member;
import org.activitylog.api.UserSimple;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Stores the yes/no fields of the actor's profile and of the details in {@code BOOLEAN NOT NULL
 * DEFAULT FALSE} columns: a flag that was unknown (null) comes back as false.
 */
final class UnknownFlagsReadAsFalse extends BrokenRepository {

  UnknownFlagsReadAsFalse(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    ActivityContent c = stored.content();
    Actor actor = c.actor();
    if (actor instanceof UserSimple u) {
      actor =
          u.toBuilder()
              .isSuperuser(known(u.isSuperuser()))
              .isStaff(known(u.isStaff()))
              .isActive(known(u.isActive()))
              .isVerified(known(u.isVerified()))
              .build();
    } else if (actor instanceof Member m) {
      actor = m.toBuilder().active(known(m.active())).build();
    }
    BrightideaDetails d = c.details();
    BrightideaDetails details =
        d.isEmpty()
            ? d
            : d.toBuilder()
                .anonymous(known(d.anonymous()))
                .teamSubmission(known(d.teamSubmission()))
                .build();
    return Rows.withContent(stored, c.toBuilder().actor(actor).details(details).build());
  }

  private static Boolean known(@Nullable Boolean flag) {
    return flag != null && flag;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, UnknownFlagsReadAsFalse::new);
    }
  }
}
