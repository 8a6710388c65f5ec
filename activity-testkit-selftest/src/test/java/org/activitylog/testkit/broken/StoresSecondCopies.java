package org.activitylog.testkit.broken;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;

/**
 * The base of the bugs that store a second activity under a key that already has one. The working
 * store underneath refuses duplicate keys, so a second copy is stored under a fresh uid and
 * reported everywhere under the original one, as a backend without the unique key would show it.
 * Batches go one activity at a time through {@link #insert}, so each subclass states its bug once.
 */
abstract class StoresSecondCopies extends BrokenRepository {
  private final Map<UUID, UUID> originalOfCopy = new ConcurrentHashMap<>();

  StoresSecondCopies(ActivityRepository delegate) {
    super(delegate);
  }

  /**
   * Stores a second activity for a key that already has one.
   *
   * @param activity the activity, whose uid is taken
   * @param uid its uid
   * @return the second activity, as reported
   */
  final Activity storeSecondCopy(NewActivity activity, UUID uid) {
    UUID copy = UUID.randomUUID();
    originalOfCopy.put(copy, uid);
    return view(delegate.insert(activity.withUid(copy)));
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    if (activities.stream().anyMatch(a -> a.uid() == null || a.createdAt() == null)) {
      return super.insertAll(activities); // lets the working store reject the batch whole
    }
    return activities.stream().map(this::insert).toList();
  }

  @Override
  protected Activity view(Activity stored) {
    UUID original = originalOfCopy.get(stored.uid());
    if (original == null) {
      return stored;
    }
    return stored.toBuilder().uid(original).build();
  }
}
