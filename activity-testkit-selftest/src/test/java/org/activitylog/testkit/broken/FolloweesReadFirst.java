package org.activitylog.testkit.broken;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.FollowGraph;

/**
 * Answers {@code followedBy} in two steps, as a backend without a join would: it reads whom the
 * follower follows, then filters on those actors. Unchanged, it gives the right answers; each feed
 * bug overrides one step. The base of the followedBy bugs.
 */
abstract class FolloweesReadFirst extends QueryRewritingRepository {

  /** The store's follow graph, read for the first step. */
  protected final FollowGraph follows;

  FolloweesReadFirst(ActivityRepository delegate, FollowGraph follows) {
    super(delegate);
    this.follows = follows;
  }

  /**
   * The first step: the actors whose activities a follower's feed shows.
   *
   * @param follower the query's followedBy actor
   */
  Set<ActorRef> followees(ActorRef follower) {
    return follows.following(follower);
  }

  /**
   * The query run when the follower follows nobody: one that matches nothing.
   *
   * @param query the query asked for
   */
  ActivityQuery followingNobody(ActivityQuery query) {
    return nothing(query);
  }

  @Override
  final ActivityQuery rewrite(ActivityQuery q) {
    ActorRef follower = q.followedBy();
    if (follower == null) {
      return q;
    }
    Set<ActorRef> followees = followees(follower);
    if (followees.isEmpty()) {
      return followingNobody(q);
    }
    Set<ActorRef> actors = new HashSet<>(followees);
    if (!q.actors().isEmpty()) {
      actors.retainAll(q.actors());
    }
    if (actors.isEmpty()) {
      return nothing(q);
    }
    return new ActivityQuery(
        q.ids(),
        q.uids(),
        q.types(),
        actors,
        q.workspaceGroupIds(),
        q.campaignIds(),
        q.createdFrom(),
        q.createdBefore(),
        null,
        q.deleted());
  }

  /**
   * {@return the query without its followedBy filter}
   *
   * @param q a query
   */
  static ActivityQuery withoutFollowedBy(ActivityQuery q) {
    return new ActivityQuery(
        q.ids(),
        q.uids(),
        q.types(),
        q.actors(),
        q.workspaceGroupIds(),
        q.campaignIds(),
        q.createdFrom(),
        q.createdBefore(),
        null,
        q.deleted());
  }

  /** An empty time range, which matches nothing whatever the other filters say. */
  private static ActivityQuery nothing(ActivityQuery q) {
    return new ActivityQuery(
        q.ids(),
        q.uids(),
        q.types(),
        q.actors(),
        q.workspaceGroupIds(),
        q.campaignIds(),
        Instant.EPOCH,
        Instant.EPOCH,
        null,
        q.deleted());
  }
}
