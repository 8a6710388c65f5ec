package org.activitylog.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityLogException;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityQuery.DeletedFilter;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Cursor;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.WriteGuard;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.internal.Operation.ActivityKey;
import org.activitylog.testkit.internal.Operation.AdvanceClock;
import org.activitylog.testkit.internal.Operation.Count;
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
import org.activitylog.testkit.internal.Operation.RemoveFollows;
import org.activitylog.testkit.internal.Operation.Restore;
import org.activitylog.testkit.internal.Operation.Scan;
import org.activitylog.testkit.internal.Operation.SoftDelete;
import org.activitylog.testkit.internal.Operation.Unfollow;
import org.activitylog.testkit.internal.Operation.Update;
import org.jspecify.annotations.Nullable;

/**
 * Runs one sequence against a store and the {@link ReferenceModel} side by side, and stops at the
 * first answer in which they differ. After the last operation it compares what each holds: every id
 * by {@code findById}, every key of the uids used by {@code findByUid} in every group, the count of
 * the groups' activities and, when the sequence touched the follow graph, whom each actor follows.
 */
public final class Replay {

  /**
   * How a replay ended.
   *
   * @param steps what each operation did, with the values it was called with, up to the one that
   *     differed
   * @param failedAt the index of the step that differed (the size of the sequence for the final
   *     comparison), or -1 when none did
   * @param difference what the model expected and what the store answered, or empty
   */
  public record Result(List<String> steps, int failedAt, String difference) {

    /**
     * Copies the steps.
     *
     * @param steps what each operation did, with the values it was called with, up to the one that
     *     differed
     * @param failedAt the index of the step that differed (the size of the sequence for the final
     *     comparison), or -1 when none did
     * @param difference what the model expected and what the store answered, or empty
     */
    public Result {
      steps = List.copyOf(steps);
    }

    /** {@return whether the store and the model differed} */
    public boolean failed() {
      return failedAt >= 0;
    }
  }

  /** What a call returned or threw. */
  private record Outcome(@Nullable Object value, @Nullable RuntimeException thrown) {}

  /** Thrown inside a replay to stop it at the first difference. */
  private static final class Differs extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Differs(String message) {
      super(message, null, false, false);
    }
  }

  private final ActivityRepository repo;
  private final FollowGraph graph;
  private final MutableClock clock;
  private final World world;
  private final ReferenceModel model;
  private final Map<ActivityKey, Long> idOfKey = new LinkedHashMap<>();
  private final Map<Long, ActivityKey> keyOfId = new LinkedHashMap<>();
  private final Map<Long, Instant> createdOfId = new LinkedHashMap<>();
  private final List<String> steps = new ArrayList<>();
  private boolean touchedFollows;

  private Replay(ActivityStore store, MutableClock clock, World world) {
    this.repo = store.activities();
    this.graph = store.follows();
    this.clock = clock;
    this.world = world;
    this.model = new ReferenceModel(clock);
  }

  /**
   * Replays a sequence on a store, on the data of a fresh world. The caller sets the clock first;
   * the replay purges whatever was created before the world's window, so that the purges of the
   * sequence count only its own activities.
   *
   * @param ops the sequence
   * @param store the store under test
   * @param clock the store's clock
   * @param world the replay's data
   * @return where the store and the model first differed, if anywhere
   */
  public static Result run(
      List<Operation> ops, ActivityStore store, MutableClock clock, World world) {
    Replay r = new Replay(store, clock, world);
    store.activities().purgeCreatedBefore(world.window());
    for (int i = 0; i < ops.size(); i++) {
      try {
        r.step(ops.get(i));
      } catch (Differs d) {
        return new Result(r.steps, i, Objects.requireNonNullElse(d.getMessage(), ""));
      }
    }
    try {
      r.finalCheck();
    } catch (Differs d) {
      return new Result(r.steps, ops.size(), Objects.requireNonNullElse(d.getMessage(), ""));
    }
    return new Result(r.steps, -1, "");
  }

  private void step(Operation op) {
    if (op instanceof Insert o) {
      steps.add(op.toString());
      NewActivity n = world.draft(o.draft());
      Outcome actual = call(() -> repo.insert(n));
      long offered = actual.value() instanceof Activity a ? a.id() : ReferenceModel.NO_ID;
      Outcome expected = expect(() -> model.insert(n, offered));
      compare(expected, actual);
      remember(o.draft().key(), expected);
    } else if (op instanceof InsertAll o) {
      steps.add(op.toString());
      List<NewActivity> batch = o.drafts().stream().map(world::draft).toList();
      Outcome actual = call(() -> repo.insertAll(batch));
      long[] offered = new long[batch.size()];
      for (int i = 0; i < offered.length; i++) {
        offered[i] =
            actual.value() instanceof List<?> l && i < l.size() && l.get(i) instanceof Activity a
                ? a.id()
                : ReferenceModel.NO_ID;
      }
      Outcome expected = expect(() -> model.insertAll(batch, offered));
      compare(expected, actual);
      if (expected.value() instanceof List<?> l) {
        for (int i = 0; i < l.size(); i++) {
          remember(o.drafts().get(i).key(), new Outcome(l.get(i), null));
        }
      }
    } else if (op instanceof Update o) {
      long id = idOf(o.key());
      Optional<Activity> stored = model.findById(id);
      ActivityUpdate u = world.update(o.change(), stored.map(Activity::content).orElse(null));
      long current = stored.map(Activity::version).orElse(1L);
      Long version =
          switch (o.check()) {
            case NONE -> null;
            case CURRENT -> current;
            case BELOW -> current - 1;
            case ABOVE -> current + 1;
          };
      steps.add(
          op
              + (version == null
                  ? ""
                  : ", expecting version "
                      + version
                      + (o.check() == Operation.VersionCheck.CURRENT ? " (current)" : " (stale)")));
      String by = World.name(o.by());
      compare(
          expect(() -> model.update(id, u, version, by)),
          call(() -> repo.update(id, WriteGuard.trusted(version), u, by)));
    } else if (op instanceof SoftDelete o) {
      steps.add(op.toString());
      long id = idOf(o.key());
      String by = World.name(o.by());
      compare(
          expect(() -> model.softDelete(id, by)),
          call(() -> repo.softDelete(id, WriteGuard.TRUSTED, by)));
    } else if (op instanceof Restore o) {
      steps.add(op.toString());
      long id = idOf(o.key());
      String by = World.name(o.by());
      compare(
          expect(() -> model.restore(id, by)),
          call(() -> repo.restore(id, WriteGuard.TRUSTED, by)));
    } else if (op instanceof AdvanceClock o) {
      steps.add(op.toString());
      clock.advance(Duration.of(o.micros(), ChronoUnit.MICROS));
    } else if (op instanceof Follow o) {
      steps.add(op.toString());
      touchedFollows = true;
      ActorRef a = world.ref(o.follower());
      ActorRef b = world.ref(o.followee());
      compare(expect(() -> model.follow(a, b)), call(() -> graph.follow(a, b)));
    } else if (op instanceof Unfollow o) {
      steps.add(op.toString());
      touchedFollows = true;
      ActorRef a = world.ref(o.follower());
      ActorRef b = world.ref(o.followee());
      compare(expect(() -> model.unfollow(a, b)), call(() -> graph.unfollow(a, b)));
    } else if (op instanceof RemoveFollows o) {
      steps.add(op.toString());
      touchedFollows = true;
      ActorRef a = world.ref(o.actor());
      compare(expect(() -> model.removeActor(a)), call(() -> graph.removeActor(a)));
    } else if (op instanceof Following o) {
      steps.add(op.toString());
      ActorRef a = world.ref(o.actor());
      compare(expect(() -> model.following(a)), call(() -> graph.following(a)));
    } else if (op instanceof Erase o) {
      steps.add(op.toString());
      ActorRef a = world.ref(o.actor());
      compare(
          expect(() -> model.eraseActor(a, o.mode())), call(() -> repo.eraseActor(a, o.mode())));
    } else if (op instanceof Purge o) {
      steps.add(op.toString());
      Instant cutoff = world.slot(o.cutoff());
      compare(
          expect(() -> model.purgeCreatedBefore(cutoff)),
          call(() -> repo.purgeCreatedBefore(cutoff)));
    } else if (op instanceof FindById o) {
      steps.add(op.toString());
      long id = idOf(o.key());
      compare(expect(() -> model.findById(id)), call(() -> repo.findById(id)));
    } else if (op instanceof FindByUid o) {
      steps.add(op.toString());
      long g = world.groupOf(o.key());
      var uid = world.uidOf(o.key());
      compare(expect(() -> model.findByUid(g, uid)), call(() -> repo.findByUid(g, uid)));
    } else if (op instanceof ListPage o) {
      steps.add(op.toString());
      ActivityQuery q = world.query(o.query(), this::idOf);
      PageRequest page = PageRequest.of(o.page(), o.size());
      compare(
          expect(() -> model.list(q, page, o.sort())), call(() -> repo.list(q, page, o.sort())));
    } else if (op instanceof Count o) {
      steps.add(op.toString());
      ActivityQuery q = world.query(o.query(), this::idOf);
      compare(expect(() -> model.count(q)), call(() -> repo.count(q)));
    } else if (op instanceof ListAfter o) {
      Cursor cursor = cursorOf(o.after());
      steps.add(
          op + (o.after().equals(ListAfter.START) || cursor != null ? "" : " (never stored)"));
      ActivityQuery q = world.query(o.query(), this::idOf);
      compare(
          expect(() -> model.listAfter(q, o.sort(), cursor, o.limit())),
          call(() -> repo.listAfter(q, o.sort(), cursor, o.limit())));
    } else if (op instanceof Scan o) {
      steps.add(op.toString());
      ActivityQuery q = world.query(o.query(), this::idOf);
      List<Activity> expected = model.scan(q, o.sort());
      // The limit stops a scan that never ends, a bug too.
      compare(
          new Outcome(expected, null),
          call(() -> repo.scan(q, o.sort(), o.batchSize()).limit(expected.size() + 5L).toList()));
    } else {
      throw new IllegalStateException("unknown operation " + op);
    }
  }

  /** Compares everything the store holds for this replay with the model. */
  private void finalCheck() {
    steps.add("(then the final comparison of everything stored)");
    for (Map.Entry<Long, ActivityKey> e : keyOfId.entrySet()) {
      long id = e.getKey();
      if (id > ReferenceModel.NO_ID + ReferenceModel.PLACEHOLDERS) {
        check(
            "findById of " + e.getValue() + " (#" + id + ")",
            expect(() -> model.findById(id)),
            call(() -> repo.findById(id)));
      }
    }
    Set<Integer> uids = new LinkedHashSet<>();
    idOfKey.keySet().forEach(k -> uids.add(k.uid()));
    for (int u : uids) {
      for (int g = 0; g < World.GROUPS; g++) {
        ActivityKey k = new ActivityKey(g, u);
        long group = world.groupOf(k);
        var uid = world.uidOf(k);
        check(
            "findByUid " + k,
            expect(() -> model.findByUid(group, uid)),
            call(() -> repo.findByUid(group, uid)));
      }
    }
    ActivityQuery all =
        ActivityQuery.builder()
            .workspaceGroupIds(world.groups())
            .deleted(DeletedFilter.INCLUDE)
            .build();
    check(
        "count of every activity of g0, g1 and g2, deleted ones included",
        expect(() -> model.count(all)),
        call(() -> repo.count(all)));
    if (touchedFollows) {
      for (int a = 0; a < World.ACTORS; a++) {
        ActorRef ref = world.ref(a);
        check(
            "following " + World.refName(a),
            expect(() -> model.following(ref)),
            call(() -> graph.following(ref)));
        ActivityQuery feed = all.toBuilder().followedBy(ref).build();
        check(
            "count of the activities of g0, g1 and g2 followed by "
                + World.refName(a)
                + ", deleted ones included",
            expect(() -> model.count(feed)),
            call(() -> repo.count(feed)));
      }
    }
  }

  private void check(String what, Outcome expected, Outcome actual) {
    try {
      compare(expected, actual);
    } catch (Differs d) {
      throw new Differs("In the final comparison, " + what + ":\n" + d.getMessage());
    }
  }

  private long idOf(ActivityKey key) {
    Long id = idOfKey.get(key);
    return id == null ? world.absentId() : id;
  }

  private @Nullable Cursor cursorOf(ActivityKey key) {
    Long id = idOfKey.get(key);
    if (id == null) {
      return null;
    }
    return new Cursor(Objects.requireNonNull(createdOfId.get(id)), id);
  }

  private void remember(ActivityKey key, Outcome expected) {
    if (expected.value() instanceof Activity a
        && a.id() > ReferenceModel.NO_ID + ReferenceModel.PLACEHOLDERS) {
      idOfKey.put(key, a.id());
      keyOfId.putIfAbsent(a.id(), key);
      createdOfId.putIfAbsent(a.id(), a.createdAt());
    }
  }

  private static Outcome call(Supplier<?> call) {
    try {
      return new Outcome(call.get(), null);
    } catch (RuntimeException e) {
      return new Outcome(null, e);
    }
  }

  private static Outcome expect(Supplier<?> call) {
    try {
      return new Outcome(call.get(), null);
    } catch (ActivityLogException e) {
      return new Outcome(null, e);
    }
  }

  private void compare(Outcome expected, Outcome actual) {
    RuntimeException wanted = expected.thrown();
    boolean same =
        wanted != null
            ? actual.thrown() != null && wanted.getClass().isInstance(actual.thrown())
            : actual.thrown() == null && Objects.equals(expected.value(), actual.value());
    if (same) {
      return;
    }
    StringBuilder msg = new StringBuilder();
    String e = describe(expected);
    String a = describe(actual);
    msg.append("  expected: ").append(e).append('\n');
    msg.append("  actual:   ").append(a);
    String diff = fieldDifferences(expected.value(), actual.value());
    if (!diff.isEmpty()) {
      msg.append('\n').append("  differs in: ").append(diff);
    }
    if (e.equals(a)) {
      msg.append("\n  in full:\n  expected: ")
          .append(expected.value() != null ? expected.value() : expected.thrown())
          .append("\n  actual:   ")
          .append(actual.value() != null ? actual.value() : actual.thrown());
    }
    throw new Differs(msg.toString());
  }

  // ---------------------------------------------------------------------------------------------
  // Descriptions for failure messages

  private String describe(Outcome o) {
    RuntimeException t = o.thrown();
    if (t != null) {
      return "throws " + t.getClass().getSimpleName() + " (" + t.getMessage() + ")";
    }
    return describe(o.value());
  }

  private String describe(@Nullable Object v) {
    if (v instanceof Activity a) {
      return describe(a);
    }
    if (v instanceof Optional<?> o) {
      return o.isEmpty() ? "empty" : "present: " + describe(o.get());
    }
    if (v instanceof Page<?> p) {
      return "page "
          + p.currentPage()
          + " of size "
          + p.pageSize()
          + ", total "
          + p.total()
          + ", items "
          + describe(p.items());
    }
    if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        return "[]";
      }
      return l.stream()
          .map(this::describe)
          .collect(Collectors.joining("\n              ", "[\n              ", "]"));
    }
    if (v instanceof Set<?> s) {
      return s.stream()
          .map(x -> x instanceof ActorRef r ? world.refName(r) : String.valueOf(x))
          .sorted(Comparator.naturalOrder())
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(v);
  }

  private String describe(Activity a) {
    StringBuilder s = new StringBuilder();
    if (a.id() <= ReferenceModel.NO_ID + ReferenceModel.PLACEHOLDERS) {
      s.append("#(a new id)");
    } else {
      s.append('#').append(a.id());
    }
    s.append(' ')
        .append(world.groupName(a.workspaceGroupId()))
        .append('/')
        .append(world.uidName(a.uid()).replace("uid ", "u?"))
        .append(' ')
        .append(a.type())
        .append(" by ")
        .append(world.actorName(a.actor()));
    if (a.text() != null) {
      s.append(" text ").append(World.quote(a.text()));
    }
    s.append(" resource ").append(a.resource().toJson());
    if (a.content().campaign() != null) {
      s.append(" campaign ").append(world.campaignName(a.content().campaign()));
    }
    if (a.content().derivedWorkspaceGroupId() != null) {
      s.append(" workspace_group ").append(a.content().derivedWorkspaceGroupId());
    }
    if (!a.content().extensions().isEmpty()) {
      s.append(" extensions ").append(a.content().extensions());
    }
    s.append(", created ")
        .append(world.createdName(a.createdAt()))
        .append(" by ")
        .append(a.createdBy() == null ? "nobody" : a.createdBy())
        .append(", updated ")
        .append(
            a.updatedAt().equals(a.createdAt()) ? "when created" : world.stampName(a.updatedAt()))
        .append(" by ")
        .append(a.updatedBy() == null ? "nobody" : a.updatedBy());
    Instant deletedAt = a.deletedAt();
    if (deletedAt != null || a.deletedBy() != null) {
      s.append(", deleted ")
          .append(deletedAt == null ? "(no time)" : world.stampName(deletedAt))
          .append(" by ")
          .append(a.deletedBy() == null ? "nobody" : a.deletedBy());
    }
    s.append(a.active() ? ", active" : ", inactive").append(", v").append(a.version());
    return s.toString();
  }

  /**
   * How two lists of activities differ, matching items by id: missing and unexpected ids, the
   * fields in which items of the same id differ, or else the order.
   */
  private static String listDifferences(List<?> expected, List<?> actual) {
    Map<Long, Activity> wanted = byId(expected);
    Map<Long, Activity> got = byId(actual);
    if (wanted.size() != expected.size() || got.size() != actual.size()) {
      return got.size() != actual.size() ? "an id appears twice in the actual list" : "";
    }
    List<String> out = new ArrayList<>();
    List<Long> missing = new ArrayList<>(wanted.keySet());
    missing.removeAll(got.keySet());
    if (!missing.isEmpty()) {
      out.add("missing " + ids(missing));
    }
    List<Long> extra = new ArrayList<>(got.keySet());
    extra.removeAll(wanted.keySet());
    if (!extra.isEmpty()) {
      out.add("unexpected " + ids(extra));
    }
    for (Map.Entry<Long, Activity> w : wanted.entrySet()) {
      Activity g = got.get(w.getKey());
      if (g != null) {
        String d = fieldDifferences(w.getValue(), g);
        if (!d.isEmpty()) {
          out.add("#" + w.getKey() + ": " + d);
        }
      }
    }
    if (out.isEmpty()
        && !wanted.keySet().stream().toList().equals(got.keySet().stream().toList())) {
      out.add("order: expected " + ids(wanted.keySet()) + ", actual " + ids(got.keySet()));
    }
    return String.join("; ", out);
  }

  /** The activities of a list by id, in list order; other items are left out. */
  private static Map<Long, Activity> byId(List<?> items) {
    Map<Long, Activity> out = new LinkedHashMap<>();
    for (Object o : items) {
      if (o instanceof Activity a) {
        out.put(a.id(), a);
      }
    }
    return out;
  }

  private static String ids(Collection<Long> ids) {
    return ids.stream()
        .map(i -> i <= ReferenceModel.NO_ID + ReferenceModel.PLACEHOLDERS ? "#(a new id)" : "#" + i)
        .collect(Collectors.joining(", "));
  }

  /** The fields in which corresponding activities of two answers differ, or empty. */
  private static String fieldDifferences(@Nullable Object expected, @Nullable Object actual) {
    if (expected instanceof Optional<?> e && actual instanceof Optional<?> a) {
      return e.isPresent() && a.isPresent() ? fieldDifferences(e.get(), a.get()) : "";
    }
    if (expected instanceof Page<?> e && actual instanceof Page<?> a) {
      return fieldDifferences(e.items(), a.items());
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      return listDifferences(e, a);
    }
    if (!(expected instanceof Activity e) || !(actual instanceof Activity a)) {
      return "";
    }
    Map<String, Boolean> same = new LinkedHashMap<>();
    same.put("id", e.id() == a.id());
    same.put("uid", e.uid().equals(a.uid()));
    same.put("type", e.type() == a.type());
    same.put("actor", e.actor().equals(a.actor()));
    same.put("text", Objects.equals(e.text(), a.text()));
    same.put("resource", e.resource().equals(a.resource()));
    same.put("workspace_group_id", e.workspaceGroupId() == a.workspaceGroupId());
    same.put(
        "workspace_group",
        Objects.equals(
            e.content().derivedWorkspaceGroupId(), a.content().derivedWorkspaceGroupId()));
    same.put("campaign", Objects.equals(e.content().campaign(), a.content().campaign()));
    same.put("extensions", e.content().extensions().equals(a.content().extensions()));
    same.put("created_at", e.createdAt().equals(a.createdAt()));
    same.put("created_by", Objects.equals(e.createdBy(), a.createdBy()));
    same.put("updated_at", e.updatedAt().equals(a.updatedAt()));
    same.put("updated_by", Objects.equals(e.updatedBy(), a.updatedBy()));
    same.put("deleted_at", Objects.equals(e.deletedAt(), a.deletedAt()));
    same.put("deleted_by", Objects.equals(e.deletedBy(), a.deletedBy()));
    same.put("active", e.active() == a.active());
    same.put("version", e.version() == a.version());
    return same.entrySet().stream()
        .filter(x -> !x.getValue())
        .map(Map.Entry::getKey)
        .collect(Collectors.joining(", "));
  }
}
