package org.activitylog.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.activitylog.api.ActivityKind;
import org.activitylog.spi.PurgeCriteria;
import org.jspecify.annotations.Nullable;

/**
 * How long a host keeps its activities: a default age, and ages per activity type, per workspace
 * group and per type within a group. "Keep viewed events 30 days and everything else 2 years; group
 * 7 keeps 5 years":
 *
 * <pre>{@code
 * RetentionPolicy policy = RetentionPolicy.builder()
 *     .keepByDefault(Duration.ofDays(730))
 *     .keep(ActivityType.RESOURCE_VIEWED, Duration.ofDays(30))
 *     .keepInGroup(7, Duration.ofDays(1826))
 *     .build();
 * }</pre>
 *
 * <p><b>Precedence: the most specific rule wins.</b> Each activity is governed by exactly one rule:
 * the rule for its type in its workspace group if there is one; else its group's rule; else its
 * type's rule; else the default; with none of these it is kept forever. A group's rule comes before
 * a type's because a group's retention is usually a promise to one tenant (its plan, a legal hold)
 * that a general rule about a type must not break; in the example a viewed event of group 7 is kept
 * 5 years, and {@code keep(RESOURCE_VIEWED, 7, Duration.ofDays(30))} would say otherwise for that
 * group alone. Precedence does not compare ages: a more specific rule governs its activities
 * whether it keeps them longer or shorter than a broader one would.
 *
 * <p>{@link #purgesAt(Instant)} turns the rules into exact purge criteria: each rule's purge
 * excludes the activities a more specific rule governs, so a longer rule for a group or a type is
 * never cut short by the default's purge. The ages are measured from the activities' creation times
 * to the instant the purge is computed for; types are compared by {@link ActivityKind#code() code},
 * groups are the owning {@code workspace_group_id}.
 *
 * <p>The policy lives in the facade's module, not in the model: it is a host's configuration of the
 * {@link RetentionJob}, which backends never see; what reaches a backend is {@link PurgeCriteria}.
 *
 * @param rules the rules, in the order they were given, at most one per scope; not empty
 */
public record RetentionPolicy(List<Rule> rules) {

  /** The earliest cutoff a purge is given: no activity is older than the model's first year. */
  private static final Instant NOTHING_OLDER = Instant.parse("0001-01-01T00:00:00Z");

  /** What a rule applies to; listed from the most specific, which wins, to the default. */
  public enum Scope {
    /** One type within one workspace group. */
    TYPE_IN_GROUP,
    /** Every activity of one workspace group. */
    GROUP,
    /** Every activity of one type. */
    TYPE,
    /** Every activity no other rule governs. */
    DEFAULT
  }

  /**
   * How long the activities of a scope are kept.
   *
   * @param type the type it applies to, compared by code, or null for every type
   * @param workspaceGroupId the owning workspace group it applies to, or null for every group
   * @param keep how long after its creation an activity is kept; positive
   */
  public record Rule(@Nullable ActivityKind type, @Nullable Long workspaceGroupId, Duration keep) {

    /**
     * Checks the age.
     *
     * @param type the type it applies to, or null for every type
     * @param workspaceGroupId the owning workspace group it applies to, or null for every group
     * @param keep how long after its creation an activity is kept
     * @throws IllegalArgumentException when the age is not positive
     */
    public Rule {
      Objects.requireNonNull(keep, "keep");
      if (keep.isNegative() || keep.isZero()) {
        throw new IllegalArgumentException("a retention age must be positive; was " + keep);
      }
    }

    /** {@return what the rule applies to} */
    public Scope scope() {
      if (type != null) {
        return workspaceGroupId != null ? Scope.TYPE_IN_GROUP : Scope.TYPE;
      }
      return workspaceGroupId != null ? Scope.GROUP : Scope.DEFAULT;
    }

    /**
     * {@return the first creation time this rule keeps, when measured at an instant}
     *
     * @param now the instant the ages are measured to
     */
    public Instant cutoffAt(Instant now) {
      Duration reach = Duration.between(NOTHING_OLDER, now);
      return keep.compareTo(reach) >= 0 ? NOTHING_OLDER : now.minus(keep);
    }

    /** The scope as a key: the type's code (not its instance) and the group. */
    private ScopeKey key() {
      return new ScopeKey(type == null ? null : type.code(), workspaceGroupId);
    }

    @Override
    public String toString() {
      String what =
          switch (scope()) {
            case TYPE_IN_GROUP ->
                Objects.requireNonNull(type).code() + " in group " + workspaceGroupId;
            case GROUP -> "group " + workspaceGroupId;
            case TYPE -> Objects.requireNonNull(type).code();
            case DEFAULT -> "default";
          };
      return what + ": keep " + keep;
    }
  }

  /** A rule's scope compared by type code, so two instances of one type are one scope. */
  private record ScopeKey(@Nullable String typeCode, @Nullable Long workspaceGroupId) {}

  /**
   * One purge a policy asks for: the rule it applies and the exact criteria of the activities that
   * rule governs and has outlived.
   *
   * @param rule the rule
   * @param criteria what to delete
   */
  public record Purge(Rule rule, PurgeCriteria criteria) {}

  /**
   * Copies the rules and checks that no two share a scope.
   *
   * @param rules the rules
   * @throws IllegalArgumentException when there is no rule, or two rules for one scope (one type,
   *     compared by code, one group, one type in one group, or two defaults)
   */
  public RetentionPolicy {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException(
          "a retention policy needs at least one rule; without one, nothing is ever purged");
    }
    Map<ScopeKey, Rule> seen = new LinkedHashMap<>();
    for (Rule rule : rules) {
      Rule earlier = seen.putIfAbsent(rule.key(), rule);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "two retention rules for one scope: " + earlier + " and " + rule);
      }
    }
  }

  /** {@return a builder of a policy} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the rule that governs the activities of a type in a workspace group, by the precedence
   * above, or empty when none does and they are kept forever}
   *
   * @param type the activities' type, compared by code
   * @param workspaceGroupId their owning workspace group
   */
  public Optional<Rule> ruleFor(ActivityKind type, long workspaceGroupId) {
    Objects.requireNonNull(type, "type");
    Rule best = null;
    for (Rule rule : rules) {
      ActivityKind ruleType = rule.type();
      Long ruleGroup = rule.workspaceGroupId();
      boolean applies =
          (ruleType == null || ruleType.sameCode(type))
              && (ruleGroup == null || ruleGroup == workspaceGroupId);
      if (applies && (best == null || rule.scope().compareTo(best.scope()) < 0)) {
        best = rule;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * {@return the purges that apply this policy at an instant: for each rule, criteria that match
   * exactly the activities it governs and that are older than its age} Criteria of different rules
   * never match the same activity. The default's activities may take several criteria (one per
   * group that has only type-in-group rules, and one for the rest), all reported as the default's.
   *
   * @param now the instant ages are measured to
   */
  public List<Purge> purgesAt(Instant now) {
    Objects.requireNonNull(now, "now");
    Map<String, ActivityKind> typeRuleTypes = new LinkedHashMap<>();
    Set<Long> groupRuleGroups = new LinkedHashSet<>();
    Map<Long, List<ActivityKind>> pairTypesByGroup = new LinkedHashMap<>();
    Map<String, Set<Long>> pairGroupsByType = new LinkedHashMap<>();
    for (Rule rule : rules) {
      ActivityKind type = rule.type();
      Long group = rule.workspaceGroupId();
      switch (rule.scope()) {
        case TYPE -> typeRuleTypes.put(Objects.requireNonNull(type).code(), type);
        case GROUP -> groupRuleGroups.add(Objects.requireNonNull(group));
        case TYPE_IN_GROUP -> {
          ActivityKind t = Objects.requireNonNull(type);
          long g = Objects.requireNonNull(group);
          pairTypesByGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(t);
          pairGroupsByType.computeIfAbsent(t.code(), k -> new LinkedHashSet<>()).add(g);
        }
        case DEFAULT -> {}
      }
    }
    List<Purge> purges = new ArrayList<>();
    for (Rule rule : rules) {
      ActivityKind type = rule.type();
      Long group = rule.workspaceGroupId();
      PurgeCriteria.Builder c = PurgeCriteria.builder(rule.cutoffAt(now));
      switch (rule.scope()) {
        case TYPE_IN_GROUP ->
            purges.add(
                new Purge(
                    rule,
                    c.type(Objects.requireNonNull(type))
                        .workspaceGroupId(Objects.requireNonNull(group))
                        .build()));
        case GROUP -> {
          long g = Objects.requireNonNull(group);
          purges.add(
              new Purge(
                  rule,
                  c.workspaceGroupId(g)
                      .excludeTypes(pairTypesByGroup.getOrDefault(g, List.of()))
                      .build()));
        }
        case TYPE -> {
          ActivityKind t = Objects.requireNonNull(type);
          purges.add(
              new Purge(
                  rule,
                  c.type(t)
                      .excludeWorkspaceGroupIds(groupRuleGroups)
                      .excludeWorkspaceGroupIds(pairGroupsByType.getOrDefault(t.code(), Set.of()))
                      .build()));
        }
        case DEFAULT ->
            purges.addAll(
                defaultPurges(
                    rule, now, typeRuleTypes.values(), groupRuleGroups, pairTypesByGroup));
      }
    }
    return List.copyOf(purges);
  }

  /**
   * The default's purges: a group that only type-in-group rules name is purged on its own, without
   * those types; every other group without the groups and types that have rules of their own.
   */
  private static List<Purge> defaultPurges(
      Rule rule,
      Instant now,
      Collection<ActivityKind> typeRuleTypes,
      Set<Long> groupRuleGroups,
      Map<Long, List<ActivityKind>> pairTypesByGroup) {
    List<Purge> purges = new ArrayList<>();
    Instant cutoff = rule.cutoffAt(now);
    for (Map.Entry<Long, List<ActivityKind>> pairGroup : pairTypesByGroup.entrySet()) {
      if (!groupRuleGroups.contains(pairGroup.getKey())) {
        purges.add(
            new Purge(
                rule,
                PurgeCriteria.builder(cutoff)
                    .workspaceGroupId(pairGroup.getKey())
                    .excludeTypes(typeRuleTypes)
                    .excludeTypes(pairGroup.getValue())
                    .build()));
      }
    }
    purges.add(
        new Purge(
            rule,
            PurgeCriteria.builder(cutoff)
                .excludeTypes(typeRuleTypes)
                .excludeWorkspaceGroupIds(groupRuleGroups)
                .excludeWorkspaceGroupIds(pairTypesByGroup.keySet())
                .build()));
    return purges;
  }

  /** Builds a {@link RetentionPolicy}. Not thread-safe. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();

    private Builder() {}

    /**
     * Keeps every activity no other rule governs for an age.
     *
     * @param age how long after its creation an activity is kept; positive
     * @return this builder
     */
    public Builder keepByDefault(Duration age) {
      rules.add(new Rule(null, null, age));
      return this;
    }

    /**
     * Keeps the activities of a type for an age, except in groups with a rule of their own.
     *
     * @param type the type, compared by code
     * @param age how long after its creation an activity is kept; positive
     * @return this builder
     */
    public Builder keep(ActivityKind type, Duration age) {
      rules.add(new Rule(Objects.requireNonNull(type, "type"), null, age));
      return this;
    }

    /**
     * Keeps the activities of a workspace group for an age, except types with a rule for that
     * group.
     *
     * @param workspaceGroupId the owning workspace group
     * @param age how long after its creation an activity is kept; positive
     * @return this builder
     */
    public Builder keepInGroup(long workspaceGroupId, Duration age) {
      rules.add(new Rule(null, workspaceGroupId, age));
      return this;
    }

    /**
     * Keeps the activities of a type in a workspace group for an age: the most specific rule.
     *
     * @param type the type, compared by code
     * @param workspaceGroupId the owning workspace group
     * @param age how long after its creation an activity is kept; positive
     * @return this builder
     */
    public Builder keep(ActivityKind type, long workspaceGroupId, Duration age) {
      rules.add(new Rule(Objects.requireNonNull(type, "type"), workspaceGroupId, age));
      return this;
    }

    /**
     * {@return the policy}
     *
     * @throws IllegalArgumentException when no rule was given, or two for one scope
     */
    public RetentionPolicy build() {
      return new RetentionPolicy(rules);
    }
  }
}
