package org.activitylog.testkit.broken;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingFollowGraph;
import org.activitylog.testkit.MutableClock;

/**
 * Keeps each follower's followees as one list value (a JSON array column, a key-value entry) and
 * changes it by reading the list, editing it and writing the whole list back, with neither a lock
 * nor a version check. One caller at a time keeps the graph right; callers changing the same list
 * at once overwrite each other: a follow is lost, or an unfollowed or removed actor comes back.
 * Removing an actor reads every list that holds it first, then writes each back without it.
 */
final class FolloweeListRewrittenWhole extends ForwardingFollowGraph {
  /** Every actor that has had a list: what removing an actor reads through. */
  private final Set<ActorRef> listOwners = ConcurrentHashMap.newKeySet();

  FolloweeListRewrittenWhole(FollowGraph delegate) {
    super(delegate);
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    if (follower.equals(followee)) {
      throw new ValidationException("followee", "must not be the follower itself", followee);
    }
    listOwners.add(follower);
    Set<ActorRef> list = new HashSet<>(delegate.following(follower));
    if (!list.add(followee)) {
      return false;
    }
    RaceWindow.between();
    write(follower, list);
    return true;
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    Set<ActorRef> list = new HashSet<>(delegate.following(follower));
    if (!list.remove(followee)) {
      return false;
    }
    RaceWindow.between();
    write(follower, list);
    return true;
  }

  @Override
  public long removeActor(ActorRef actor) {
    Map<ActorRef, Set<ActorRef>> holding = new LinkedHashMap<>();
    for (ActorRef owner : listOwners) {
      Set<ActorRef> list = new HashSet<>(delegate.following(owner));
      if (!owner.equals(actor) && list.remove(actor)) {
        holding.put(owner, list);
      }
    }
    RaceWindow.between();
    long removed = delegate.following(actor).size();
    write(actor, Set.of());
    for (Map.Entry<ActorRef, Set<ActorRef>> e : holding.entrySet()) {
      write(e.getKey(), e.getValue());
    }
    return removed + holding.size();
  }

  /** Replaces a follower's stored list with the one given, as one {@code UPDATE} of it would. */
  private void write(ActorRef follower, Set<ActorRef> list) {
    Set<ActorRef> stored = delegate.following(follower);
    for (ActorRef gone : stored) {
      if (!list.contains(gone)) {
        delegate.unfollow(follower, gone);
      }
    }
    for (ActorRef wanted : list) {
      if (!stored.contains(wanted)) {
        delegate.follow(follower, wanted);
      }
    }
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.withBrokenFollows(clock, FolloweeListRewrittenWhole::new);
    }
  }
}
