package org.activitylog.jdbc.internal;

import static org.activitylog.jdbc.internal.sql.SqlArguments.int64;
import static org.activitylog.jdbc.internal.sql.SqlArguments.nullableInt64;
import static org.activitylog.jdbc.internal.sql.SqlArguments.text;
import static org.activitylog.jdbc.internal.sql.SqlArguments.time;
import static org.activitylog.jdbc.internal.sql.SqlArguments.uuid;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.Actor;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Campaign;
import org.activitylog.api.ConflictException;
import org.activitylog.api.Cursor;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.ValidationException;
import org.activitylog.jdbc.internal.sql.ActivityQuerySql;
import org.activitylog.jdbc.internal.sql.ActivitySql;
import org.activitylog.jdbc.internal.sql.BoundSql;
import org.activitylog.jdbc.internal.sql.PositionalSql;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgeResult;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.spi.QueryMatching;
import org.activitylog.spi.StoredActivities;
import org.activitylog.spi.WriteGuard;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jspecify.annotations.Nullable;

/** The activities of a JDBC store. Thread-safe: every call takes its own pooled connection. */
public final class JdbcActivityRepository implements ActivityRepository {
  /** Rows per JDBC batch execution; larger inserts run as several batches in one transaction. */
  private static final int BATCH_ROWS = 1000;

  /**
   * Rows per statement of {@link ActivitySql#insertManyIfAbsent()}; larger inserts run as several
   * statements in one transaction.
   */
  private static final int ARRAY_ROWS = 1000;

  /** Uids per {@code IN (…)} list when re-reading existing rows. */
  private static final int IN_LIST = 500;

  /**
   * Reads a count or a generated id. Given directly rather than as {@code mapTo(Long.class)}, which
   * looks the mapper up in Jdbi's configuration on every call: a count of a few rows on H2 went
   * from 5.6 to 4.5 microseconds.
   */
  private static final RowMapper<Long> FIRST_LONG = (rs, ctx) -> rs.getLong(1);

  private final StoreAccess access;
  private final ActivitySql sql;

  /**
   * The one-row insert, run on the handle's connection as a plain prepared statement: Jdbi's
   * statement context, named binding and result iteration were about a fifth of the library's time
   * per one-row insert on H2.
   */
  private final PositionalSql insertOneSql;

  /** {@link ActivitySql#insertManyIfAbsent()}, or null on a database without one (H2). */
  private final @Nullable String insertManySql;

  private final String[] generatedIdColumns;
  private final ActivityQuerySql queries;
  private final ActivityRowMapper rows;
  private final Clock clock;

  /** The partition maintainer of PostgreSQL's partitioned layout; null for a plain table. */
  private final @Nullable PartitionMaintainer partitions;

  /**
   * Creates the repository of a plain activity table.
   *
   * @param access the store's shared state
   * @param clock stamps {@code updated_at} and {@code deleted_at}
   * @param catalogue rebuilds types from stored codes
   */
  public JdbcActivityRepository(StoreAccess access, Clock clock, ActivityCatalogue catalogue) {
    this(access, clock, catalogue, null);
  }

  /**
   * Creates the repository.
   *
   * @param access the store's shared state
   * @param clock stamps {@code updated_at} and {@code deleted_at}
   * @param catalogue rebuilds types from stored codes
   * @param partitions the maintainer of a partitioned table, or null for a plain one
   */
  public JdbcActivityRepository(
      StoreAccess access,
      Clock clock,
      ActivityCatalogue catalogue,
      @Nullable PartitionMaintainer partitions) {
    this.partitions = partitions;
    this.access = access;
    this.sql = access.sql();
    this.insertOneSql = PositionalSql.of(sql.insertIfAbsent());
    this.insertManySql = sql.insertManyIfAbsent().orElse(null);
    this.generatedIdColumns = new String[] {sql.generatedIdColumn()};
    this.queries = new ActivityQuerySql(sql);
    this.rows = new ActivityRowMapper(access.json(), catalogue);
    this.clock = clock;
  }

  @Override
  public Activity insert(NewActivity activity) {
    requireInsertable(activity);
    return access.call(() -> partitioned(List.of(activity), () -> insertOne(activity)));
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    // Every activity is checked before any is stored, so a bad one leaves the store unchanged.
    Map<Key, NewActivity> unique = new LinkedHashMap<>();
    for (NewActivity a : activities) {
      unique.putIfAbsent(new Key(a.content().workspaceGroupId(), requireInsertable(a)), a);
    }
    if (unique.isEmpty()) {
      return List.of();
    }
    List<NewActivity> drafts = List.copyOf(unique.values());
    if (drafts.size() == 1) {
      // The facade's record and a recorder batch of one take the tuned one-row statement.
      Activity one = access.call(() -> partitioned(drafts, () -> insertOne(drafts.get(0))));
      return activities.stream().map(a -> one).toList();
    }
    Map<Key, Activity> stored =
        access.call(
            () ->
                partitioned(
                    drafts,
                    () ->
                        LostRaceRetry.run(
                            () ->
                                access
                                    .jdbi()
                                    .inTransaction(
                                        h ->
                                            insertManySql == null
                                                ? insertOnce(h, drafts)
                                                : insertArraysOnce(h, insertManySql, drafts)),
                            "the batch")));
    List<Activity> result = new ArrayList<>(activities.size());
    for (NewActivity a : activities) {
      result.add(stored.get(Key.of(a)));
    }
    return result;
  }

  /**
   * Runs an insert of drafts; on a partitioned table, after making sure their months have
   * partitions.
   */
  private <T> T partitioned(List<NewActivity> drafts, Supplier<T> insert) {
    PartitionMaintainer p = partitions;
    if (p == null) {
      return insert.get();
    }
    List<Instant> times = new ArrayList<>(drafts.size());
    for (NewActivity d : drafts) {
      times.add(Objects.requireNonNull(d.createdAt()));
    }
    return p.inserting(times, insert);
  }

  /**
   * The idempotency key: a uid is unique within its owning workspace group, so every look-up and
   * every match of a stored row against a draft uses both.
   */
  private record Key(long workspaceGroupId, UUID uid) {
    static Key of(NewActivity draft) {
      return new Key(draft.content().workspaceGroupId(), Objects.requireNonNull(draft.uid()));
    }

    static Key of(Activity stored) {
      return new Key(stored.workspaceGroupId(), stored.uid());
    }
  }

  /**
   * Inserts one activity in a single autocommitted statement that returns the generated id: one
   * round trip on PostgreSQL where a transaction around a batch took two, and about half the work
   * on H2. The uid idempotency and the concurrent-insert retry are those of {@link #insertAll}.
   */
  private Activity insertOne(NewActivity draft) {
    return LostRaceRetry.run(
        () -> access.jdbi().withHandle(h -> insertOne(h, draft)), "the activity");
  }

  /**
   * Inserts a draft whose uid is new, or reads back the stored one; empty when that row vanished
   * before it could be read (a concurrent purge), so the caller tries again.
   */
  private Optional<Activity> insertOne(Handle h, NewActivity d) {
    boolean inserted;
    long key = 0;
    try (PreparedStatement ps =
        h.getConnection().prepareStatement(insertOneSql.sql(), generatedIdColumns)) {
      bindInsert(ps, d);
      // Outside Jdbi's statements, so the store's statement timeout is applied here by hand.
      Integer timeout = h.getConfig(SqlStatements.class).getQueryTimeout();
      if (timeout != null) {
        ps.setQueryTimeout(timeout);
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        inserted = keys.next();
        if (inserted) {
          key = keys.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not insert the activity", e);
    }
    if (inserted) {
      return Optional.of(StoredActivities.created(key, d));
    }
    return byKey(h, d.content().workspaceGroupId(), Objects.requireNonNull(d.uid()));
  }

  private Optional<Activity> byKey(Handle h, long workspaceGroupId, UUID uid) {
    return h.createQuery(sql.findByUid())
        .bind("uid", uuid(uid))
        .bind("workspaceGroupId", int64(workspaceGroupId))
        .map(rows)
        .findOne();
  }

  /**
   * Binds {@link ActivitySql#insertIfAbsent()}'s values by position, the way {@link #bindContent}
   * and the uid, creation time and author bind them by name for {@link #insertAll}.
   */
  private void bindInsert(PreparedStatement ps, NewActivity d) throws SQLException {
    ActivityContent c = d.content();
    Actor actor = c.actor();
    Campaign campaign = c.campaign();
    List<String> names = insertOneSql.names();
    for (int i = 0; i < names.size(); i++) {
      int p = i + 1;
      switch (names.get(i)) {
        case "uid" -> ps.setObject(p, d.uid());
        case "type" -> ps.setString(p, c.type().code());
        case "actorKind" -> ps.setString(p, actor.ref().kind().name());
        case "actorId" -> ps.setString(p, actor.ref().id());
        case "actor" -> ps.setString(p, access.json().writeActor(actor));
        case "text" -> setText(ps, p, c.text());
        case "resource" -> setText(ps, p, access.json().writeResource(c.resource()));
        case "workspaceGroupId" -> ps.setLong(p, c.workspaceGroupId());
        case "workspaceGroup" -> setInt64(ps, p, c.derivedWorkspaceGroupId());
        case "campaignId" -> {
          if (campaign == null) {
            ps.setNull(p, Types.OTHER);
          } else {
            ps.setObject(p, campaign.id());
          }
        }
        case "campaignName" -> setText(ps, p, campaign == null ? null : campaign.name());
        case "details" -> setText(ps, p, access.json().writeDetails(c.extensions()));
        case "createdAt" -> setTime(ps, p, d.createdAt());
        case "createdBy" -> setText(ps, p, d.createdBy());
        default -> throw new IllegalStateException("no value for insert parameter " + names.get(i));
      }
    }
  }

  private static void setText(PreparedStatement ps, int p, @Nullable String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(p, Types.VARCHAR);
    } else {
      ps.setString(p, value);
    }
  }

  private static void setInt64(PreparedStatement ps, int p, @Nullable Long value)
      throws SQLException {
    if (value == null) {
      ps.setNull(p, Types.BIGINT);
    } else {
      ps.setLong(p, value);
    }
  }

  private static void setTime(PreparedStatement ps, int p, @Nullable Instant value)
      throws SQLException {
    if (value == null) {
      ps.setNull(p, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(p, value.atOffset(ZoneOffset.UTC));
    }
  }

  /**
   * Inserts the drafts whose uid is new and reads the others back; empty when a row that blocked an
   * insert vanished before it could be read (a concurrent purge), so the caller tries again.
   */
  private Optional<Map<Key, Activity>> insertOnce(Handle h, List<NewActivity> drafts) {
    Map<Key, Activity> stored = new HashMap<>();
    Set<Key> existing = new LinkedHashSet<>();
    for (int from = 0; from < drafts.size(); from += BATCH_ROWS) {
      List<NewActivity> chunk = drafts.subList(from, Math.min(drafts.size(), from + BATCH_ROWS));
      PreparedBatch batch = h.prepareBatch(sql.insertIfAbsent());
      for (NewActivity d : chunk) {
        bindContent(batch, d.content())
            .bind("uid", uuid(d.uid()))
            .bind("createdAt", time(d.createdAt()))
            .bind("createdBy", text(d.createdBy()))
            .add();
      }
      List<List<Long>> keys =
          batch.executePreparedBatch(sql.generatedIdColumn()).map(FIRST_LONG).listPerBatch();
      for (int i = 0; i < chunk.size(); i++) {
        NewActivity d = chunk.get(i);
        if (keys.get(i).isEmpty()) {
          existing.add(Key.of(d));
        } else {
          stored.put(Key.of(d), StoredActivities.created(keys.get(i).get(0), d));
        }
      }
    }
    return readExisting(h, existing, stored, drafts.size());
  }

  /**
   * Inserts the drafts whose key is new through {@link ActivitySql#insertManyIfAbsent()}, one
   * statement per {@link #ARRAY_ROWS} drafts, and reads the others back; empty when a row that
   * blocked an insert vanished before it could be read (a concurrent purge), so the caller tries
   * again.
   */
  private Optional<Map<Key, Activity>> insertArraysOnce(
      Handle h, String statement, List<NewActivity> drafts) {
    Map<Key, NewActivity> byKey = new HashMap<>();
    for (NewActivity d : drafts) {
      byKey.put(Key.of(d), d);
    }
    Map<Key, Activity> stored = new HashMap<>();
    Set<Key> existing = new LinkedHashSet<>();
    Connection c = h.getConnection();
    Integer timeout = h.getConfig(SqlStatements.class).getQueryTimeout();
    for (int from = 0; from < drafts.size(); from += ARRAY_ROWS) {
      List<NewActivity> chunk = drafts.subList(from, Math.min(drafts.size(), from + ARRAY_ROWS));
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        bindArrays(c, ps, chunk);
        // Outside Jdbi's statements, so the store's statement timeout is applied here by hand.
        if (timeout != null) {
          ps.setQueryTimeout(timeout);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Key key = new Key(rs.getLong(3), rs.getObject(2, UUID.class));
            NewActivity d = byKey.get(key);
            if (d == null) {
              throw new IllegalStateException("the insert returned a key it was not given");
            }
            stored.put(key, StoredActivities.created(rs.getLong(1), d));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not insert the activities", e);
      }
      for (NewActivity d : chunk) {
        Key key = Key.of(d);
        if (!stored.containsKey(key)) {
          existing.add(key);
        }
      }
    }
    return readExisting(h, existing, stored, drafts.size());
  }

  /** Binds one array per column of {@link ActivitySql#insertManyIfAbsent()}. */
  private void bindArrays(Connection c, PreparedStatement ps, List<NewActivity> chunk)
      throws SQLException {
    int n = chunk.size();
    UUID[] uid = new UUID[n];
    String[] type = new String[n];
    String[] actorKind = new String[n];
    String[] actorId = new String[n];
    String[] actor = new String[n];
    @Nullable String[] text = new String[n];
    @Nullable String[] resource = new String[n];
    Long[] workspaceGroupId = new Long[n];
    @Nullable Long[] workspaceGroup = new Long[n];
    @Nullable UUID[] campaignId = new UUID[n];
    @Nullable String[] campaignName = new String[n];
    @Nullable String[] details = new String[n];
    String[] createdAt = new String[n];
    @Nullable String[] createdBy = new String[n];
    for (int i = 0; i < n; i++) {
      NewActivity d = chunk.get(i);
      ActivityContent content = d.content();
      Actor a = content.actor();
      Campaign campaign = content.campaign();
      uid[i] = Objects.requireNonNull(d.uid());
      type[i] = content.type().code();
      actorKind[i] = a.ref().kind().name();
      actorId[i] = a.ref().id();
      actor[i] = access.json().writeActor(a);
      text[i] = content.text();
      resource[i] = access.json().writeResource(content.resource());
      workspaceGroupId[i] = content.workspaceGroupId();
      workspaceGroup[i] = content.derivedWorkspaceGroupId();
      campaignId[i] = campaign == null ? null : campaign.id();
      campaignName[i] = campaign == null ? null : campaign.name();
      details[i] = access.json().writeDetails(content.extensions());
      // ISO-8601 in UTC, which PostgreSQL reads exactly: creation times are whole microseconds
      // of the years 1 to 9999 (NewActivity checks both).
      createdAt[i] = Objects.requireNonNull(d.createdAt()).toString();
      createdBy[i] = d.createdBy();
    }
    ps.setArray(1, c.createArrayOf("uuid", uid));
    ps.setArray(2, c.createArrayOf("text", type));
    ps.setArray(3, c.createArrayOf("text", actorKind));
    ps.setArray(4, c.createArrayOf("text", actorId));
    ps.setArray(5, c.createArrayOf("text", actor));
    ps.setArray(6, c.createArrayOf("text", text));
    ps.setArray(7, c.createArrayOf("text", resource));
    ps.setArray(8, c.createArrayOf("int8", workspaceGroupId));
    ps.setArray(9, c.createArrayOf("int8", workspaceGroup));
    ps.setArray(10, c.createArrayOf("uuid", campaignId));
    ps.setArray(11, c.createArrayOf("text", campaignName));
    ps.setArray(12, c.createArrayOf("text", details));
    ps.setArray(13, c.createArrayOf("text", createdAt));
    ps.setArray(14, c.createArrayOf("text", createdBy));
  }

  /**
   * Reads back the stored rows of the drafts whose key was taken and adds them to {@code stored};
   * empty when fewer than {@code expected} rows are then known (one vanished before it was read).
   */
  private Optional<Map<Key, Activity>> readExisting(
      Handle h, Set<Key> existing, Map<Key, Activity> stored, int expected) {
    List<UUID> existingUids = existing.stream().map(Key::uid).distinct().toList();
    for (int from = 0; from < existingUids.size(); from += IN_LIST) {
      List<UUID> chunk = existingUids.subList(from, Math.min(existingUids.size(), from + IN_LIST));
      BoundSql select =
          ActivityQuerySql.list(new BoundSql().append(sql.findByUidsIn()), chunk, uid -> uuid(uid));
      for (Activity a : select.bindTo(h.createQuery(select.sql())).map(rows).list()) {
        // The uid may be stored in other groups too; only the drafts' own keys answer.
        if (existing.contains(Key.of(a))) {
          stored.put(Key.of(a), a);
        }
      }
    }
    return stored.size() == expected ? Optional.of(stored) : Optional.empty();
  }

  @Override
  public Optional<Activity> findById(long id) {
    return access.withHandle(h -> byId(h, id));
  }

  @Override
  public Optional<Activity> findByUid(long workspaceGroupId, UUID uid) {
    Objects.requireNonNull(uid, "uid");
    return access.withHandle(h -> byKey(h, workspaceGroupId, uid));
  }

  @Override
  public Activity update(
      long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(guard, "guard");
    requireAuditName("updated_by", updatedBy);
    return access.call(
        () ->
            LostRaceRetry.run(
                () -> access.jdbi().inTransaction(h -> updateOnce(h, id, guard, update, updatedBy)),
                "the activity"));
  }

  /**
   * One update transaction: the guard is checked on the row locked for it, so a concurrent move or
   * delete either happened before (and the guard sees it) or waits for this one. Empty when the row
   * changed under a database that ignores {@code FOR UPDATE}, and the guard expected no version:
   * the retry reads it again and checks the guard again.
   */
  private Optional<Activity> updateOnce(
      Handle h, long id, WriteGuard guard, ActivityUpdate update, @Nullable String updatedBy) {
    Activity current = guard.admitChange(lockedById(h, id));
    if (!StoredActivities.changes(update, current.content())) {
      return Optional.of(current);
    }
    Activity next = StoredActivities.updated(current, update, now(), updatedBy);
    int changed =
        bindContent(h.createUpdate(sql.update()), next.content())
            .bind("updatedAt", time(next.updatedAt()))
            .bind("updatedBy", text(next.updatedBy()))
            .bind("id", int64(id))
            .bind("version", int64(current.version()))
            .execute();
    return settled(changed, next, guard);
  }

  @Override
  public Activity softDelete(long id, WriteGuard guard, @Nullable String deletedBy) {
    Objects.requireNonNull(guard, "guard");
    requireAuditName("deleted_by", deletedBy);
    return changeDeletion(sql.softDelete(), id, guard, deletedBy, true);
  }

  @Override
  public Activity restore(long id, WriteGuard guard, @Nullable String restoredBy) {
    Objects.requireNonNull(guard, "guard");
    requireAuditName("updated_by", restoredBy);
    return changeDeletion(sql.restore(), id, guard, restoredBy, false);
  }

  /**
   * Runs a soft delete or restore in one transaction on the locked row, which changes nothing when
   * the row is already in that state.
   */
  private Activity changeDeletion(
      String statement, long id, WriteGuard guard, @Nullable String by, boolean delete) {
    return access.call(
        () ->
            LostRaceRetry.run(
                () ->
                    access
                        .jdbi()
                        .inTransaction(
                            h -> {
                              Activity locked = lockedById(h, id);
                              Activity current =
                                  delete ? guard.admitChange(locked) : guard.admitRestore(locked);
                              if (current.isDeleted() == delete) {
                                return Optional.of(current);
                              }
                              Instant now = now();
                              Activity next =
                                  delete
                                      ? StoredActivities.deleted(current, now, by)
                                      : StoredActivities.restored(current, now, by);
                              int changed =
                                  h.createUpdate(statement)
                                      .bind("at", time(now))
                                      .bind("by", text(by))
                                      .bind("id", int64(id))
                                      .execute();
                              return settled(changed, next, guard);
                            }),
                "the activity"));
  }

  /** The row with an id, locked for this transaction; null when there is none. */
  private @Nullable Activity lockedById(Handle h, long id) {
    return h.createQuery(sql.findByIdForUpdate())
        .bind("id", int64(id))
        .map(rows)
        .findOne()
        .orElse(null);
  }

  /**
   * What a write that changed {@code changed} rows answers: the new state, or, when the row changed
   * since it was locked (a database that ignores {@code FOR UPDATE}), a conflict for a caller that
   * expected a version and a lost race, retried, for one that did not.
   */
  private static Optional<Activity> settled(int changed, Activity next, WriteGuard guard) {
    if (changed == 1) {
      return Optional.of(next);
    }
    if (guard.expectedVersion() != null) {
      throw conflict();
    }
    return Optional.empty();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here a batch is one statement, so one short transaction: a {@code DELETE} of the ids a
   * sub-select picks, oldest first through an index. On PostgreSQL the sub-select is {@code FOR
   * UPDATE SKIP LOCKED}, so that a batch never waits for (or deadlocks with) a writer holding one
   * of the rows; on H2 the {@code DELETE} takes its own row locks.
   */
  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    Objects.requireNonNull(criteria, "criteria");
    if (limit < 1) {
      throw new ValidationException("limit", "must be 1 or more", limit);
    }
    if (criteria.hasEmptyTimeRange()) {
      return PurgedBatch.NONE;
    }
    BoundSql batch = sql.purgeBatch(criteria, limit);
    return access.call(
        () ->
            LostRaceRetry.statement(
                () ->
                    access
                        .jdbi()
                        .withHandle(
                            h ->
                                batch
                                    .bindTo(h.createQuery(batch.sql()))
                                    .map(
                                        (rs, ctx) -> {
                                          int deleted = rs.getInt(1);
                                          OffsetDateTime newest =
                                              rs.getObject(2, OffsetDateTime.class);
                                          return deleted == 0 || newest == null
                                              ? PurgedBatch.NONE
                                              : new PurgedBatch(deleted, newest.toInstant());
                                        })
                                    .one())));
  }

  /**
   * {@inheritDoc}
   *
   * <p>On the partitioned layout, criteria without a type or group condition and without a lower
   * time bound first drop the whole months before the cutoff, each drop counted as one batch, and
   * delete the rest in batches.
   */
  @Override
  public PurgeResult purge(PurgeCriteria criteria, int batchSize, Predicate<PurgeResult> progress) {
    PartitionMaintainer p = partitions;
    if (p == null) {
      return ActivityRepository.super.purge(criteria, batchSize, progress);
    }
    return p.purge(
        criteria,
        batchSize,
        progress,
        reporting -> ActivityRepository.super.purge(criteria, batchSize, reporting));
  }

  @Override
  public long eraseActor(ActorRef actor, ErasureMode mode) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(mode, "mode");
    if (mode == ErasureMode.REMOVE) {
      return access.update(
          sql.deleteOfActor(),
          u -> u.bind("kind", text(actor.kind().name())).bind("id", text(actor.id())));
    }
    Actor replacement = StoredActivities.anonymousActor(actor.kind());
    String profile = access.json().writeActor(replacement);
    Instant now = now();
    return access.update(
        sql.anonymiseActor(),
        u ->
            u.bind("kind", text(actor.kind().name()))
                .bind("id", text(actor.id()))
                .bind("newKind", text(replacement.ref().kind().name()))
                .bind("newId", text(replacement.ref().id()))
                .bind("actor", text(profile))
                .bind("at", time(now)));
  }

  @Override
  public Page<Activity> list(ActivityQuery query, PageRequest page, Sort sort) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(sort, "sort");
    if (QueryMatching.hasEmptyTimeRange(query)) {
      return Page.of(List.of(), 0, page);
    }
    return access.withHandle(
        h -> {
          BoundSql select = queries.page(query, sort, page.offset(), page.size());
          List<Activity> items = select.bindTo(h.createQuery(select.sql())).map(rows).list();
          // A short page that is not past the end shows the total by itself.
          boolean totalKnown =
              items.size() < page.size() && (!items.isEmpty() || page.offset() == 0);
          long total = totalKnown ? page.offset() + items.size() : count(h, query);
          return Page.of(items, total, page);
        });
  }

  @Override
  public long count(ActivityQuery query) {
    Objects.requireNonNull(query, "query");
    if (QueryMatching.hasEmptyTimeRange(query)) {
      return 0;
    }
    return access.withHandle(h -> count(h, query));
  }

  @Override
  public List<Activity> listAfter(
      ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    if (limit < 1) {
      throw new ValidationException("limit", "must be 1 or more", limit);
    }
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(sort, "sort");
    if (QueryMatching.hasEmptyTimeRange(query)) {
      return List.of();
    }
    return access.withHandle(
        h -> {
          BoundSql select = queries.after(query, sort, after, limit);
          return select.bindTo(h.createQuery(select.sql())).map(rows).list();
        });
  }

  private long count(Handle h, ActivityQuery query) {
    BoundSql count = queries.count(query);
    return count.bindTo(h.createQuery(count.sql())).map(FIRST_LONG).one();
  }

  private Optional<Activity> byId(Handle h, long id) {
    return h.createQuery(sql.findById()).bind("id", int64(id)).map(rows).findOne();
  }

  /** Binds the parameters every write of content shares. */
  private <S extends SqlStatement<S>> S bindContent(S s, ActivityContent c) {
    Actor actor = c.actor();
    return s.bind("type", text(c.type().code()))
        .bind("actorKind", text(actor.ref().kind().name()))
        .bind("actorId", text(actor.ref().id()))
        .bind("actor", text(access.json().writeActor(actor)))
        .bind("text", text(c.text()))
        .bind("resource", text(access.json().writeResource(c.resource())))
        .bind("workspaceGroupId", int64(c.workspaceGroupId()))
        .bind("workspaceGroup", nullableInt64(c.derivedWorkspaceGroupId()))
        .bind("campaignId", uuid(c.campaign() == null ? null : c.campaign().id()))
        .bind("campaignName", text(c.campaign() == null ? null : c.campaign().name()))
        .bind("details", text(access.json().writeDetails(c.extensions())));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static ConflictException conflict() {
    return new ConflictException(
        "the activity was changed since the expected version; read it again and retry");
  }

  /**
   * Checks what an insert needs beyond what {@link NewActivity} checks itself.
   *
   * @return the activity's uid
   */
  private static UUID requireInsertable(NewActivity activity) {
    Objects.requireNonNull(activity, "activity");
    UUID uid = activity.uid();
    if (uid == null) {
      throw new ValidationException("uid", "is required", null);
    }
    if (activity.createdAt() == null) {
      throw new ValidationException("created_at", "is required", null);
    }
    return uid;
  }

  private static void requireAuditName(String field, @Nullable String name) {
    if (name != null && name.length() > Activity.MAX_AUDIT_NAME) {
      throw new ValidationException(
          field, "must be at most " + Activity.MAX_AUDIT_NAME + " characters", name);
    }
  }
}
