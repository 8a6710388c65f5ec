package org.activitylog.spi;

import java.util.Objects;
import java.util.Set;
import org.activitylog.api.ActorRef;

/**
 * A {@link FollowGraph} that passes every call to another one: the base of decorators. Override the
 * methods the decorator changes.
 */
public class ForwardingFollowGraph implements FollowGraph {

  /** The graph every call goes to unless a subclass overrides it. */
  protected final FollowGraph delegate;

  /**
   * Wraps a follow graph.
   *
   * @param delegate the graph to pass calls to
   */
  public ForwardingFollowGraph(FollowGraph delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    return delegate.follow(follower, followee);
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    return delegate.unfollow(follower, followee);
  }

  @Override
  public Set<ActorRef> following(ActorRef follower) {
    return delegate.following(follower);
  }

  @Override
  public long removeActor(ActorRef actor) {
    return delegate.removeActor(actor);
  }
}
