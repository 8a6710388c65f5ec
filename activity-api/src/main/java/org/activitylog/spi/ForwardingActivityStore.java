package org.activitylog.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link ActivityStore} that passes every call to another one: the base of store decorators. A
 * decorator of the activities or the follow graph builds its decorated part once, in its
 * constructor, and returns it from {@link #activities()} or {@link #follows()}:
 *
 * <pre>{@code
 * final class TimedStore extends ForwardingActivityStore {
 *   private final ActivityRepository activities;
 *
 *   TimedStore(ActivityStore delegate, Timer timer) {
 *     super(delegate);
 *     this.activities = new TimedRepository(delegate.activities(), timer);
 *   }
 *
 *   @Override
 *   public ActivityRepository activities() {
 *     return activities;
 *   }
 * }
 * }</pre>
 */
public class ForwardingActivityStore implements ActivityStore {

  /** The store every call goes to unless a subclass overrides it. */
  protected final ActivityStore delegate;

  /**
   * Wraps a store.
   *
   * @param delegate the store to pass calls to; closing this store closes it
   */
  public ForwardingActivityStore(ActivityStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public ActivityRepository activities() {
    return delegate.activities();
  }

  @Override
  public FollowGraph follows() {
    return delegate.follows();
  }

  @Override
  public Optional<JobLease> tryLease(String name, Duration ttl) {
    return delegate.tryLease(name, ttl);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
