package org.activitylog.testkit.broken;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Never checks that an actor does not follow itself, relying on a CHECK constraint the schema never
 * got: a self-follow is stored, and the actor follows itself from then on. The working graph
 * underneath refuses self-follows, so this one keeps them itself.
 */
class SelfFollowAccepted extends ForwardingFollowGraph {
  private final Set<ActorRef> selfFollowers = ConcurrentHashMap.newKeySet();

  SelfFollowAccepted(FollowGraph delegate) {
    super(delegate);
  }

  /**
   * Whether this graph's check refuses a follow as a self-follow; this one checks nothing.
   *
   * @param follower who follows
   * @param followee who is followed
   */
  boolean refusesAsSelf(ActorRef follower, ActorRef followee) {
    return false;
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    if (refusesAsSelf(follower, followee)) {
      throw new ValidationException("followee", "must not be the follower itself", followee);
    }
    if (follower.equals(followee)) {
      return selfFollowers.add(follower);
    }
    return super.follow(follower, followee);
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    if (follower.equals(followee)) {
      return selfFollowers.remove(follower);
    }
    return super.unfollow(follower, followee);
  }

  @Override
  public Set<ActorRef> following(ActorRef follower) {
    if (!selfFollowers.contains(follower)) {
      return super.following(follower);
    }
    Set<ActorRef> followees = new HashSet<>(super.following(follower));
    followees.add(follower);
    return Set.copyOf(followees);
  }

  @Override
  public long removeActor(ActorRef actor) {
    return super.removeActor(actor) + (selfFollowers.remove(actor) ? 1 : 0);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, SelfFollowAccepted::new);
    }
  }
}
