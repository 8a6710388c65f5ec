package org.activitylog.testkit.broken;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Cursor;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.JobLease;
import org.activitylog.spi.QueryMatching;
import org.activitylog.testkit.MutableClock;
import org.jspecify.annotations.Nullable;

/**
 * Answers {@code followedBy} listings from a write-through cache of whom each actor follows, which
 * {@code follow} and {@code unfollow} update but {@code removeActor}, the erasure path, forgets:
 * after an actor is removed from the graph, its former followers' feeds still show its activities,
 * and a removed follower's feed still shows whom it followed. The graph itself answers right, and
 * so do listings until an actor is removed: only a removal followed by a {@code followedBy} listing
 * shows the bug, across the two halves of the store.
 */
final class FollowedByCacheMissesRemoveActor implements ActivityStore {
  private final ActivityStore delegate;
  private final Map<ActorRef, Set<ActorRef>> followingCache = new ConcurrentHashMap<>();
  private final ActivityRepository activities;
  private final FollowGraph follows;

  private FollowedByCacheMissesRemoveActor(ActivityStore delegate) {
    this.delegate = delegate;
    this.activities = new CachedFeeds(delegate.activities());
    this.follows = new Graph(delegate.follows());
  }

  /**
   * A new in-memory store with the bug.
   *
   * @param clock the store's clock
   */
  static ActivityStore create(Clock clock) {
    return new FollowedByCacheMissesRemoveActor(InMemoryActivityStore.create(clock));
  }

  @Override
  public ActivityRepository activities() {
    return activities;
  }

  @Override
  public FollowGraph follows() {
    return follows;
  }

  @Override
  public Optional<JobLease> tryLease(String name, Duration ttl) {
    return delegate.tryLease(name, ttl);
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** Whom an actor follows, from the cache, filled from the graph on a miss. */
  private Set<ActorRef> followed(ActorRef follower) {
    return followingCache.computeIfAbsent(
        follower,
        f -> {
          Set<ActorRef> loaded = ConcurrentHashMap.newKeySet();
          loaded.addAll(delegate.follows().following(f));
          return loaded;
        });
  }

  /** The graph: follow and unfollow write through to the cache; removeActor does not. */
  private final class Graph implements FollowGraph {
    private final FollowGraph graph;

    Graph(FollowGraph graph) {
      this.graph = graph;
    }

    @Override
    public boolean follow(ActorRef follower, ActorRef followee) {
      boolean added = graph.follow(follower, followee);
      followed(follower).add(followee);
      return added;
    }

    @Override
    public boolean unfollow(ActorRef follower, ActorRef followee) {
      boolean removed = graph.unfollow(follower, followee);
      followed(follower).remove(followee);
      return removed;
    }

    @Override
    public Set<ActorRef> following(ActorRef follower) {
      return graph.following(follower);
    }

    @Override
    public long removeActor(ActorRef actor) {
      return graph.removeActor(actor); // the bug: the cached sets keep the actor's edges
    }
  }

  /** Listings that resolve {@code followedBy} through the cache. */
  private final class CachedFeeds extends BrokenRepository {
    CachedFeeds(ActivityRepository delegate) {
      super(delegate);
    }

    @Override
    public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
      if (query.followedBy() == null) {
        return super.list(query, page, sort);
      }
      List<Activity> all = feed(query, sort).toList();
      int from = (int) Math.min(page.offset(), all.size());
      int to = Math.min(from + page.size(), all.size());
      return Page.of(all.subList(from, to), all.size(), page);
    }

    @Override
    public long count(ActivityQuery query) {
      return query.followedBy() == null ? super.count(query) : feed(query, sort()).count();
    }

    @Override
    public List<Activity> listAfter(
        ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
      if (query.followedBy() == null) {
        return super.listAfter(query, sort, after, limit);
      }
      return feed(query, sort)
          .filter(a -> QueryMatching.isAfter(a, after, sort))
          .limit(limit)
          .toList();
    }

    /** The query's matches with the followed actors taken from the cache. */
    private Stream<Activity> feed(ActivityQuery query, Sort sort) {
      ActorRef follower = query.followedBy();
      Set<ActorRef> followed = follower == null ? Set.of() : followed(follower);
      ActivityQuery withoutFollows =
          new ActivityQuery(
              query.ids(),
              query.uids(),
              query.types(),
              query.actors(),
              query.workspaceGroupIds(),
              query.campaignIds(),
              query.createdFrom(),
              query.createdBefore(),
              null,
              query.deleted());
      return matches(withoutFollows, sort).stream().filter(a -> followed.contains(a.actor().ref()));
    }

    private Sort sort() {
      return new Sort(Sort.Field.ID, Sort.Direction.ASC);
    }
  }

  /** The whole kit run against this backend; only the selftest's runs use it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return FollowedByCacheMissesRemoveActor.create(clock);
    }
  }

  /** The model-based contract run against this backend; only ModelBasedCatchesTest runs it. */
  static final class ModelContract extends ModelBasedCatchesTest.BrokenModelContract {
    ModelContract() {
      super(FollowedByCacheMissesRemoveActor::create);
    }
  }
}
