package org.activitylog.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one run of a {@link RetentionJob} did: when it ran, how it ended, and what each rule of the
 * policy removed.
 *
 * @param startedAt when the run began, by the job's clock; the ages of the rules are measured to it
 * @param finishedAt when it ended
 * @param outcome how it ended
 * @param rules what each rule removed, in the policy's order; empty when the run was skipped
 * @param failure what made a {@link Outcome#FAILED failed} run fail, or null
 */
public record RetentionReport(
    Instant startedAt,
    Instant finishedAt,
    Outcome outcome,
    List<RuleResult> rules,
    @Nullable String failure) {

  /** How a run ended. */
  public enum Outcome {
    /** Every rule's purge ran to its end. */
    COMPLETED,
    /** Another holder (another node) had the job's lease: nothing was done. */
    SKIPPED,
    /** The running thread was interrupted; the purges stopped between two batches. */
    STOPPED,
    /** The job lost its lease while it worked (it lapsed, or its session ended) and stopped. */
    LEASE_LOST,
    /** A purge failed; the figures are those of the batches done before. */
    FAILED
  }

  /**
   * What one rule removed in a run.
   *
   * @param rule the rule
   * @param cutoff the first creation time it kept: the run's start minus the rule's age
   * @param removed how many activities it removed
   * @param batches how many batches its purges ran
   */
  public record RuleResult(RetentionPolicy.Rule rule, Instant cutoff, long removed, long batches) {

    /**
     * Checks the result.
     *
     * @param rule the rule
     * @param cutoff the first creation time it kept
     * @param removed how many activities it removed
     * @param batches how many batches its purges ran
     */
    public RuleResult {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(cutoff, "cutoff");
    }
  }

  /**
   * Copies the rule results.
   *
   * @param startedAt when the run began
   * @param finishedAt when it ended
   * @param outcome how it ended
   * @param rules what each rule removed
   * @param failure what made a failed run fail, or null
   */
  public RetentionReport {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(outcome, "outcome");
    rules = List.copyOf(rules);
  }

  /** {@return how many activities the run removed, all rules together} */
  public long removed() {
    return rules.stream().mapToLong(RuleResult::removed).sum();
  }

  /** {@return how many purge batches the run ran, all rules together} */
  public long batches() {
    return rules.stream().mapToLong(RuleResult::batches).sum();
  }

  /** {@return whether the run did nothing because another node held the job's lease} */
  public boolean skipped() {
    return outcome == Outcome.SKIPPED;
  }
}
