package org.activitylog.memory.internal;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.FollowGraph;
import org.jspecify.annotations.Nullable;

/** The follow graph of an in-memory store: edges in both directions, under the storage lock. */
public final class MemoryFollowGraph implements FollowGraph {
  private final MemoryStorage storage;
  private final AtomicBoolean closed;

  /**
   * A follow graph over shared storage.
   *
   * @param storage the storage
   * @param closed set when the owning store is closed
   */
  public MemoryFollowGraph(MemoryStorage storage, AtomicBoolean closed) {
    this.storage = storage;
    this.closed = closed;
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    Objects.requireNonNull(follower, "follower");
    Objects.requireNonNull(followee, "followee");
    if (follower.equals(followee)) {
      throw new ValidationException("followee", "must not be the follower itself", followee);
    }
    return storage.write(
        closed,
        () -> {
          boolean added =
              storage.following.computeIfAbsent(follower, k -> new HashSet<>()).add(followee);
          storage.followers.computeIfAbsent(followee, k -> new HashSet<>()).add(follower);
          return added;
        });
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    Objects.requireNonNull(follower, "follower");
    Objects.requireNonNull(followee, "followee");
    return storage.write(
        closed,
        () -> {
          boolean removed = removeFrom(storage.following.get(follower), followee);
          removeFrom(storage.followers.get(followee), follower);
          // Empty sets are dropped so that churn does not leave the maps growing.
          storage.following.remove(follower, Set.of());
          storage.followers.remove(followee, Set.of());
          return removed;
        });
  }

  @Override
  public Set<ActorRef> following(ActorRef follower) {
    Objects.requireNonNull(follower, "follower");
    return storage.read(
        closed,
        () -> {
          return followedBy(storage, follower);
        });
  }

  @Override
  public long removeActor(ActorRef actor) {
    Objects.requireNonNull(actor, "actor");
    return storage.write(
        closed,
        () -> {
          long removed = 0;
          Set<ActorRef> followees = storage.following.remove(actor);
          if (followees != null) {
            for (ActorRef followee : followees) {
              removeFrom(storage.followers.get(followee), actor);
              storage.followers.remove(followee, Set.of());
            }
            removed += followees.size();
          }
          Set<ActorRef> followersOfActor = storage.followers.remove(actor);
          if (followersOfActor != null) {
            for (ActorRef follower : followersOfActor) {
              removeFrom(storage.following.get(follower), actor);
              storage.following.remove(follower, Set.of());
            }
            removed += followersOfActor.size();
          }
          return removed;
        });
  }

  /** Who an actor follows; the caller holds the lock. */
  static Set<ActorRef> followedBy(MemoryStorage storage, ActorRef follower) {
    Set<ActorRef> found = storage.following.get(follower);
    return found == null ? Set.of() : Set.copyOf(found);
  }

  private static boolean removeFrom(@Nullable Set<ActorRef> set, ActorRef value) {
    return set != null && set.remove(value);
  }
}
