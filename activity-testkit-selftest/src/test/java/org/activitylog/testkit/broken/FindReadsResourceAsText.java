package org.activitylog.testkit.broken;

import java.util.Optional;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.JsonValue;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * The look-ups by id and by uid have a row mapper of their own, which wraps the resource column's
 * JSON text in a JSON string instead of parsing it: a listing shows the resource {@code {"n":1}}, a
 * look-up the string {@code "{\"n\":1}"}.
 */
final class FindReadsResourceAsText extends BrokenRepository {

  FindReadsResourceAsText(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Optional<Activity> findById(long id) {
    return super.findById(id).map(FindReadsResourceAsText::unparsed);
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    return super.findByUid(workspaceGroupId, uid).map(FindReadsResourceAsText::unparsed);
  }

  private static Activity unparsed(Activity a) {
    if (a.resource().isNull()) {
      return a; // SQL NULL, read as JSON null either way
    }
    ActivityContent c = a.content();
    ActivityContent asText = c.toBuilder().resource(JsonValue.of(c.resource().toJson())).build();
    return a.toBuilder().content(asText).build();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, FindReadsResourceAsText::new);
    }
  }
}
