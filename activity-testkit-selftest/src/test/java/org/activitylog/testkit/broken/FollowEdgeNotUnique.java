package org.activitylog.testkit.broken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * The follow table has no unique key on (follower, followee), so follow's INSERT always adds a row
 * and answers true, also for an edge that exists; following() reads DISTINCT followees and unfollow
 * deletes every copy, so nothing else shows, but removeActor counts the copies.
 */
final class FollowEdgeNotUnique extends ForwardingFollowGraph {

  private final Map<Edge, Integer> copies = new ConcurrentHashMap<>();

  FollowEdgeNotUnique(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    if (!super.follow(follower, followee)) {
      copies.merge(new Edge(follower, followee), 1, Integer::sum);
    }
    return true;
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    copies.remove(new Edge(follower, followee));
    return super.unfollow(follower, followee);
  }

  @Override
  public long removeActor(ActorRef actor) {
    long extra = 0;
    for (var it = copies.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      if (entry.getKey().follower().equals(actor) || entry.getKey().followee().equals(actor)) {
        extra += entry.getValue();
        it.remove();
      }
    }
    return super.removeActor(actor) + extra;
  }

  /** A row of the follow table. */
  private record Edge(ActorRef follower, ActorRef followee) {}

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, FollowEdgeNotUnique::new);
    }
  }
}
