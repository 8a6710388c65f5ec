package org.activitylog.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.activitylog.core.RetentionReport.Outcome;
import org.activitylog.core.RetentionReport.RuleResult;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.JobLease;
import org.activitylog.spi.PurgeResult;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link RetentionPolicy} to a store: each {@link #run()} deletes, rule by rule, the
 * activities that have outlived their rule, in batches of short transactions ({@link
 * ActivityRepository#purge}). Schedule it on every application node (every hour, say): a run first
 * takes the store's job lease ({@link ActivityStore#tryLease}), so only one node works at a time
 * and the others skip their run. A run renews its lease while it works and stops between two
 * batches when it loses it or when its thread is interrupted; since a purge keeps no state of its
 * own, the next run carries on with what is left, on whichever node gets the lease.
 *
 * <pre>{@code
 * RetentionJob job = RetentionJob.builder(store, policy).build();
 * scheduler.scheduleWithFixedDelay(job::run, 1, 60, TimeUnit.MINUTES);
 * RetentionReport last = job.lastReport().orElseThrow();
 * }</pre>
 *
 * <p>What a node that dies mid-run leaves: the batches it committed are gone, the one in flight is
 * rolled back whole, and its lease ends as the store's backend says (a lease row lapses after its
 * time to live; a PostgreSQL session lock ends with the connection), after which another node's run
 * takes over.
 *
 * <p>Thread-safe. Two runs of one job at once behave as two nodes: one of them is skipped.
 */
public final class RetentionJob {

  /** The lease a job takes unless told otherwise; every node of one application must share it. */
  public static final String DEFAULT_LEASE_NAME = "activitylog.retention";

  /** How long a lease lasts without renewal unless told otherwise. */
  public static final Duration DEFAULT_LEASE_TTL = Duration.ofMinutes(10);

  private final ActivityStore store;
  private final RetentionPolicy policy;
  private final Clock clock;
  private final int batchSize;
  private final String leaseName;
  private final Duration leaseTtl;
  private final AtomicReference<@Nullable RetentionReport> last = new AtomicReference<>();

  private RetentionJob(Builder b) {
    this.store = b.store;
    this.policy = b.policy;
    this.clock = b.clock;
    this.batchSize = b.batchSize;
    this.leaseName = b.leaseName;
    this.leaseTtl = b.leaseTtl;
  }

  /**
   * Starts configuring a job.
   *
   * @param store the store to purge
   * @param policy what to keep how long
   * @return a new builder
   */
  public static Builder builder(ActivityStore store, RetentionPolicy policy) {
    return new Builder(store, policy);
  }

  /** {@return the policy the job applies} */
  public RetentionPolicy policy() {
    return policy;
  }

  /** {@return the name of the lease the job takes} */
  public String leaseName() {
    return leaseName;
  }

  /** {@return the report of this job's last run on this node, skipped ones included} */
  public Optional<RetentionReport> lastReport() {
    return Optional.ofNullable(last.get());
  }

  /**
   * Runs the job once: takes the lease or reports the run skipped, then purges what each rule has
   * outlived, ages measured to the run's start.
   *
   * @return what the run did; also {@link #lastReport()} from now on
   * @throws org.activitylog.api.ActivityLogException when a purge fails; the report of the failed
   *     run, with what was removed before, is {@link #lastReport()}
   */
  public RetentionReport run() {
    Instant started = clock.instant();
    Optional<JobLease> taken = store.tryLease(leaseName, leaseTtl);
    if (taken.isEmpty()) {
      return remember(
          new RetentionReport(started, clock.instant(), Outcome.SKIPPED, List.of(), null));
    }
    Map<RetentionPolicy.Rule, Tally> tallies = new LinkedHashMap<>();
    for (RetentionPolicy.Rule rule : policy.rules()) {
      tallies.put(rule, new Tally(rule.cutoffAt(started)));
    }
    Outcome outcome = Outcome.COMPLETED;
    try (JobLease lease = taken.get()) {
      Renewal renewal = new Renewal(lease, started);
      for (RetentionPolicy.Purge purge : policy.purgesAt(started)) {
        Tally tally = Objects.requireNonNull(tallies.get(purge.rule()));
        PurgeResult result =
            store
                .activities()
                .purge(
                    purge.criteria(),
                    batchSize,
                    soFar -> {
                      tally.current = soFar;
                      return renewal.keep();
                    });
        tally.add(result);
        if (!result.complete()) {
          outcome = renewal.lost ? Outcome.LEASE_LOST : Outcome.STOPPED;
          break;
        }
      }
    } catch (RuntimeException e) {
      tallies.values().forEach(Tally::addCurrent);
      remember(report(started, Outcome.FAILED, tallies, e.toString()));
      throw e;
    }
    return remember(report(started, outcome, tallies, null));
  }

  private RetentionReport report(
      Instant started,
      Outcome outcome,
      Map<RetentionPolicy.Rule, Tally> tallies,
      @Nullable String failure) {
    List<RuleResult> results = new ArrayList<>();
    tallies.forEach((rule, t) -> results.add(new RuleResult(rule, t.cutoff, t.removed, t.batches)));
    return new RetentionReport(started, clock.instant(), outcome, results, failure);
  }

  private RetentionReport remember(RetentionReport report) {
    last.set(report);
    return report;
  }

  /** What one rule's purges removed so far in a run. */
  private static final class Tally {
    final Instant cutoff;
    long removed;
    long batches;

    /** The figures of the purge running now, counted in only if it fails before it returns. */
    @Nullable PurgeResult current;

    Tally(Instant cutoff) {
      this.cutoff = cutoff;
    }

    void add(PurgeResult result) {
      removed += result.removed();
      batches += result.batches();
      current = null;
    }

    void addCurrent() {
      PurgeResult running = current;
      if (running != null) {
        add(running);
      }
    }
  }

  /** Renews the lease once half its time to live has passed since the last renewal. */
  private final class Renewal {
    private final JobLease lease;
    private Instant renewed;
    boolean lost;

    Renewal(JobLease lease, Instant taken) {
      this.lease = lease;
      this.renewed = taken;
    }

    /** {@return whether the job still has its lease and may run the next batch} */
    boolean keep() {
      Instant now = clock.instant();
      if (Duration.between(renewed, now).compareTo(leaseTtl.dividedBy(2)) < 0) {
        return true;
      }
      if (!lease.renew()) {
        lost = true;
        return false;
      }
      renewed = now;
      return true;
    }
  }

  /** Configures a {@link RetentionJob}. */
  public static final class Builder {
    private final ActivityStore store;
    private final RetentionPolicy policy;
    private Clock clock = Clock.systemUTC();
    private int batchSize = ActivityRepository.DEFAULT_PURGE_BATCH_SIZE;
    private String leaseName = DEFAULT_LEASE_NAME;
    private Duration leaseTtl = DEFAULT_LEASE_TTL;

    private Builder(ActivityStore store, RetentionPolicy policy) {
      this.store = Objects.requireNonNull(store, "store");
      this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The clock that ages are measured by and reports are stamped with. Defaults to the system UTC
     * clock.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * The most activities one batch deletes, each batch its own transaction. Defaults to {@value
     * ActivityRepository#DEFAULT_PURGE_BATCH_SIZE}: a writer or reader waits on a purge for one
     * batch at most, so smaller batches keep that wait shorter and larger ones finish sooner.
     *
     * @param value 1 or more
     * @return this builder
     */
    public Builder batchSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("batchSize must be 1 or more; was " + value);
      }
      this.batchSize = value;
      return this;
    }

    /**
     * The name of the lease that lets one node work at a time. Defaults to {@value
     * #DEFAULT_LEASE_NAME}; give jobs of different stores on one database different names only if
     * they must run at the same time.
     *
     * @param value the name, as {@link JobLease#checkName} allows
     * @return this builder
     */
    public Builder leaseName(String value) {
      this.leaseName = JobLease.checkName(value);
      return this;
    }

    /**
     * How long the lease lasts without renewal, where the store's leases lapse: a node that dies
     * holding it blocks the others this long at most. A run renews it every half of it. Defaults to
     * 10 minutes; keep it well above the time one batch takes.
     *
     * @param value at least one second
     * @return this builder
     */
    public Builder leaseTtl(Duration value) {
      this.leaseTtl = JobLease.checkTtl(value);
      return this;
    }

    /** {@return the job} */
    public RetentionJob build() {
      return new RetentionJob(this);
    }
  }
}
