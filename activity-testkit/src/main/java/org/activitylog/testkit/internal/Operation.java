package org.activitylog.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.activitylog.api.ActivityQuery.DeletedFilter;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.Sort;

/**
 * One step of a model-based test sequence. Operations name things by small indices into the pools
 * of a {@link World} (workspace group {@code g1}, uid {@code u3}, actor {@code a2}, creation slot
 * {@code W+1s}), never by real ids, so the same sequence can be replayed on fresh data, and its
 * text is the same on every replay.
 */
public sealed interface Operation {

  /**
   * {@return simpler variants of this operation, tried in order while shrinking a failing sequence;
   * empty when there are none}
   */
  default List<Operation> simpler() {
    return List.of();
  }

  /**
   * An idempotency key: a uid of the world's pool in one of its workspace groups.
   *
   * @param group the workspace group's index
   * @param uid the uid's index
   */
  record ActivityKey(int group, int uid) {
    @Override
    public String toString() {
      return "g" + group + "/u" + uid;
    }
  }

  /**
   * An activity to insert, every field an index into the world's pools.
   *
   * @param key where it goes and its uid
   * @param actor the actor profile, 0 to {@value World#PROFILES} - 1
   * @param type the type's index in {@link World#TYPES}
   * @param text the text's index in {@link World#TEXTS}, or -1 for none
   * @param resource the resource's index in {@link World#RESOURCES}
   * @param campaign the campaign's index, or -1 for none
   * @param created the creation slot (see {@link World#slot(int)})
   * @param recorder the recorder's index in {@link World#NAMES}
   */
  record Draft(
      ActivityKey key,
      int actor,
      int type,
      int text,
      int resource,
      int campaign,
      int created,
      int recorder) {

    /** {@return the same draft with one field plainer, one variant per field not yet plain} */
    List<Draft> plainer() {
      List<Draft> out = new ArrayList<>();
      int nobody = World.NAMES.size();
      if (text >= 0) {
        out.add(new Draft(key, actor, type, -1, resource, campaign, created, recorder));
      }
      if (resource != 0) {
        out.add(new Draft(key, actor, type, text, 0, campaign, created, recorder));
      }
      if (campaign >= 0) {
        out.add(new Draft(key, actor, type, text, resource, -1, created, recorder));
      }
      if (recorder != nobody) {
        out.add(new Draft(key, actor, type, text, resource, campaign, created, nobody));
      }
      if (actor >= World.ACTORS) {
        out.add(
            new Draft(
                key, actor % World.ACTORS, type, text, resource, campaign, created, recorder));
      }
      if (type != 0) {
        out.add(new Draft(key, actor, 0, text, resource, campaign, created, recorder));
      }
      if (created != 0) {
        out.add(new Draft(key, actor, type, text, resource, campaign, 0, recorder));
      }
      return out;
    }

    @Override
    public String toString() {
      return key
          + " "
          + World.TYPES.get(type)
          + " by "
          + World.profileName(actor)
          + (text < 0 ? "" : " text " + World.quote(World.TEXTS.get(text)))
          + " resource "
          + World.RESOURCES.get(resource).toJson()
          + (campaign < 0 ? "" : " campaign c" + campaign)
          + " created "
          + World.slotName(created)
          + " by "
          + World.nameOf(recorder);
    }
  }

  /**
   * The fields an update gives, each an index into the world's pools or -1 when not given.
   *
   * @param type the new type's index, or -1
   * @param actor the new actor profile, or -1
   * @param text the new text's index, or -1
   * @param resource the new resource's index, or -1
   * @param campaign the new campaign's index, or -1
   * @param restate whether to give every field exactly as stored instead (a no-op update)
   */
  record Change(int type, int actor, int text, int resource, int campaign, boolean restate) {

    /** An update that gives no field. */
    public static final Change NONE = new Change(-1, -1, -1, -1, -1, false);

    /** An update that gives every field as stored. */
    public static final Change RESTATE = new Change(-1, -1, -1, -1, -1, true);

    /** {@return the same change with fewer fields, one variant per field given} */
    List<Change> fewer() {
      List<Change> out = new ArrayList<>();
      int[] f = {type, actor, text, resource, campaign};
      for (int i = 0; i < f.length; i++) {
        if (f[i] >= 0) {
          int[] g = f.clone();
          g[i] = -1;
          out.add(new Change(g[0], g[1], g[2], g[3], g[4], false));
        }
      }
      return out;
    }

    @Override
    public String toString() {
      if (restate) {
        return "every field as stored";
      }
      List<String> parts = new ArrayList<>();
      if (type >= 0) {
        parts.add("type " + World.TYPES.get(type));
      }
      if (actor >= 0) {
        parts.add("actor " + World.profileName(actor));
      }
      if (text >= 0) {
        parts.add("text " + World.quote(World.TEXTS.get(text)));
      }
      if (resource >= 0) {
        parts.add("resource " + World.RESOURCES.get(resource).toJson());
      }
      if (campaign >= 0) {
        parts.add("campaign c" + campaign);
      }
      return parts.isEmpty() ? "no field" : String.join(", ", parts);
    }
  }

  /** Which version an update expects, relative to the version the model holds. */
  enum VersionCheck {
    /** No expected version. */
    NONE,
    /** The stored version. */
    CURRENT,
    /** One less than the stored version. */
    BELOW,
    /** One more than the stored version. */
    ABOVE
  }

  /**
   * A query's filters, as indices into the world's pools.
   *
   * @param groups bit i set: workspace group i; never 0, so every query stays in the test's groups
   * @param types type indices
   * @param actors actor reference indices (see {@link World#refName(int)})
   * @param uids uid indices
   * @param ids keys whose ids to match
   * @param campaigns campaign indices
   * @param from the createdFrom slot, or -1
   * @param before the createdBefore slot, or -1
   * @param followedBy the follower's actor index, or -1
   * @param deleted the deleted filter
   */
  record QuerySpec(
      int groups,
      List<Integer> types,
      List<Integer> actors,
      List<Integer> uids,
      List<ActivityKey> ids,
      List<Integer> campaigns,
      int from,
      int before,
      int followedBy,
      DeletedFilter deleted) {

    /**
     * Copies the lists.
     *
     * @param groups bit i set: workspace group i; never 0, so every query stays in the test's
     *     groups
     * @param types type indices
     * @param actors actor reference indices (see {@link World#refName(int)})
     * @param uids uid indices
     * @param ids keys whose ids to match
     * @param campaigns campaign indices
     * @param from the createdFrom slot, or -1
     * @param before the createdBefore slot, or -1
     * @param followedBy the follower's actor index, or -1
     * @param deleted the deleted filter
     */
    public QuerySpec {
      types = List.copyOf(types);
      actors = List.copyOf(actors);
      uids = List.copyOf(uids);
      ids = List.copyOf(ids);
      campaigns = List.copyOf(campaigns);
      if (groups == 0) {
        throw new IllegalArgumentException("a query needs a workspace group of the test");
      }
    }

    /** {@return the same query with one filter fewer, one variant per filter set} */
    List<QuerySpec> fewer() {
      List<QuerySpec> out = new ArrayList<>();
      List<Integer> none = List.of();
      if (!types.isEmpty()) {
        out.add(
            new QuerySpec(
                groups, none, actors, uids, ids, campaigns, from, before, followedBy, deleted));
      }
      if (!actors.isEmpty()) {
        out.add(
            new QuerySpec(
                groups, types, none, uids, ids, campaigns, from, before, followedBy, deleted));
      }
      if (!uids.isEmpty()) {
        out.add(
            new QuerySpec(
                groups, types, actors, none, ids, campaigns, from, before, followedBy, deleted));
      }
      if (!ids.isEmpty()) {
        out.add(
            new QuerySpec(
                groups,
                types,
                actors,
                uids,
                List.of(),
                campaigns,
                from,
                before,
                followedBy,
                deleted));
      }
      if (!campaigns.isEmpty()) {
        out.add(
            new QuerySpec(
                groups, types, actors, uids, ids, none, from, before, followedBy, deleted));
      }
      if (from >= 0 || before >= 0) {
        out.add(
            new QuerySpec(
                groups, types, actors, uids, ids, campaigns, -1, -1, followedBy, deleted));
      }
      if (followedBy >= 0) {
        out.add(
            new QuerySpec(groups, types, actors, uids, ids, campaigns, from, before, -1, deleted));
      }
      if (Integer.bitCount(groups) > 1) {
        for (int g = 0; g < World.GROUPS; g++) {
          if ((groups & (1 << g)) != 0) {
            out.add(
                new QuerySpec(
                    groups & ~(1 << g),
                    types,
                    actors,
                    uids,
                    ids,
                    campaigns,
                    from,
                    before,
                    followedBy,
                    deleted));
          }
        }
      }
      return out;
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      List<String> g = new ArrayList<>();
      for (int i = 0; i < World.GROUPS; i++) {
        if ((groups & (1 << i)) != 0) {
          g.add("g" + i);
        }
      }
      parts.add("groups " + String.join(",", g));
      if (!types.isEmpty()) {
        parts.add("types " + join(types.stream().map(World.TYPES::get).toList()));
      }
      if (!actors.isEmpty()) {
        parts.add("actors " + join(actors.stream().map(World::refName).toList()));
      }
      if (!uids.isEmpty()) {
        parts.add("uids " + join(uids.stream().map(u -> "u" + u).toList()));
      }
      if (!ids.isEmpty()) {
        parts.add("ids of " + join(ids));
      }
      if (!campaigns.isEmpty()) {
        parts.add("campaigns " + join(campaigns.stream().map(c -> "c" + c).toList()));
      }
      if (from >= 0 || before >= 0) {
        parts.add(
            "created in ["
                + (from < 0 ? "-" : World.slotName(from))
                + ", "
                + (before < 0 ? "-" : World.slotName(before))
                + ")");
      }
      if (followedBy >= 0) {
        parts.add("followed by " + World.refName(followedBy));
      }
      parts.add("deleted " + deleted);
      return String.join("; ", parts);
    }

    private static String join(List<?> values) {
      return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
  }

  /**
   * Inserts one activity.
   *
   * @param draft the activity
   */
  record Insert(Draft draft) implements Operation {
    @Override
    public List<Operation> simpler() {
      return draft.plainer().stream().<Operation>map(Insert::new).toList();
    }

    @Override
    public String toString() {
      return "insert " + draft;
    }
  }

  /**
   * Inserts a batch.
   *
   * @param drafts the activities, keys possibly repeated
   */
  record InsertAll(List<Draft> drafts) implements Operation {

    /**
     * Copies the list.
     *
     * @param drafts the activities, keys possibly repeated
     */
    public InsertAll {
      drafts = List.copyOf(drafts);
    }

    @Override
    public List<Operation> simpler() {
      List<Operation> out = new ArrayList<>();
      if (drafts.size() == 1) {
        out.add(new Insert(drafts.get(0)));
      }
      for (int i = 0; i < drafts.size(); i++) {
        List<Draft> fewer = new ArrayList<>(drafts);
        fewer.remove(i);
        out.add(new InsertAll(fewer));
      }
      for (int i = 0; i < drafts.size(); i++) {
        for (Draft d : drafts.get(i).plainer()) {
          List<Draft> plainer = new ArrayList<>(drafts);
          plainer.set(i, d);
          out.add(new InsertAll(plainer));
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return drafts.stream()
          .map(String::valueOf)
          .collect(Collectors.joining(",\n        ", "insertAll [", "]"));
    }
  }

  /**
   * Updates the activity of a key.
   *
   * @param key the key
   * @param change the fields given
   * @param check the version expected
   * @param by the updater's index in {@link World#NAMES}
   */
  record Update(ActivityKey key, Change change, VersionCheck check, int by) implements Operation {
    @Override
    public List<Operation> simpler() {
      List<Operation> out = new ArrayList<>();
      if (check != VersionCheck.NONE) {
        out.add(new Update(key, change, VersionCheck.NONE, by));
      }
      for (Change c : change.fewer()) {
        out.add(new Update(key, c, check, by));
      }
      return out;
    }

    @Override
    public String toString() {
      return "update " + key + ": " + change + " by " + World.nameOf(by);
    }
  }

  /**
   * Soft-deletes the activity of a key.
   *
   * @param key the key
   * @param by the deleter's index in {@link World#NAMES}
   */
  record SoftDelete(ActivityKey key, int by) implements Operation {
    @Override
    public String toString() {
      return "softDelete " + key + " by " + World.nameOf(by);
    }
  }

  /**
   * Restores the activity of a key.
   *
   * @param key the key
   * @param by the restorer's index in {@link World#NAMES}
   */
  record Restore(ActivityKey key, int by) implements Operation {
    @Override
    public String toString() {
      return "restore " + key + " by " + World.nameOf(by);
    }
  }

  /**
   * Moves the store's clock forward.
   *
   * @param micros how far, in microseconds
   */
  record AdvanceClock(long micros) implements Operation {
    @Override
    public String toString() {
      return "clock +" + World.micros(micros);
    }
  }

  /**
   * Makes one actor follow another.
   *
   * @param follower the follower's actor index, 0 to 3
   * @param followee the followee's actor reference index
   */
  record Follow(int follower, int followee) implements Operation {
    @Override
    public String toString() {
      return "follow " + World.refName(follower) + " -> " + World.refName(followee);
    }
  }

  /**
   * Stops one actor following another.
   *
   * @param follower the follower's actor index, 0 to 3
   * @param followee the followee's actor reference index
   */
  record Unfollow(int follower, int followee) implements Operation {
    @Override
    public String toString() {
      return "unfollow " + World.refName(follower) + " -> " + World.refName(followee);
    }
  }

  /**
   * Removes every follow edge of an actor.
   *
   * @param actor the actor index, 0 to 3
   */
  record RemoveFollows(int actor) implements Operation {
    @Override
    public String toString() {
      return "follows.removeActor " + World.refName(actor);
    }
  }

  /**
   * Erases an actor's activities.
   *
   * @param actor the actor index, 0 to 3
   * @param mode remove or anonymise
   */
  record Erase(int actor, ErasureMode mode) implements Operation {
    @Override
    public String toString() {
      return "eraseActor " + World.refName(actor) + " " + mode;
    }
  }

  /**
   * Purges what was created before a slot of the sequence's creation window.
   *
   * @param cutoff the cutoff slot
   */
  record Purge(int cutoff) implements Operation {
    @Override
    public String toString() {
      return "purgeCreatedBefore " + World.slotName(cutoff);
    }
  }

  /**
   * Looks a key's activity up by the id the store gave it.
   *
   * @param key the key
   */
  record FindById(ActivityKey key) implements Operation {
    @Override
    public String toString() {
      return "findById of " + key;
    }
  }

  /**
   * Looks an activity up by its key.
   *
   * @param key the key
   */
  record FindByUid(ActivityKey key) implements Operation {
    @Override
    public String toString() {
      return "findByUid " + key;
    }
  }

  /**
   * Lists one page.
   *
   * @param query the filters
   * @param sort the order
   * @param page the page number
   * @param size the page size
   */
  record ListPage(QuerySpec query, Sort sort, int page, int size) implements Operation {
    @Override
    public List<Operation> simpler() {
      List<Operation> out = new ArrayList<>();
      if (page > 1) {
        out.add(new ListPage(query, sort, page - 1, size));
      }
      if (size > 1) {
        out.add(new ListPage(query, sort, page, size - 1));
      }
      for (QuerySpec q : query.fewer()) {
        out.add(new ListPage(q, sort, page, size));
      }
      return out;
    }

    @Override
    public String toString() {
      return "list page " + page + " of " + size + " by " + sort + " where " + query;
    }
  }

  /**
   * Counts.
   *
   * @param query the filters
   */
  record Count(QuerySpec query) implements Operation {
    @Override
    public List<Operation> simpler() {
      return query.fewer().stream().<Operation>map(Count::new).toList();
    }

    @Override
    public String toString() {
      return "count where " + query;
    }
  }

  /**
   * Lists one keyset page.
   *
   * @param query the filters
   * @param sort the order
   * @param after the key whose activity is the cursor, or -1 group for no cursor
   * @param limit the most activities
   */
  record ListAfter(QuerySpec query, Sort sort, ActivityKey after, int limit) implements Operation {

    /** The cursor key that stands for no cursor. */
    public static final ActivityKey START = new ActivityKey(-1, -1);

    @Override
    public List<Operation> simpler() {
      List<Operation> out = new ArrayList<>();
      if (!after.equals(START)) {
        out.add(new ListAfter(query, sort, START, limit));
      }
      if (limit > 1) {
        out.add(new ListAfter(query, sort, after, limit - 1));
      }
      for (QuerySpec q : query.fewer()) {
        out.add(new ListAfter(q, sort, after, limit));
      }
      return out;
    }

    @Override
    public String toString() {
      return "listAfter "
          + (after.equals(START) ? "the start" : after)
          + " limit "
          + limit
          + " by "
          + sort
          + " where "
          + query;
    }
  }

  /**
   * Scans.
   *
   * @param query the filters
   * @param sort the order
   * @param batchSize the batch size
   */
  record Scan(QuerySpec query, Sort sort, int batchSize) implements Operation {
    @Override
    public List<Operation> simpler() {
      List<Operation> out = new ArrayList<>();
      if (batchSize > 1) {
        out.add(new Scan(query, sort, batchSize - 1));
      }
      for (QuerySpec q : query.fewer()) {
        out.add(new Scan(q, sort, batchSize));
      }
      return out;
    }

    @Override
    public String toString() {
      return "scan in batches of " + batchSize + " by " + sort + " where " + query;
    }
  }

  /**
   * Asks whom an actor follows.
   *
   * @param actor the actor index, 0 to 3
   */
  record Following(int actor) implements Operation {
    @Override
    public String toString() {
      return "following " + World.refName(actor);
    }
  }
}
