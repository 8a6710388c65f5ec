package org.activitylog.testkit.broken;

import java.time.Instant;
import java.util.Comparator;
import org.activitylog.api.Activity;
import org.activitylog.api.BrightideaDetails;
import org.activitylog.api.Comment;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Keeps the comments of the Brightidea details in a child table and reads them back {@code ORDER BY
 * date_created}, with no column for their position: the list comes back in date order, not in the
 * order given.
 */
final class CommentsReadInDateOrder extends BrokenRepository {

  CommentsReadInDateOrder(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    BrightideaDetails d = stored.content().details();
    return Rows.withContent(
        stored,
        Rows.withDetails(
            stored.content(),
            d.toBuilder()
                .comments(
                    d.comments().stream()
                        .sorted(
                            Comparator.comparing(
                                Comment::dateCreated,
                                Comparator.nullsLast(Comparator.<Instant>naturalOrder())))
                        .toList())
                .build()));
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, CommentsReadInDateOrder::new);
    }
  }
}
