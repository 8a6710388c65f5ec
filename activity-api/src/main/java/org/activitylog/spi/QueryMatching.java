package org.activitylog.spi;

import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Campaign;
import org.activitylog.api.Cursor;
import org.activitylog.api.Sort;
import org.jspecify.annotations.Nullable;

/**
 * Which activities the reads of {@link ActivityRepository} return and in which order, as {@link
 * ActivityQuery}, {@link Sort} and {@link Cursor} state it, written once: a backend that filters
 * and sorts in Java calls these, and one that does it in SQL must answer what they decide.
 */
public final class QueryMatching {

  private QueryMatching() {}

  /**
   * {@return whether a query's time bounds leave no instant: such a query matches nothing, and a
   * backend may answer without asking its store}
   *
   * @param query the query
   */
  public static boolean hasEmptyTimeRange(ActivityQuery query) {
    Instant from = query.createdFrom();
    Instant before = query.createdBefore();
    return from != null && before != null && !from.isBefore(before);
  }

  /**
   * Whether an activity matches every filter of a query: each filter given must match, any value of
   * a filter may; types compare by {@linkplain org.activitylog.api.ActivityKind#code() code},
   * workspace groups by the owning {@code workspace_group_id}. The {@link
   * ActivityQuery#followedBy()} filter needs the follow graph, so the caller passes whom that actor
   * follows.
   *
   * @param query the query
   * @param activity the activity to test
   * @param followed the actors the query's {@code followedBy} actor follows; an empty set when it
   *     is null
   * @return true when the activity belongs in the query's answer
   */
  public static boolean matches(ActivityQuery query, Activity activity, Set<ActorRef> followed) {
    Instant from = query.createdFrom();
    Instant before = query.createdBefore();
    Campaign campaign = activity.content().campaign();
    return (query.ids().isEmpty() || query.ids().contains(activity.id()))
        && (query.uids().isEmpty() || query.uids().contains(activity.uid()))
        && (query.types().isEmpty() || query.types().stream().anyMatch(activity.type()::sameCode))
        && (query.actors().isEmpty() || query.actors().contains(activity.actor().ref()))
        && (query.workspaceGroupIds().isEmpty()
            || query.workspaceGroupIds().contains(activity.workspaceGroupId()))
        && (query.campaignIds().isEmpty()
            || (campaign != null && query.campaignIds().contains(campaign.id())))
        && (from == null || !activity.createdAt().isBefore(from))
        && (before == null || activity.createdAt().isBefore(before))
        && (query.followedBy() == null || followed.contains(activity.actor().ref()))
        && switch (query.deleted()) {
          case EXCLUDE -> !activity.isDeleted();
          case INCLUDE -> true;
          case ONLY -> activity.isDeleted();
        };
  }

  /**
   * {@return the order of a sort as a comparator of activities: by id, or by creation time then id,
   * ascending or descending, so no two activities tie}
   *
   * @param sort the order
   */
  public static Comparator<Activity> comparator(Sort sort) {
    Comparator<Activity> ascending =
        sort.field() == Sort.Field.ID
            ? Comparator.comparingLong(Activity::id)
            : Comparator.comparing(Activity::createdAt).thenComparingLong(Activity::id);
    return sort.direction() == Sort.Direction.ASC ? ascending : ascending.reversed();
  }

  /**
   * Whether an activity comes strictly after a keyset position in a sort order, as {@link
   * ActivityRepository#listAfter} continues. The position is compared by value: the activity it was
   * taken from need not exist any more.
   *
   * @param activity the activity
   * @param cursor the position, or null for the start, which every activity comes after
   * @param sort the order
   * @return true when the activity belongs after the position
   */
  public static boolean isAfter(Activity activity, @Nullable Cursor cursor, Sort sort) {
    if (cursor == null) {
      return true;
    }
    int cmp;
    if (sort.field() == Sort.Field.ID) {
      cmp = Long.compare(activity.id(), cursor.id());
    } else {
      cmp = activity.createdAt().compareTo(cursor.createdAt());
      if (cmp == 0) {
        cmp = Long.compare(activity.id(), cursor.id());
      }
    }
    return sort.direction() == Sort.Direction.ASC ? cmp > 0 : cmp < 0;
  }
}
