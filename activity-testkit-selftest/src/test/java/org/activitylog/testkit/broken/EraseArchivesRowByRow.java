package org.activitylog.testkit.broken;

import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityQuery.DeletedFilter;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Before erasing an actor, copies each of its activities to an erasure log: it lists their ids,
 * then reads them one by one by id, and treats a missing one as an error. Alone that works; when a
 * retention purge deletes one of them between the listing and its read, the erasure fails with
 * {@link NotFoundException} and the actor's activities stay as they were.
 */
final class EraseArchivesRowByRow extends BrokenRepository {

  EraseArchivesRowByRow(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    List<Long> ids =
        delegate
            .scan(
                ActivityQuery.builder().actor(actor).deleted(DeletedFilter.INCLUDE).build(),
                Sort.DEFAULT,
                100)
            .map(Activity::id)
            .toList();
    for (long id : ids) {
      RaceWindow.between();
      delegate.findById(id).orElseThrow(NotFoundException::new); // the erasure log's copy
    }
    return super.eraseActor(actor, mode);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, EraseArchivesRowByRow::new);
    }
  }
}
