package org.activitylog.testkit.broken;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.JsonValue;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Maps the extension slot to a column per member it knows, written when the Brightidea fields were
 * the idea fields, the hi-fives and the comments: the {@code attachment} member, which the format
 * gained later, has no column, so the file attached to an update is lost on the way in.
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
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    Map<String, JsonValue> extensions = update.extensions();
    ActivityUpdate written =
        extensions == null
            ? update
            : new ActivityUpdate(
                update.type(),
                update.actor(),
                update.text(),
                update.resource(),
                update.campaign(),
                mapped(extensions));
    return super.update(id, guard, written, updatedBy);
  }

  private static NewActivity mapped(NewActivity a) {
    ActivityContent c = a.content();
    if (!c.extensions().containsKey("attachment")) {
      return a;
    }
    ActivityContent written = Rows.withExtensions(c, mapped(c.extensions()));
    return new NewActivity(a.uid(), written, a.createdAt(), a.createdBy());
  }

  private static Map<String, JsonValue> mapped(Map<String, JsonValue> extensions) {
    Map<String, JsonValue> columns = new LinkedHashMap<>(extensions);
    columns.remove("attachment");
    return columns;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, DetailsAttachmentNotMapped::new);
    }
  }
}
