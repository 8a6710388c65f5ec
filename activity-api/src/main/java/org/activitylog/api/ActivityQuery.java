package org.activitylog.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.activitylog.api.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Which activities a listing, count or scan returns. Every filter given must match (AND); within
 * one filter any listed value may match (OR). An empty set means the filter is not applied.
 *
 * @param ids match these numeric ids
 * @param uids match these uids (Brightidea's activity {@code id})
 * @param types match these types, compared by {@link ActivityKind#code()}
 * @param actors match activities of these actors
 * @param workspaceGroupIds match activities owned by these workspace groups: their {@code
 *     workspace_group_id}, never the derived {@code workspace_group}
 * @param campaignIds match activities of these campaigns
 * @param createdFrom match activities created at or after this instant
 * @param createdBefore match activities created strictly before this instant
 * @param followedBy match activities of the actors this actor follows
 * @param deleted whether soft-deleted activities are excluded (the default), included or the only
 *     ones
 */
public record ActivityQuery(
    Set<Long> ids,
    Set<UUID> uids,
    Set<ActivityKind> types,
    Set<ActorRef> actors,
    Set<Long> workspaceGroupIds,
    Set<UUID> campaignIds,
    @Nullable Instant createdFrom,
    @Nullable Instant createdBefore,
    @Nullable ActorRef followedBy,
    DeletedFilter deleted) {

  /** Every activity that is not soft-deleted. */
  public static final ActivityQuery ALL = builder().build();

  /** How soft-deleted activities are treated. */
  public enum DeletedFilter {
    /** Only activities that are not soft-deleted: the default. */
    EXCLUDE,
    /** Soft-deleted activities too. */
    INCLUDE,
    /** Only soft-deleted activities. */
    ONLY
  }

  /**
   * Copies the sets and normalises the time bounds to microseconds.
   *
   * @param ids match these numeric ids
   * @param uids match these uids (Brightidea's activity {@code id})
   * @param types match these types, compared by {@link ActivityKind#code()}
   * @param actors match activities of these actors
   * @param workspaceGroupIds match activities owned by these workspace groups
   * @param campaignIds match activities of these campaigns
   * @param createdFrom match activities created at or after this instant
   * @param createdBefore match activities created strictly before this instant
   * @param followedBy match activities of the actors this actor follows
   * @param deleted whether soft-deleted activities are excluded (the default), included or the only
   *     ones
   */
  public ActivityQuery {
    ids = Set.copyOf(ids);
    uids = Set.copyOf(uids);
    types = Set.copyOf(types);
    actors = Set.copyOf(actors);
    workspaceGroupIds = Set.copyOf(workspaceGroupIds);
    campaignIds = Set.copyOf(campaignIds);
    createdFrom = Checks.micros(createdFrom);
    createdBefore = Checks.micros(createdBefore);
    Checks.required("deleted", deleted);
  }

  /**
   * Starts a query that matches every activity that is not soft-deleted.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this query's filters, to narrow it further} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ids.addAll(ids);
    b.uids.addAll(uids);
    b.types.addAll(types);
    b.actors.addAll(actors);
    b.workspaceGroupIds.addAll(workspaceGroupIds);
    b.campaignIds.addAll(campaignIds);
    b.createdFrom = createdFrom;
    b.createdBefore = createdBefore;
    b.followedBy = followedBy;
    b.deleted = deleted;
    return b;
  }

  /** Collects filters; each call narrows the query. */
  public static final class Builder {
    private final Set<Long> ids = new LinkedHashSet<>();
    private final Set<UUID> uids = new LinkedHashSet<>();
    private final Set<ActivityKind> types = new LinkedHashSet<>();
    private final Set<ActorRef> actors = new LinkedHashSet<>();
    private final Set<Long> workspaceGroupIds = new LinkedHashSet<>();
    private final Set<UUID> campaignIds = new LinkedHashSet<>();
    private @Nullable Instant createdFrom;
    private @Nullable Instant createdBefore;
    private @Nullable ActorRef followedBy;
    private DeletedFilter deleted = DeletedFilter.EXCLUDE;

    private Builder() {}

    /**
     * Matches only these ids.
     *
     * @param values the ids
     * @return this builder
     */
    public Builder ids(Collection<Long> values) {
      ids.addAll(values);
      return this;
    }

    /**
     * Matches only this id.
     *
     * @param value the id
     * @return this builder
     */
    public Builder id(long value) {
      ids.add(value);
      return this;
    }

    /**
     * Matches only this uid.
     *
     * @param value the uid
     * @return this builder
     */
    public Builder uid(UUID value) {
      uids.add(Checks.required("uid", value));
      return this;
    }

    /**
     * Matches only these types.
     *
     * @param values the types
     * @return this builder
     */
    public Builder types(Collection<? extends ActivityKind> values) {
      types.addAll(values);
      return this;
    }

    /**
     * Matches only this type (more calls add more types).
     *
     * @param value the type
     * @return this builder
     */
    public Builder type(ActivityKind value) {
      types.add(Checks.required("type", value));
      return this;
    }

    /**
     * Matches only activities of this actor (more calls add more actors).
     *
     * @param value the actor
     * @return this builder
     */
    public Builder actor(ActorRef value) {
      actors.add(Checks.required("actor", value));
      return this;
    }

    /**
     * Matches only activities owned by these workspace groups.
     *
     * @param values the workspace group ids
     * @return this builder
     */
    public Builder workspaceGroupIds(Collection<Long> values) {
      workspaceGroupIds.addAll(values);
      return this;
    }

    /**
     * Matches only activities owned by this workspace group (more calls add more groups).
     *
     * @param value the workspace group id
     * @return this builder
     */
    public Builder workspaceGroupId(long value) {
      workspaceGroupIds.add(value);
      return this;
    }

    /**
     * Matches only activities of this campaign (more calls add more campaigns).
     *
     * @param value the campaign id
     * @return this builder
     */
    public Builder campaign(UUID value) {
      campaignIds.add(Checks.required("campaign_id", value));
      return this;
    }

    /**
     * Matches only activities created in {@code [from, before)}; either bound may be null. Narrows
     * any range already set.
     *
     * @param from the inclusive lower bound
     * @param before the exclusive upper bound
     * @return this builder
     */
    public Builder createdBetween(@Nullable Instant from, @Nullable Instant before) {
      if (from != null && (createdFrom == null || from.isAfter(createdFrom))) {
        createdFrom = from;
      }
      if (before != null && (createdBefore == null || before.isBefore(createdBefore))) {
        createdBefore = before;
      }
      return this;
    }

    /**
     * Brightidea's {@code date_created}: only activities created on this calendar day in this time
     * zone, from its first instant up to, not including, the next day's first instant (23 or 25
     * hours on a daylight-saving change).
     *
     * @param date the day
     * @param zone the zone the day is in
     * @return this builder
     */
    public Builder createdOn(LocalDate date, ZoneId zone) {
      return createdBetween(
          date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Brightidea's {@code following=1}: only activities of the actors this actor follows.
     *
     * @param follower the follower
     * @return this builder
     */
    public Builder followedBy(ActorRef follower) {
      followedBy = Checks.required("following", follower);
      return this;
    }

    /**
     * Sets how soft-deleted activities are treated.
     *
     * @param value the treatment
     * @return this builder
     */
    public Builder deleted(DeletedFilter value) {
      deleted = Checks.required("deleted", value);
      return this;
    }

    /**
     * Builds the query.
     *
     * @return a new query
     */
    public ActivityQuery build() {
      return new ActivityQuery(
          ids,
          uids,
          types,
          actors,
          workspaceGroupIds,
          campaignIds,
          createdFrom,
          createdBefore,
          followedBy,
          deleted);
    }
  }
}
