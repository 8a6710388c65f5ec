package org.activitylog.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Set;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;

/** Times every call of a follow graph; see {@link TimedActivityStore}. */
final class TimedFollowGraph extends ForwardingFollowGraph {
  private final CallTimer follow;
  private final CallTimer unfollow;
  private final CallTimer following;
  private final CallTimer removeActor;

  TimedFollowGraph(FollowGraph delegate, MeterRegistry registry, Tags tags) {
    super(delegate);
    this.follow = new CallTimer(registry, tags, "follow");
    this.unfollow = new CallTimer(registry, tags, "unfollow");
    this.following = new CallTimer(registry, tags, "following");
    this.removeActor = new CallTimer(registry, tags, "removeActor");
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    long start = follow.start();
    try {
      boolean result = delegate.follow(follower, followee);
      follow.success(start);
      return result;
    } catch (RuntimeException e) {
      follow.failure(start, e);
      throw e;
    }
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    long start = unfollow.start();
    try {
      boolean result = delegate.unfollow(follower, followee);
      unfollow.success(start);
      return result;
    } catch (RuntimeException e) {
      unfollow.failure(start, e);
      throw e;
    }
  }

  @Override
  public Set<ActorRef> following(ActorRef follower) {
    long start = following.start();
    try {
      Set<ActorRef> result = delegate.following(follower);
      following.success(start);
      return result;
    } catch (RuntimeException e) {
      following.failure(start, e);
      throw e;
    }
  }

  @Override
  public long removeActor(ActorRef actor) {
    long start = removeActor.start();
    try {
      long result = delegate.removeActor(actor);
      removeActor.success(start);
      return result;
    } catch (RuntimeException e) {
      removeActor.failure(start, e);
      throw e;
    }
  }
}
