package org.activitylog.testkit.broken;

import java.util.LinkedHashMap;
import java.util.Map;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.Actor;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonBoolean;
import org.activitylog.api.Member;
import org.activitylog.api.UserSimple;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Stores the yes/no fields of the actor's profile, and the flag members of the extension slot it
 * knows ({@code anonymous}, {@code team_submission}), in {@code BOOLEAN NOT NULL DEFAULT FALSE}
 * columns: a flag that was unknown (null) comes back as false.
 */
final class UnknownFlagsReadAsFalse extends BrokenRepository {

  private static final String[] FLAGS = {"anonymous", "team_submission"};

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
    Map<String, JsonValue> extensions = new LinkedHashMap<>(c.extensions());
    for (String flag : FLAGS) {
      extensions.computeIfPresent(flag, (k, v) -> v.isNull() ? new JsonBoolean(false) : v);
    }
    return Rows.withContent(stored, c.toBuilder().actor(actor).extensions(extensions).build());
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
