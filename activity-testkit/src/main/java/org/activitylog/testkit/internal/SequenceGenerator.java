package org.activitylog.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.activitylog.api.ActivityQuery.DeletedFilter;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.Sort;
import org.activitylog.testkit.internal.Operation.ActivityKey;
import org.activitylog.testkit.internal.Operation.AdvanceClock;
import org.activitylog.testkit.internal.Operation.Change;
import org.activitylog.testkit.internal.Operation.Count;
import org.activitylog.testkit.internal.Operation.Draft;
import org.activitylog.testkit.internal.Operation.Erase;
import org.activitylog.testkit.internal.Operation.FindById;
import org.activitylog.testkit.internal.Operation.FindByUid;
import org.activitylog.testkit.internal.Operation.Follow;
import org.activitylog.testkit.internal.Operation.Following;
import org.activitylog.testkit.internal.Operation.Insert;
import org.activitylog.testkit.internal.Operation.InsertAll;
import org.activitylog.testkit.internal.Operation.ListAfter;
import org.activitylog.testkit.internal.Operation.ListPage;
import org.activitylog.testkit.internal.Operation.Purge;
import org.activitylog.testkit.internal.Operation.QuerySpec;
import org.activitylog.testkit.internal.Operation.RemoveFollows;
import org.activitylog.testkit.internal.Operation.Restore;
import org.activitylog.testkit.internal.Operation.Scan;
import org.activitylog.testkit.internal.Operation.SoftDelete;
import org.activitylog.testkit.internal.Operation.Unfollow;
import org.activitylog.testkit.internal.Operation.Update;
import org.activitylog.testkit.internal.Operation.VersionCheck;
import org.jspecify.annotations.Nullable;

/**
 * Makes random sequences of operations from a seed: the same seed always makes the same sequences.
 * Keys, actors and creation slots come from small pools, so that sequences keep hitting the same
 * activities: repeated inserts, updates of deleted activities, ties in creation time, a uid in two
 * groups, erasures of actors with deleted activities.
 */
public final class SequenceGenerator {

  private static final List<Sort> SORTS =
      List.of(
          new Sort(Sort.Field.ID, Sort.Direction.ASC),
          new Sort(Sort.Field.ID, Sort.Direction.DESC),
          new Sort(Sort.Field.DATE_CREATED, Sort.Direction.ASC),
          new Sort(Sort.Field.DATE_CREATED, Sort.Direction.DESC));

  private static final long[] CLOCK_STEPS_MICROS = {1, 1_000, 1_000_000, 3_600_000_000L};

  /** The kinds of operation, with how often each comes when every kind is enabled. */
  private enum Kind {
    INSERT(16),
    INSERT_ALL(7),
    UPDATE(13),
    SOFT_DELETE(8),
    RESTORE(6),
    ADVANCE_CLOCK(6),
    FOLLOW(6),
    UNFOLLOW(2),
    REMOVE_FOLLOWS(3),
    ERASE(4),
    PURGE(3),
    FIND_BY_ID(3),
    FIND_BY_UID(3),
    LIST(7),
    COUNT(3),
    LIST_AFTER(5),
    SCAN(3),
    FOLLOWING(2);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  private final Random random;
  private final int uidCount;
  private final int actorCount;
  private final List<Kind> enabled = new ArrayList<>();
  private final int totalWeight;
  private final List<ActivityKey> inserted = new ArrayList<>();
  private @Nullable ActivityKey lastKey;
  private int lastActor = -1;

  /**
   * A generator for one sequence. Half the sequences mix every kind of operation; the other half
   * enable each kind but inserts with probability two in three ("swarm testing"): a sequence
   * without, say, listings has room for more of the writes that interact, and over many sequences
   * every mix comes up.
   */
  private SequenceGenerator(Random random) {
    this.random = random;
    this.uidCount = 2 + random.nextInt(World.UIDS - 1);
    this.actorCount = 2 + random.nextInt(World.ACTORS - 1);
    boolean swarm = random.nextBoolean();
    int total = 0;
    for (Kind k : Kind.values()) {
      if (!swarm || k == Kind.INSERT || random.nextInt(3) != 0) {
        enabled.add(k);
        total += k.weight;
      }
    }
    this.totalWeight = total;
  }

  /**
   * Makes one sequence.
   *
   * @param seed the sequence's seed
   * @param maxLength the longest sequence to make; the length is uniform from 1 to this
   * @return the sequence
   */
  public static List<Operation> generate(long seed, int maxLength) {
    SequenceGenerator g = new SequenceGenerator(new Random(seed));
    int length = 1 + g.random.nextInt(Math.max(1, maxLength));
    List<Operation> ops = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      ops.add(g.next());
    }
    return ops;
  }

  private Operation next() {
    int w = random.nextInt(totalWeight);
    Kind kind = Kind.INSERT;
    for (Kind k : enabled) {
      if ((w -= k.weight) < 0) {
        kind = k;
        break;
      }
    }
    return switch (kind) {
      case INSERT -> {
        Draft d = draft(keyToInsert());
        inserted.add(d.key());
        yield new Insert(d);
      }
      case INSERT_ALL -> insertAll();
      case UPDATE -> new Update(key(), change(), versionCheck(), name());
      case SOFT_DELETE -> new SoftDelete(key(), name());
      case RESTORE -> new Restore(key(), name());
      case ADVANCE_CLOCK ->
          new AdvanceClock(CLOCK_STEPS_MICROS[random.nextInt(CLOCK_STEPS_MICROS.length)]);
      case FOLLOW -> {
        int follower = actor();
        // One follow in ten tries an actor following itself, which must be refused.
        int followee = random.nextInt(10) == 0 ? follower : otherRef(follower);
        yield new Follow(follower, followee);
      }
      case UNFOLLOW -> {
        int follower = actor();
        yield new Unfollow(follower, otherRef(follower));
      }
      case REMOVE_FOLLOWS -> new RemoveFollows(actor());
      case ERASE ->
          new Erase(actor(), random.nextBoolean() ? ErasureMode.ANONYMISE : ErasureMode.REMOVE);
      case PURGE -> new Purge(random.nextInt(World.BOUND_SLOTS));
      case FIND_BY_ID -> new FindById(key());
      case FIND_BY_UID -> new FindByUid(key());
      case LIST -> new ListPage(query(), sort(), 1 + random.nextInt(3), 1 + random.nextInt(4));
      case COUNT -> new Count(query());
      case LIST_AFTER ->
          new ListAfter(
              query(),
              sort(),
              random.nextInt(10) < 4 ? ListAfter.START : key(),
              1 + random.nextInt(4));
      case SCAN -> new Scan(query(), sort(), 1 + random.nextInt(3));
      case FOLLOWING -> new Following(actor());
    };
  }

  private Operation insertAll() {
    int size = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(4);
    List<Draft> drafts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ActivityKey key =
          !drafts.isEmpty() && random.nextInt(10) < 3
              ? drafts.get(random.nextInt(drafts.size())).key()
              : keyToInsert();
      drafts.add(draft(key));
    }
    drafts.forEach(d -> inserted.add(d.key()));
    return new InsertAll(drafts);
  }

  private Draft draft(ActivityKey key) {
    return new Draft(
        key,
        profile(),
        random.nextInt(World.TYPES.size()),
        random.nextInt(World.TEXTS.size() + 1) - 1,
        random.nextInt(World.RESOURCES.size()),
        random.nextInt(World.CAMPAIGNS + 1) - 1,
        random.nextInt(World.CREATED_SLOTS),
        name());
  }

  /** A key to insert: mostly a new one, sometimes one inserted before. */
  private ActivityKey keyToInsert() {
    if (!inserted.isEmpty() && random.nextInt(4) == 0) {
      return inserted.get(random.nextInt(inserted.size()));
    }
    return new ActivityKey(group(), random.nextInt(uidCount));
  }

  /**
   * A key to act on: often the last one acted on, so that operations pile up on one activity;
   * otherwise mostly one inserted before.
   */
  private ActivityKey key() {
    ActivityKey last = lastKey;
    ActivityKey k;
    if (last != null && random.nextInt(5) < 2) {
      k = last;
    } else if (!inserted.isEmpty() && random.nextInt(4) != 0) {
      k = inserted.get(random.nextInt(inserted.size()));
    } else {
      k = new ActivityKey(group(), random.nextInt(uidCount));
    }
    lastKey = k;
    return k;
  }

  private int group() {
    int r = random.nextInt(10);
    return r < 6 ? 0 : r < 9 ? 1 : 2;
  }

  /**
   * One of the sequence's actors: a sequence uses two to four, so they meet often, and the last one
   * chosen comes again often.
   */
  private int actor() {
    if (lastActor < 0 || random.nextInt(5) >= 2) {
      lastActor = random.nextInt(actorCount);
    }
    return lastActor;
  }

  /** An actor profile: the first profile of an actor four times in five. */
  private int profile() {
    return actor() + (random.nextInt(5) == 0 ? World.ACTORS : 0);
  }

  /** A reference to one of the sequence's actors or, now and then, an anonymous actor. */
  private int ref() {
    return random.nextInt(5) == 0 ? World.ACTORS + random.nextInt(2) : actor();
  }

  /** A reference other than a given actor's. */
  private int otherRef(int actor) {
    int r;
    do {
      r = ref();
    } while (r == actor);
    return r;
  }

  private int name() {
    return random.nextInt(World.NAMES.size() + 1);
  }

  private Change change() {
    int r = random.nextInt(100);
    if (r < 30) {
      return new Change(-1, -1, random.nextInt(World.TEXTS.size()), -1, -1, false);
    }
    if (r < 45) {
      return new Change(-1, profile(), -1, -1, -1, false);
    }
    if (r < 55) {
      return new Change(random.nextInt(World.TYPES.size()), -1, -1, -1, -1, false);
    }
    if (r < 65) {
      return new Change(-1, -1, -1, random.nextInt(World.RESOURCES.size()), -1, false);
    }
    if (r < 70) {
      return new Change(-1, -1, -1, -1, random.nextInt(World.CAMPAIGNS), false);
    }
    if (r < 80) {
      return new Change(-1, profile(), random.nextInt(World.TEXTS.size()), -1, -1, false);
    }
    if (r < 85) {
      return Change.NONE;
    }
    return Change.RESTATE;
  }

  private VersionCheck versionCheck() {
    int r = random.nextInt(100);
    return r < 35
        ? VersionCheck.NONE
        : r < 70 ? VersionCheck.CURRENT : r < 85 ? VersionCheck.BELOW : VersionCheck.ABOVE;
  }

  private Sort sort() {
    return SORTS.get(random.nextInt(SORTS.size()));
  }

  private QuerySpec query() {
    int groups = random.nextBoolean() ? 0b111 : 1 + random.nextInt(0b111);
    List<Integer> types = new ArrayList<>();
    if (random.nextInt(5) == 0) {
      types.add(random.nextInt(World.TYPES.size()));
      if (random.nextBoolean()) {
        types.add(random.nextInt(World.TYPES.size()));
      }
    }
    List<Integer> actors = new ArrayList<>();
    if (random.nextInt(5) == 0) {
      actors.add(ref());
      if (random.nextBoolean()) {
        actors.add(ref());
      }
    }
    List<Integer> uids = new ArrayList<>();
    if (random.nextInt(10) == 0) {
      uids.add(random.nextInt(uidCount));
    }
    List<ActivityKey> ids = new ArrayList<>();
    if (random.nextInt(10) == 0) {
      ids.add(key());
      if (random.nextBoolean()) {
        ids.add(key());
      }
    }
    List<Integer> campaigns = new ArrayList<>();
    if (random.nextInt(10) == 0) {
      campaigns.add(random.nextInt(World.CAMPAIGNS));
    }
    int from = -1;
    int before = -1;
    if (random.nextInt(4) == 0) {
      from = random.nextInt(3) == 0 ? -1 : random.nextInt(World.BOUND_SLOTS);
      before = random.nextInt(3) == 0 ? -1 : random.nextInt(World.BOUND_SLOTS);
    }
    int followedBy = random.nextInt(3) == 0 ? actor() : -1;
    int d = random.nextInt(100);
    DeletedFilter deleted =
        d < 50 ? DeletedFilter.EXCLUDE : d < 85 ? DeletedFilter.INCLUDE : DeletedFilter.ONLY;
    return new QuerySpec(
        groups, types, actors, uids, ids, campaigns, from, before, followedBy, deleted);
  }
}
