package org.activitylog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UnknownActivityType;
import org.activitylog.api.UserSimple;
import org.activitylog.core.RetentionPolicy.Purge;
import org.activitylog.core.RetentionPolicy.Rule;
import org.activitylog.core.RetentionPolicy.Scope;
import org.activitylog.spi.StoredActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The policy's own rules, which no store can break: precedence, the exactness of the purges it asks
 * for, and its validation. What a store does with the purges is the testkit's Retention group.
 */
@DisplayName("RetentionPolicy")
class RetentionPolicyTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<ActivityKind> TYPES =
      List.of(ActivityType.RESOURCE_VIEWED, ActivityType.USER_LOGIN, ActivityType.GAME_WON);
  private static final List<Long> GROUPS = List.of(1L, 2L, 3L, 4L);

  /** If this fails, check {@link RetentionPolicy#ruleFor}'s order of scopes. */
  @Test
  @DisplayName(
      "The most specific rule governs: a type in a group, then the group, then the type, then the"
          + " default; with none, nothing")
  void precedence() {
    RetentionPolicy policy =
        RetentionPolicy.builder()
            .keepByDefault(Duration.ofDays(730))
            .keep(ActivityType.RESOURCE_VIEWED, Duration.ofDays(30))
            .keepInGroup(7, Duration.ofDays(1826))
            .keep(ActivityType.RESOURCE_VIEWED, 8, Duration.ofDays(90))
            .build();

    assertThat(scopeFor(policy, ActivityType.RESOURCE_VIEWED, 1)).contains(Scope.TYPE);
    assertThat(scopeFor(policy, ActivityType.USER_LOGIN, 1)).contains(Scope.DEFAULT);
    assertThat(scopeFor(policy, ActivityType.RESOURCE_VIEWED, 7)).contains(Scope.GROUP);
    assertThat(scopeFor(policy, ActivityType.RESOURCE_VIEWED, 8)).contains(Scope.TYPE_IN_GROUP);
    assertThat(scopeFor(policy, ActivityType.USER_LOGIN, 8)).contains(Scope.DEFAULT);
    assertThat(scopeFor(policy, new UnknownActivityType("500"), 1))
        .as("a type is matched by its code")
        .contains(Scope.TYPE);
    RetentionPolicy noDefault =
        RetentionPolicy.builder().keep(ActivityType.RESOURCE_VIEWED, Duration.ofDays(30)).build();
    assertThat(noDefault.ruleFor(ActivityType.USER_LOGIN, 1)).as("no rule applies").isEmpty();
  }

  /**
   * If this fails, the criteria {@link RetentionPolicy#purgesAt} builds for some policy let two
   * rules' purges reach one activity, or let a rule's purge reach an activity another rule governs:
   * the failure names the policy, the activity and the purges that matched it.
   */
  @Test
  @DisplayName(
      "For every policy, exactly the purge of the rule that governs an activity matches it, at"
          + " that rule's cutoff")
  void purgesArePrecise() {
    Random random = new Random(20261206L);
    for (int run = 0; run < 2000; run++) {
      RetentionPolicy policy = randomPolicy(random);
      List<Purge> purges = policy.purgesAt(NOW);
      for (ActivityKind type : TYPES) {
        for (long group : GROUPS) {
          Optional<Rule> governing = policy.ruleFor(type, group);
          Activity ancient = activity(type, group, Instant.parse("0001-01-02T00:00:00Z"));
          List<Purge> matching =
              purges.stream().filter(p -> p.criteria().matches(ancient)).toList();
          if (governing.isEmpty()) {
            assertThat(matching).as("purges of %s in %s under %s", type, group, policy).isEmpty();
            continue;
          }
          assertThat(matching)
              .as("purges of %s in %s under %s", type, group, policy)
              .extracting(Purge::rule)
              .containsOnly(governing.get())
              .hasSize(1);
          Instant cutoff = governing.get().cutoffAt(NOW);
          assertThat(matching.get(0).criteria().createdBefore()).isEqualTo(cutoff);
          assertThat(matching.get(0).criteria().matches(activity(type, group, cutoff)))
              .as("the activity created at the cutoff of %s", governing.get())
              .isFalse();
        }
      }
    }
  }

  /** If this fails, check the duplicate check of the policy's constructor. */
  @Test
  @DisplayName(
      "A policy refuses two rules for one scope, a type compared by its code, and a policy with no"
          + " rule")
  void refusesDuplicatesAndEmptiness() {
    assertThatThrownBy(
            () ->
                RetentionPolicy.builder()
                    .keep(ActivityType.RESOURCE_VIEWED, Duration.ofDays(1))
                    .keep(new UnknownActivityType("500"), Duration.ofDays(2))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two retention rules for one scope");
    assertThatThrownBy(
            () ->
                RetentionPolicy.builder()
                    .keepInGroup(7, Duration.ofDays(1))
                    .keepInGroup(7, Duration.ofDays(2))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                RetentionPolicy.builder()
                    .keepByDefault(Duration.ofDays(1))
                    .keepByDefault(Duration.ofDays(2))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetentionPolicy.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one rule");
  }

  /** If this fails, check {@link Rule}'s check of its age. */
  @Test
  @DisplayName("A rule's age must be positive")
  void agesArePositive() {
    assertThatThrownBy(() -> RetentionPolicy.builder().keepByDefault(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetentionPolicy.builder().keepInGroup(1, Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** If this fails, check {@link Rule#cutoffAt}'s floor. */
  @Test
  @DisplayName("An age longer than the model's history gives a cutoff that purges nothing")
  void hugeAgesPurgeNothing() {
    Rule forever = new Rule(null, null, Duration.ofDays(365L * 1_000_000));

    assertThat(forever.cutoffAt(NOW)).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(new Rule(null, null, Duration.ofDays(1)).cutoffAt(NOW))
        .isEqualTo(NOW.minus(Duration.ofDays(1)));
  }

  private static Optional<Scope> scopeFor(RetentionPolicy policy, ActivityKind type, long group) {
    return policy.ruleFor(type, group).map(Rule::scope);
  }

  private static RetentionPolicy randomPolicy(Random random) {
    List<Rule> rules = new ArrayList<>();
    if (random.nextBoolean()) {
      rules.add(new Rule(null, null, age(random)));
    }
    for (ActivityKind type : TYPES) {
      if (random.nextInt(3) == 0) {
        rules.add(new Rule(type, null, age(random)));
      }
      for (long group : GROUPS) {
        if (random.nextInt(5) == 0) {
          rules.add(new Rule(type, group, age(random)));
        }
      }
    }
    for (long group : GROUPS) {
      if (random.nextInt(3) == 0) {
        rules.add(new Rule(null, group, age(random)));
      }
    }
    if (rules.isEmpty()) {
      rules.add(new Rule(null, 1L, age(random)));
    }
    Collections.shuffle(rules, random);
    return new RetentionPolicy(rules);
  }

  private static Duration age(Random random) {
    return Duration.ofDays(1 + random.nextInt(1000));
  }

  private static Activity activity(ActivityKind type, long group, Instant createdAt) {
    return StoredActivities.created(
        1,
        NewActivity.builder(type, UserSimple.of(42, "someone", "someone@example.com"))
            .uid(UUID.randomUUID())
            .workspaceGroupId(group)
            .createdAt(createdAt)
            .build());
  }
}
