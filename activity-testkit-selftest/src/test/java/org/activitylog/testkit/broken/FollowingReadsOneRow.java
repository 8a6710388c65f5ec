package org.activitylog.testkit.broken;

import java.util.Set;
import java.util.stream.Collectors;
import org.activitylog.api.ActorRef;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Reads the followees with {@code if (rs.next())} where it needs {@code while}: an actor who
 * follows several actors seems to follow one of them.
 */
final class FollowingReadsOneRow extends ForwardingFollowGraph {

  FollowingReadsOneRow(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public Set<ActorRef> following(ActorRef follower) {
    return super.following(follower).stream().limit(1).collect(Collectors.toUnmodifiableSet());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, FollowingReadsOneRow::new);
    }
  }
}
