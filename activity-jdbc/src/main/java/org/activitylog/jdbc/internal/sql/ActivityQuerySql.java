package org.activitylog.jdbc.internal.sql;

import static org.activitylog.jdbc.internal.sql.SqlArguments.int64;
import static org.activitylog.jdbc.internal.sql.SqlArguments.text;
import static org.activitylog.jdbc.internal.sql.SqlArguments.time;

import java.util.Collection;
import java.util.function.Function;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Cursor;
import org.activitylog.api.Sort;
import org.jdbi.v3.core.argument.Argument;
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@link ActivityQuery} into SQL: one fixed fragment per filter, values as bind arguments,
 * the order from the {@link Sort} enum. Offset pages for {@code list}, keyset pages for {@code
 * listAfter}.
 *
 * <p>When a query names exactly one workspace group, {@code ORDER BY} starts with {@code
 * workspace_group_id}: the result is the same (the column is fixed by the filter), but H2 then
 * reads the tenant index in order instead of sorting the whole workspace, which measured 100x to
 * 40,000x faster at a million rows. PostgreSQL plans both forms alike.
 */
public final class ActivityQuerySql {
  private final ActivitySql sql;

  /**
   * Creates the builder.
   *
   * @param sql the dialect's statements
   */
  public ActivityQuerySql(ActivitySql sql) {
    this.sql = sql;
  }

  /**
   * {@return the count of a query's matches}
   *
   * @param query the filters
   */
  public BoundSql count(ActivityQuery query) {
    BoundSql out = new BoundSql().append(sql.countFrom());
    where(out, query, null, Sort.DEFAULT);
    return out;
  }

  /**
   * {@return one offset page of a query's matches}
   *
   * @param query the filters
   * @param sort the order
   * @param offset how many matches to skip
   * @param limit the page size
   */
  public BoundSql page(ActivityQuery query, Sort sort, long offset, int limit) {
    BoundSql out = new BoundSql().append(sql.selectFrom());
    where(out, query, null, sort);
    orderBy(out, query, sort);
    out.append(" LIMIT ").param(int64(limit));
    if (offset > 0) {
      out.append(" OFFSET ").param(int64(offset));
    }
    return out;
  }

  /**
   * {@return the matches after a cursor, without an offset: the condition on the sort key lets the
   * index start right at the cursor, so a deep page costs what the first one does}
   *
   * @param query the filters
   * @param sort the order
   * @param after the last row already seen, or null for the first page
   * @param limit the most rows to return
   */
  public BoundSql after(ActivityQuery query, Sort sort, @Nullable Cursor after, int limit) {
    BoundSql out = new BoundSql().append(sql.selectFrom());
    where(out, query, after, sort);
    orderBy(out, query, sort);
    out.append(" LIMIT ").param(int64(limit));
    return out;
  }

  private void where(BoundSql out, ActivityQuery q, @Nullable Cursor after, Sort sort) {
    Conditions c = new Conditions(out);
    c.in("a.id", q.ids(), SqlArguments::int64);
    c.in("a.uid", q.uids(), SqlArguments::uuid);
    c.in("a.activity_type", q.types(), (ActivityKind t) -> text(t.code()));
    c.in("a.workspace_group_id", q.workspaceGroupIds(), SqlArguments::int64);
    c.in("a.campaign_id", q.campaignIds(), SqlArguments::uuid);
    if (!q.actors().isEmpty()) {
      c.next().append("(");
      boolean first = true;
      for (ActorRef actor : q.actors()) {
        out.append(first ? "" : " OR ").append("(a.actor_kind = ").param(text(actor.kind().name()));
        out.append(" AND a.actor_id = ").param(text(actor.id())).append(")");
        first = false;
      }
      out.append(")");
    }
    if (q.createdFrom() != null) {
      c.next().append("a.created_at >= ").param(time(q.createdFrom()));
    }
    if (q.createdBefore() != null) {
      c.next().append("a.created_at < ").param(time(q.createdBefore()));
    }
    ActorRef follower = q.followedBy();
    if (follower != null) {
      c.next().append(sql.followedByPrefix()).param(text(follower.kind().name()));
      out.append(" AND f.follower_id = ").param(text(follower.id())).append(sql.followedBySuffix());
    }
    switch (q.deleted()) {
      case EXCLUDE -> c.next().append("a.deleted_at IS NULL");
      case ONLY -> c.next().append("a.deleted_at IS NOT NULL");
      case INCLUDE -> {}
    }
    if (after != null) {
      String op = sort.direction() == Sort.Direction.ASC ? " > " : " < ";
      if (sort.field() == Sort.Field.ID) {
        c.next().append("a.id").append(op).param(int64(after.id()));
      } else {
        // The expanded form of (created_at, id) < (?, ?), led by the redundant bound
        // created_at <= ?, which is what lets H2 start the index range at the cursor instead of
        // at the top of the workspace: a deep page then costs what the first one does.
        Argument at = time(after.createdAt());
        String bound = sort.direction() == Sort.Direction.ASC ? " >= " : " <= ";
        c.next().append("a.created_at").append(bound).param(at);
        c.next().append("(a.created_at").append(op).param(at);
        out.append(" OR (a.created_at = ").param(at);
        out.append(" AND a.id").append(op).param(int64(after.id())).append("))");
      }
    }
  }

  private static void orderBy(BoundSql out, ActivityQuery q, Sort sort) {
    String dir = sort.direction() == Sort.Direction.ASC ? " ASC" : " DESC";
    out.append(" ORDER BY ");
    if (sort.field() == Sort.Field.DATE_CREATED) {
      if (q.workspaceGroupIds().size() == 1) {
        // Ascending like the index's leading column: the column is fixed, so its direction
        // changes nothing in the result, but H2 matches the index only column by column.
        out.append("a.workspace_group_id, ");
      }
      out.append("a.created_at").append(dir).append(", ");
    }
    out.append("a.id").append(dir);
  }

  /**
   * {@return placeholders for a list of values, as in {@code IN (:p0, :p1)}}
   *
   * @param out the statement
   * @param values the values, at least one
   * @param argument how to bind each
   * @param <T> the value type
   */
  public static <T> BoundSql list(
      BoundSql out, Collection<T> values, Function<? super T, Argument> argument) {
    out.append("(");
    boolean first = true;
    for (T v : values) {
      if (!first) {
        out.append(", ");
      }
      out.param(argument.apply(v));
      first = false;
    }
    return out.append(")");
  }

  /** Joins conditions with WHERE and AND. */
  private static final class Conditions {
    private final BoundSql out;
    private boolean any;

    Conditions(BoundSql out) {
      this.out = out;
    }

    BoundSql next() {
      out.append(any ? " AND " : " WHERE ");
      any = true;
      return out;
    }

    <T> void in(String column, Collection<T> values, Function<? super T, Argument> argument) {
      if (values.isEmpty()) {
        return;
      }
      if (values.size() == 1) {
        next().append(column).append(" = ").param(argument.apply(values.iterator().next()));
      } else {
        list(next().append(column).append(" IN "), values, argument);
      }
    }
  }
}
