package org.activitylog.spi;

/**
 * A storage backend: the activities and the follow graph on one storage, so that the {@code
 * followedBy} filter can join them. Closing releases what the store owns (pools, files); a store
 * handed a resource by the host, such as a {@code DataSource}, never closes it.
 */
public interface ActivityStore extends AutoCloseable {

  /** {@return the activities} */
  ActivityRepository activities();

  /** {@return the follow graph} */
  FollowGraph follows();

  /** Releases what the store owns. Idempotent. */
  @Override
  void close();
}
