package org.activitylog.testkit.broken;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;

/**
 * Passes every call to the working graph and keeps a copy of the edges made through it: the whole
 * follow table, for the bugs whose statement reads or deletes more rows than it should. Unchanged,
 * it is a working graph.
 */
class EdgeRecordingFollowGraph extends ForwardingFollowGraph {

  /**
   * One row of the follow table.
   *
   * @param follower who follows
   * @param followee who is followed
   */
  record Edge(ActorRef follower, ActorRef followee) {}

  private final Set<Edge> edges = ConcurrentHashMap.newKeySet();

  EdgeRecordingFollowGraph(FollowGraph delegate) {
    super(delegate);
  }

  /** {@return every edge made through this graph and not removed since} */
  final Set<Edge> edges() {
    return Set.copyOf(edges);
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    boolean added = super.follow(follower, followee);
    edges.add(new Edge(follower, followee));
    return added;
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    boolean removed = super.unfollow(follower, followee);
    edges.remove(new Edge(follower, followee));
    return removed;
  }

  @Override
  public long removeActor(ActorRef actor) {
    long removed = super.removeActor(actor);
    edges.removeIf(e -> e.follower().equals(actor) || e.followee().equals(actor));
    return removed;
  }
}
