package org.activitylog.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Which activities a purge deletes for good: those created in {@code [createdFrom, createdBefore)},
 * soft-deleted or not, whose type and owning workspace group pass both the inclusion and the
 * exclusion sets. An empty inclusion set includes everything, as an empty filter of {@link
 * org.activitylog.api.ActivityQuery} does; an exclusion wins over an inclusion. Exclusions let a
 * short rule purge around the rows a longer one keeps: "everything after 2 years, but not group 7".
 *
 * <p>Types are compared by {@link ActivityKind#code() code}; groups are the owning {@code
 * workspace_group_id}, never the derived {@code workspace_group}. Times are kept to microseconds,
 * the model's precision.
 *
 * @param createdBefore the cutoff: only activities created strictly before it are deleted
 * @param createdFrom when not null, only activities created at or after it are deleted; a purge
 *     moves it forward batch by batch, so that no batch reads again what an earlier one skipped
 * @param typeCodes the codes of the types to delete; empty for every type
 * @param excludedTypeCodes the codes of types never deleted
 * @param workspaceGroupIds the owning groups whose activities to delete; empty for every group
 * @param excludedWorkspaceGroupIds the owning groups whose activities are never deleted
 */
public record PurgeCriteria(
    Instant createdBefore,
    @Nullable Instant createdFrom,
    Set<String> typeCodes,
    Set<String> excludedTypeCodes,
    Set<Long> workspaceGroupIds,
    Set<Long> excludedWorkspaceGroupIds) {

  /**
   * Copies the sets, checks the codes and truncates the times to microseconds.
   *
   * @param createdBefore the cutoff: only activities created strictly before it are deleted
   * @param createdFrom when not null, only activities created at or after it are deleted
   * @param typeCodes the codes of the types to delete; empty for every type
   * @param excludedTypeCodes the codes of types never deleted
   * @param workspaceGroupIds the owning groups whose activities to delete; empty for every group
   * @param excludedWorkspaceGroupIds the owning groups whose activities are never deleted
   * @throws org.activitylog.api.ValidationException naming {@code cutoff} when it is missing, or
   *     {@code activity_type} for a code no backend can store
   */
  public PurgeCriteria {
    createdBefore = Objects.requireNonNull(Checks.micros(Checks.required("cutoff", createdBefore)));
    createdFrom = Checks.micros(createdFrom);
    typeCodes = Set.copyOf(typeCodes);
    excludedTypeCodes = Set.copyOf(excludedTypeCodes);
    workspaceGroupIds = Set.copyOf(workspaceGroupIds);
    excludedWorkspaceGroupIds = Set.copyOf(excludedWorkspaceGroupIds);
    typeCodes.forEach(ActivityKind::checkCode);
    excludedTypeCodes.forEach(ActivityKind::checkCode);
  }

  /**
   * {@return criteria that match every activity created strictly before a cutoff, in every group}
   *
   * @param cutoff the first creation time that is kept
   */
  public static PurgeCriteria createdBefore(Instant cutoff) {
    return builder(cutoff).build();
  }

  /**
   * Starts criteria with a cutoff and no other condition.
   *
   * @param cutoff the first creation time that is kept
   * @return a new builder
   */
  public static Builder builder(Instant cutoff) {
    return new Builder(cutoff);
  }

  /**
   * {@return these criteria starting at a creation time: the lower bound moves to {@code from} when
   * that is later than the one they have} The purge loop calls it with the newest creation time a
   * batch deleted.
   *
   * @param from the earliest creation time still to delete
   */
  public PurgeCriteria startingAt(Instant from) {
    Objects.requireNonNull(from, "from");
    Instant bound = createdFrom == null || from.isAfter(createdFrom) ? from : createdFrom;
    return new PurgeCriteria(
        createdBefore,
        bound,
        typeCodes,
        excludedTypeCodes,
        workspaceGroupIds,
        excludedWorkspaceGroupIds);
  }

  /** {@return whether the time bounds leave no instant, so that the criteria match nothing} */
  public boolean hasEmptyTimeRange() {
    return createdFrom != null && !createdFrom.isBefore(createdBefore);
  }

  /**
   * {@return whether an activity is one these criteria delete}
   *
   * @param activity the activity, soft-deleted or not
   */
  public boolean matches(Activity activity) {
    Instant created = activity.createdAt();
    String code = activity.type().code();
    long group = activity.workspaceGroupId();
    return created.isBefore(createdBefore)
        && (createdFrom == null || !created.isBefore(createdFrom))
        && (typeCodes.isEmpty() || typeCodes.contains(code))
        && !excludedTypeCodes.contains(code)
        && (workspaceGroupIds.isEmpty() || workspaceGroupIds.contains(group))
        && !excludedWorkspaceGroupIds.contains(group);
  }

  /** Builds {@link PurgeCriteria}. Not thread-safe. */
  public static final class Builder {
    private final Instant createdBefore;
    private @Nullable Instant createdFrom;
    private final Set<String> typeCodes = new LinkedHashSet<>();
    private final Set<String> excludedTypeCodes = new LinkedHashSet<>();
    private final Set<Long> workspaceGroupIds = new LinkedHashSet<>();
    private final Set<Long> excludedWorkspaceGroupIds = new LinkedHashSet<>();

    private Builder(Instant createdBefore) {
      this.createdBefore = Checks.required("cutoff", createdBefore);
    }

    /**
     * Deletes only activities created at or after an instant.
     *
     * @param from the earliest creation time to delete
     * @return this builder
     */
    public Builder createdFrom(Instant from) {
      this.createdFrom = Checks.required("created_from", from);
      return this;
    }

    /**
     * Deletes activities of this type (adds to the types already given).
     *
     * @param type the type, compared by code
     * @return this builder
     */
    public Builder type(ActivityKind type) {
      typeCodes.add(Checks.required("activity_type", type).code());
      return this;
    }

    /**
     * Deletes activities of these types (adds to the types already given).
     *
     * @param types the types, compared by code
     * @return this builder
     */
    public Builder types(Collection<? extends ActivityKind> types) {
      types.forEach(this::type);
      return this;
    }

    /**
     * Never deletes activities of this type.
     *
     * @param type the type, compared by code
     * @return this builder
     */
    public Builder excludeType(ActivityKind type) {
      excludedTypeCodes.add(Checks.required("activity_type", type).code());
      return this;
    }

    /**
     * Never deletes activities of these types.
     *
     * @param types the types, compared by code
     * @return this builder
     */
    public Builder excludeTypes(Collection<? extends ActivityKind> types) {
      types.forEach(this::excludeType);
      return this;
    }

    /**
     * Deletes activities owned by this workspace group (adds to the groups already given).
     *
     * @param group the owning {@code workspace_group_id}
     * @return this builder
     */
    public Builder workspaceGroupId(long group) {
      workspaceGroupIds.add(group);
      return this;
    }

    /**
     * Deletes activities owned by these workspace groups (adds to the groups already given).
     *
     * @param groups the owning groups
     * @return this builder
     */
    public Builder workspaceGroupIds(Collection<Long> groups) {
      workspaceGroupIds.addAll(groups);
      return this;
    }

    /**
     * Never deletes activities owned by this workspace group.
     *
     * @param group the owning {@code workspace_group_id}
     * @return this builder
     */
    public Builder excludeWorkspaceGroupId(long group) {
      excludedWorkspaceGroupIds.add(group);
      return this;
    }

    /**
     * Never deletes activities owned by these workspace groups.
     *
     * @param groups the owning groups
     * @return this builder
     */
    public Builder excludeWorkspaceGroupIds(Collection<Long> groups) {
      excludedWorkspaceGroupIds.addAll(groups);
      return this;
    }

    /** {@return the criteria} */
    public PurgeCriteria build() {
      return new PurgeCriteria(
          createdBefore,
          createdFrom,
          typeCodes,
          excludedTypeCodes,
          workspaceGroupIds,
          excludedWorkspaceGroupIds);
    }
  }
}
