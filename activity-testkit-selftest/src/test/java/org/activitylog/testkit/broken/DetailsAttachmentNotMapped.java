package org.activitylog.testkit.broken;

import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.BrightideaDetails;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written JSON mapping of the Brightidea details writes the idea fields, the hi-fives and
 * the comments, but not the attachment, which the record gained later: the file attached to an
 * update is lost on the way in.
 */
final class DetailsAttachmentNotMapped extends BrokenRepository {

  DetailsAttachmentNotMapped(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity insert(NewActivity activity) {
    return super.insert(mapped(activity));
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    return super.insertAll(activities.stream().map(DetailsAttachmentNotMapped::mapped).toList());
  }

  @Override
  public Activity update(
      long id, ActivityUpdate update, @Nullable Long expectedVersion, @Nullable String updatedBy) {
    BrightideaDetails details = update.details();
    ActivityUpdate written =
        details == null
            ? update
            : new ActivityUpdate(
                update.type(),
                update.actor(),
                update.text(),
                update.resource(),
                update.campaign(),
                mapped(details));
    return super.update(id, written, expectedVersion, updatedBy);
  }

  private static NewActivity mapped(NewActivity a) {
    ActivityContent c = a.content();
    if (c.details().attachment() == null) {
      return a;
    }
    ActivityContent written = c.toBuilder().details(mapped(c.details())).build();
    return new NewActivity(a.uid(), written, a.createdAt(), a.createdBy());
  }

  private static BrightideaDetails mapped(BrightideaDetails d) {
    return d.toBuilder().attachment(null).build();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, DetailsAttachmentNotMapped::new);
    }
  }
}
