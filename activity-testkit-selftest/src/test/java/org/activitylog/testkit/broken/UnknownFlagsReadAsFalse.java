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
          new UserSimple(
              u.id(),
              u.username(),
              u.email(),
              u.fullName(),
              u.firstTimeLogin(),
              u.theme(),
              known(u.isSuperuser()),
              known(u.isStaff()),
              known(u.isActive()),
              known(u.isVerified()),
              u.profilePicture());
    } else if (actor instanceof Member m) {
      actor =
          new Member(
              m.id(),
              m.email(),
              m.screenName(),
              m.firstName(),
              m.lastName(),
              m.jobTitle(),
              m.address(),
              m.phone(),
              m.mobilePhone(),
              m.externalUserId(),
              m.skills(),
              m.workHistory(),
              m.photoUrl(),
              m.dateCreated(),
              m.dateModified(),
              known(m.active()),
              m.photoFileId());
    }
    BrightideaDetails d = c.details();
    BrightideaDetails details =
        d.isEmpty()
            ? d
            : new BrightideaDetails(
                d.ideaId(),
                d.ideaTitle(),
                d.categoryName(),
                known(d.anonymous()),
                known(d.teamSubmission()),
                d.updateId(),
                d.hifives(),
                d.comments(),
                d.attachment());
    return Rows.withContent(
        stored,
        new ActivityContent(
            c.type(),
            actor,
            c.text(),
            c.resource(),
            c.workspaceGroupId(),
            c.workspaceGroup(),
            c.campaign(),
            details));
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
