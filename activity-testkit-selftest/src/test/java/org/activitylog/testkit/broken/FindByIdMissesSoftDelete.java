package org.activitylog.testkit.broken;

import java.util.Optional;
import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * findById selects a column list written before soft delete existed: without deleted_at, deleted_by
 * and is_active, a deleted activity reads as live. Listings, which select every column, are right;
 * the facade, which checks an activity by id before it changes it, is not.
 */
final class FindByIdMissesSoftDelete extends BrokenRepository {

  FindByIdMissesSoftDelete(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Optional<Activity> findById(long id) {
    return super.findById(id).map(FindByIdMissesSoftDelete::withoutDeletion);
  }

  private static Activity withoutDeletion(Activity a) {
    return a.toBuilder().deletedAt(null).deletedBy(null).active(true).build();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, FindByIdMissesSoftDelete::new);
    }
  }
}
