package org.activitylog.testkit.broken;

import java.util.Set;
import java.util.stream.Collectors;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Keeps follow edges in UUID columns without the actor's kind, a user's number {@code n} as {@code
 * 00000000-0000-0000-<n in hex>}, and reads every such UUID back as that user: a user and the
 * member whose UUID holds the same number are one actor to it, so neither may follow the other and
 * they share their edges.
 */
final class FollowGraphIgnoresKind extends ForwardingFollowGraph {

  FollowGraphIgnoresKind(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    return super.follow(stored(follower), stored(followee));
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    return super.unfollow(stored(follower), stored(followee));
  }

  @Override
  public Set<ActorRef> following(ActorRef follower) {
    return Set.copyOf(
        super.following(stored(follower)).stream()
            .map(FollowGraphIgnoresKind::stored)
            .collect(Collectors.toSet()));
  }

  @Override
  public long removeActor(ActorRef actor) {
    return super.removeActor(stored(actor));
  }

  private static ActorRef stored(ActorRef actor) {
    ActorRef twin = SameNumber.twin(actor);
    return actor.kind() == ActorRef.Kind.MEMBER && twin != null ? twin : actor;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, FollowGraphIgnoresKind::new);
    }
  }
}
