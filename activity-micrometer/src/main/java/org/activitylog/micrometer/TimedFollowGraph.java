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
    return follow.time(() -> delegate.follow(follower, followee));
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    return unfollow.time(() -> delegate.unfollow(follower, followee));
  }

  @Override
  public Set<ActorRef> following(ActorRef follower) {
    return following.time(() -> delegate.following(follower));
  }

  @Override
  public long removeActor(ActorRef actor) {
    return removeActor.time(() -> delegate.removeActor(actor));
  }
}
