package org.activitylog.testkit.broken;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityQuery.DeletedFilter;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Reads a batch's new rows back as the newest rows of the table ({@code ORDER BY id DESC LIMIT n})
 * instead of by the keys the insert generated. Alone on the table that gives the batch's own rows;
 * when another caller inserts between the batch and the read-back, the batch returns the other
 * caller's activities.
 */
final class InsertAllReadsBackNewestRows extends BrokenRepository {
  private static final Sort NEWEST_FIRST = new Sort(Sort.Field.ID, Sort.Direction.DESC);
  private static final ActivityQuery EVERY_ROW =
      ActivityQuery.builder().deleted(DeletedFilter.INCLUDE).build();

  InsertAllReadsBackNewestRows(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    if (activities.isEmpty() || !allNew(activities)) {
      // A batch with a key already stored is read back key by key, which is right.
      return super.insertAll(activities);
    }
    delegate.insertAll(activities);
    RaceWindow.between();
    List<Activity> newest =
        new ArrayList<>(delegate.listAfter(EVERY_ROW, NEWEST_FIRST, null, activities.size()));
    Collections.reverse(newest);
    return newest.stream().map(this::view).toList();
  }

  /** Whether every activity has its uid and time, a key of its own and no stored twin. */
  private boolean allNew(List<NewActivity> activities) {
    Set<String> keys = new HashSet<>();
    for (NewActivity a : activities) {
      UUID uid = a.uid();
      if (uid == null || a.createdAt() == null) {
        return false;
      }
      long group = a.content().workspaceGroupId();
      if (!keys.add(group + "/" + uid) || delegate.findByUid(group, uid).isPresent()) {
        return false;
      }
    }
    return true;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, InsertAllReadsBackNewestRows::new);
    }
  }
}
