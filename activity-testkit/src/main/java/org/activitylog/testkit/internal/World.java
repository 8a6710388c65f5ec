package org.activitylog.testkit.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.Actor;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Campaign;
import org.activitylog.api.JsonValue;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.spi.StoredActivities;
import org.activitylog.testkit.TestActivities;
import org.activitylog.testkit.internal.Operation.ActivityKey;
import org.activitylog.testkit.internal.Operation.Change;
import org.activitylog.testkit.internal.Operation.Draft;
import org.activitylog.testkit.internal.Operation.QuerySpec;
import org.jspecify.annotations.Nullable;

/**
 * What the indices of one replay of a sequence stand for: workspace groups, uids, actors and
 * campaigns made fresh for the replay, so that replays never see each other's activities, and the
 * one-window of creation times the replay owns. The fixed pools (types, texts, resources, audit
 * names) are the same for every replay.
 *
 * <p>Creation times lie in a window of a few seconds before 2011 that no other replay uses, so a
 * purge with a cutoff inside it reaches only this replay's activities: see {@code
 * ModelBasedContract}.
 */
public final class World {

  /** How many workspace groups a replay has. */
  public static final int GROUPS = 3;

  /** How many uids a replay has. */
  public static final int UIDS = 8;

  /** How many actor profiles a replay has: four actors, each with two profiles. */
  public static final int PROFILES = 8;

  /** How many actors a replay has: two users, then two members. */
  public static final int ACTORS = 4;

  /** How many actor references queries and follows may name: the actors and the two anonymous. */
  public static final int REFS = ACTORS + 2;

  /** How many campaigns a replay has. */
  public static final int CAMPAIGNS = 2;

  /** How many creation slots activities are created in; cutoffs and bounds have two more. */
  public static final int CREATED_SLOTS = 8;

  /** How many slots a cutoff or a time bound may take. */
  public static final int BOUND_SLOTS = CREATED_SLOTS + 2;

  /** How long each replay's window of creation times is. */
  public static final Duration WINDOW = Duration.ofSeconds(10);

  /** The types activities are created or updated with. */
  public static final List<ActivityType> TYPES =
      List.of(
          ActivityType.USER_LOGIN,
          ActivityType.POST_IDEA,
          ActivityType.GAME_WON,
          ActivityType.POST_COMMENT);

  /** The texts activities are created or updated with; the last one blanks the text. */
  public static final List<String> TEXTS = List.of("text 0", "text 1", "text 2", "");

  /** The resources activities are created or updated with. */
  public static final List<JsonValue> RESOURCES =
      List.of(
          JsonValue.nullValue(),
          JsonValue.of(Map.of("n", 1)),
          JsonValue.of(Map.of("n", 2)),
          JsonValue.of(List.of("a", 1)));

  /** The audit names activities are created, updated, deleted and restored by; -1 is nobody. */
  public static final List<String> NAMES = List.of("alice", "bob");

  private final List<Long> groups;
  private final List<UUID> uids;
  private final List<Actor> profiles;
  private final List<ActorRef> refs;
  private final List<Campaign> campaigns;
  private final Instant window;
  private final Instant clockStart;
  private final long absentId;

  private World(
      List<Long> groups,
      List<UUID> uids,
      List<Actor> profiles,
      List<Campaign> campaigns,
      Instant window,
      Instant clockStart,
      long absentId) {
    this.groups = List.copyOf(groups);
    this.uids = List.copyOf(uids);
    this.profiles = List.copyOf(profiles);
    List<ActorRef> r = new ArrayList<>();
    for (int i = 0; i < ACTORS; i++) {
      r.add(profiles.get(i).ref());
    }
    r.add(StoredActivities.anonymousActor(profiles.get(0).ref().kind()).ref());
    r.add(StoredActivities.anonymousActor(profiles.get(ACTORS - 1).ref().kind()).ref());
    this.refs = List.copyOf(r);
    this.campaigns = List.copyOf(campaigns);
    this.window = window;
    this.clockStart = clockStart;
    this.absentId = absentId;
  }

  /**
   * Makes the data of one replay.
   *
   * @param data the test's data, which makes and remembers fresh workspace groups and actors
   * @param window the first instant of the replay's creation window, before 2011
   * @param clockStart where the store's clock stands when the replay starts
   * @param absentId an id no store hands out in a test run
   * @return a world no other replay shares
   */
  public static World fresh(
      TestActivities data, Instant window, Instant clockStart, long absentId) {
    List<Long> groups = new ArrayList<>();
    for (int i = 0; i < GROUPS; i++) {
      groups.add(data.newWorkspaceGroupId());
    }
    List<UUID> uids = new ArrayList<>();
    for (int i = 0; i < UIDS; i++) {
      uids.add(UUID.randomUUID());
    }
    List<Actor> first = List.of(data.user(), data.user(), data.member(), data.member());
    List<Actor> profiles = new ArrayList<>(first);
    for (Actor a : first) {
      profiles.add(renamed(a));
    }
    List<Campaign> campaigns = new ArrayList<>();
    for (int i = 0; i < CAMPAIGNS; i++) {
      campaigns.add(new Campaign(UUID.randomUUID(), "Campaign " + i));
    }
    return new World(groups, uids, profiles, campaigns, window, clockStart, absentId);
  }

  /** Another profile of the same person: same reference, other name. */
  private static Actor renamed(Actor actor) {
    if (actor instanceof UserSimple u) {
      return u.toBuilder()
          .fullName("Renamed " + u.id())
          .theme("light")
          .profilePicture(null)
          .build();
    }
    Member m = (Member) actor;
    return Member.of(m.id(), "Renamed " + m.id().toString().substring(0, 8));
  }

  /** {@return the replay's workspace groups} */
  public List<Long> groups() {
    return groups;
  }

  /**
   * {@return the workspace group of a key}
   *
   * @param key the key
   */
  public long groupOf(ActivityKey key) {
    return groups.get(key.group());
  }

  /**
   * {@return the uid of a key}
   *
   * @param key the key
   */
  public UUID uidOf(ActivityKey key) {
    return uids.get(key.uid());
  }

  /** {@return the first instant of the replay's creation window} */
  public Instant window() {
    return window;
  }

  /** {@return an id no store hands out in a test run} */
  public long absentId() {
    return absentId;
  }

  /**
   * {@return an actor reference: 0 to 3 the replay's actors, 4 and 5 the anonymous user and member}
   *
   * @param index the reference's index
   */
  public ActorRef ref(int index) {
    return refs.get(index);
  }

  /**
   * {@return the creation time of a slot: two slots a second, the odd one a microsecond later}
   *
   * @param slot the slot, 0 or more
   */
  public Instant slot(int slot) {
    return window.plusSeconds(slot / 2).plus(slot % 2, ChronoUnit.MICROS);
  }

  /**
   * {@return the activity a draft stands for}
   *
   * @param d the draft
   */
  public NewActivity draft(Draft d) {
    return NewActivity.builder(TYPES.get(d.type()), profiles.get(d.actor()))
        .uid(uids.get(d.key().uid()))
        .workspaceGroupId(groups.get(d.key().group()))
        .text(d.text() < 0 ? null : TEXTS.get(d.text()))
        .resource(RESOURCES.get(d.resource()))
        .campaign(d.campaign() < 0 ? null : campaigns.get(d.campaign()))
        .createdAt(slot(d.created()))
        .createdBy(name(d.recorder()))
        .build();
  }

  /**
   * {@return the update a change stands for}
   *
   * @param c the change
   * @param stored the stored content, for a change that restates it; null when nothing is stored
   */
  public ActivityUpdate update(Change c, @Nullable ActivityContent stored) {
    if (c.restate()) {
      return stored == null
          ? ActivityUpdate.NONE
          : new ActivityUpdate(
              stored.type(),
              stored.actor(),
              stored.text(),
              stored.resource(),
              stored.campaign(),
              stored.extensions());
    }
    return new ActivityUpdate(
        c.type() < 0 ? null : TYPES.get(c.type()),
        c.actor() < 0 ? null : profiles.get(c.actor()),
        c.text() < 0 ? null : TEXTS.get(c.text()),
        c.resource() < 0 ? null : RESOURCES.get(c.resource()),
        c.campaign() < 0 ? null : campaigns.get(c.campaign()),
        null);
  }

  /**
   * {@return the query a spec stands for}
   *
   * @param q the spec
   * @param ids the id of each key, or {@link #absentId()} for a key that never had one
   */
  public ActivityQuery query(QuerySpec q, ToLongFunction<ActivityKey> ids) {
    ActivityQuery.Builder b = ActivityQuery.builder().deleted(q.deleted());
    for (int g = 0; g < GROUPS; g++) {
      if ((q.groups() & (1 << g)) != 0) {
        b.workspaceGroupId(groups.get(g));
      }
    }
    q.types().forEach(t -> b.type(TYPES.get(t)));
    q.actors().forEach(a -> b.actor(refs.get(a)));
    q.uids().forEach(u -> b.uid(uids.get(u)));
    q.ids().forEach(k -> b.id(ids.applyAsLong(k)));
    q.campaigns().forEach(c -> b.campaign(campaigns.get(c).id()));
    b.createdBetween(
        q.from() < 0 ? null : slot(q.from()), q.before() < 0 ? null : slot(q.before()));
    if (q.followedBy() >= 0) {
      b.followedBy(refs.get(q.followedBy()));
    }
    return b.build();
  }

  /**
   * {@return an audit name of the pool}
   *
   * @param index the index, or any index past the pool for nobody
   */
  public static @Nullable String name(int index) {
    return index >= 0 && index < NAMES.size() ? NAMES.get(index) : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Names in failure messages

  /**
   * {@return an audit name as a message shows it}
   *
   * @param index the index, or any index past the pool for nobody
   */
  static String nameOf(int index) {
    String n = name(index);
    return n == null ? "nobody" : n;
  }

  /**
   * {@return a profile's name: {@code a0} to {@code a3}, and {@code a0'} for the second profile of
   * {@code a0}}
   */
  static String profileName(int profile) {
    return "a" + (profile % ACTORS) + (profile >= ACTORS ? "'" : "");
  }

  /** {@return an actor reference's name: {@code a0} to {@code a3}, {@code anon-user} and so on} */
  static String refName(int ref) {
    return switch (ref) {
      case ACTORS -> "anon-user";
      case ACTORS + 1 -> "anon-member";
      default -> "a" + ref;
    };
  }

  /** {@return a slot's name, relative to the window: {@code W+1s}, {@code W+1.000001s}} */
  static String slotName(int slot) {
    return "W+" + micros(slot / 2 * 1_000_000L + slot % 2);
  }

  /** {@return a duration in microseconds as seconds with up to six decimals} */
  static String micros(long micros) {
    return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString() + "s";
  }

  /** {@return a text in quotes} */
  static String quote(String text) {
    return "\"" + text + "\"";
  }

  /** {@return how a message shows a workspace group id} */
  String groupName(long id) {
    int i = groups.indexOf(id);
    return i < 0 ? "group " + id : "g" + i;
  }

  /** {@return how a message shows a uid} */
  String uidName(UUID uid) {
    int i = uids.indexOf(uid);
    return i < 0 ? "uid " + uid : "u" + i;
  }

  /** {@return how a message shows an actor profile} */
  String actorName(Actor actor) {
    int i = profiles.indexOf(actor);
    if (i >= 0) {
      return profileName(i);
    }
    int r = refs.indexOf(actor.ref());
    String who = r < 0 ? actor.ref().toString() : refName(r);
    return actor.equals(StoredActivities.anonymousActor(actor.ref().kind()))
        ? who
        : who + " (profile " + actor + ")";
  }

  /** {@return how a message shows an actor reference} */
  String refName(ActorRef ref) {
    int r = refs.indexOf(ref);
    return r < 0 ? ref.toString() : refName(r);
  }

  /** {@return how a message shows a campaign} */
  String campaignName(@Nullable Campaign campaign) {
    int i = campaign == null ? -1 : campaigns.indexOf(campaign);
    return i < 0 ? String.valueOf(campaign) : "c" + i;
  }

  /** {@return a creation time relative to the window, or as is when far from it} */
  String createdName(Instant t) {
    return relative("W", window, t);
  }

  /** {@return a stamp relative to where the clock started, or as is when far from it} */
  String stampName(Instant t) {
    return relative("T", clockStart, t);
  }

  private static String relative(String base, Instant origin, Instant t) {
    Duration d = Duration.between(origin, t);
    if (d.isNegative() || d.compareTo(Duration.ofDays(30)) > 0) {
      return t.toString();
    }
    return base + "+" + micros(d.toNanos() / 1000) + (d.toNanos() % 1000 == 0 ? "" : "+ns");
  }
}
