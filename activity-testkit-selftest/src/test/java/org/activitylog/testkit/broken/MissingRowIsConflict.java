package org.activitylog.testkit.broken;

import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ConflictException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Writes every change with {@code UPDATE … WHERE id = ? AND version = ?} and takes "no row changed"
 * for a lost race, without asking whether the row exists: an unknown id answers with a conflict,
 * which tells a client to read the activity again and retry, forever.
 */
final class MissingRowIsConflict extends BrokenRepository {

  MissingRowIsConflict(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    requireRow(id);
    return super.update(id, guard, update, updatedBy);
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    requireRow(id);
    return super.softDelete(id, guard, deletedBy);
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    requireRow(id);
    return super.restore(id, guard, restoredBy);
  }

  private void requireRow(long id) {
    if (delegate.findById(id).isEmpty()) {
      throw new ConflictException(
          "activity " + id + " was changed by another writer; read it again and retry");
    }
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, MissingRowIsConflict::new);
    }
  }
}
