package org.activitylog.testkit.broken;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Unfollows by flagging the edge inactive instead of deleting it, and follow's insert-if-absent
 * finds the flagged row: following again answers false and leaves the edge inactive, and
 * unfollowing again flags the flagged row again and answers true.
 */
final class UnfollowFlagsTheEdge extends ForwardingFollowGraph {

  private final Set<Edge> flagged = ConcurrentHashMap.newKeySet();

  UnfollowFlagsTheEdge(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    if (flagged.contains(new Edge(follower, followee))) {
      return false;
    }
    return super.follow(follower, followee);
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    boolean removed = super.unfollow(follower, followee);
    Edge edge = new Edge(follower, followee);
    return removed ? flagged.add(edge) : flagged.contains(edge);
  }

  @Override
  public long removeActor(ActorRef actor) {
    long inactive = flagged.stream().filter(e -> e.involves(actor)).count();
    flagged.removeIf(e -> e.involves(actor));
    return super.removeActor(actor) + inactive;
  }

  /** A flagged row of the follow table. */
  private record Edge(ActorRef follower, ActorRef followee) {
    boolean involves(ActorRef actor) {
      return follower.equals(actor) || followee.equals(actor);
    }
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, UnfollowFlagsTheEdge::new);
    }
  }
}
