package org.activitylog.spring.boot;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.activitylog.recorder.FullQueuePolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code activitylog.*} settings of the auto-configured store, {@code ActivityLog} and {@code
 * ActivityRecorder}. Each default is the library's own, so an application that sets nothing gets
 * what {@code JdbcActivityStore.builder()}, {@code ActivityLog.builder(store)} and {@code
 * ActivityRecorder.builder(store)} give. Values are checked by those builders when the context
 * starts: a bad one fails the start with a {@code ValidationException} naming the setting.
 *
 * @param store where activities are kept
 * @param access who may read the feeds
 * @param maxPageSize the largest page a requester may ask for
 * @param recorder how the recorder queues and writes
 * @param metrics the meters' tags, when Micrometer is present
 * @param retention what to purge, how old, and when
 */
@ConfigurationProperties("activitylog")
public record ActivityLogProperties(
    @DefaultValue Store store,
    @DefaultValue Access access,
    @DefaultValue("100") int maxPageSize,
    @DefaultValue Recorder recorder,
    @DefaultValue Metrics metrics,
    @DefaultValue Retention retention) {

  /** Which backend holds the activities. */
  public enum StoreType {
    /**
     * The JDBC store: over the application's {@code DataSource} when it has exactly one, else an
     * embedded H2 file database in {@code activitylog.store.h2-directory}.
     */
    JDBC,
    /** The in-memory store (needs {@code activity-memory}): nothing survives a restart. */
    MEMORY
  }

  /**
   * Where activities are kept.
   *
   * @param type the backend
   * @param h2Directory the directory of the embedded H2 database, used when the application has no
   *     {@code DataSource}
   * @param schema the database schema of the store's tables, or none for the connection's default
   * @param migrate whether the store applies its schema migrations on start
   */
  public record Store(
      @DefaultValue("jdbc") StoreType type,
      @DefaultValue("activity-data") String h2Directory,
      @Nullable String schema,
      @DefaultValue("true") boolean migrate) {}

  /** Whether anonymous requesters may read. */
  public enum AccessMode {
    /** Every requester is authenticated. */
    PRIVATE,
    /** Anonymous requesters may read the public groups, and nothing else. */
    PUBLIC
  }

  /**
   * Who may read the feeds.
   *
   * @param mode private or public site
   * @param publicGroups the workspace groups anonymous requesters may read on a public site
   */
  public record Access(
      @DefaultValue("private") AccessMode mode, @DefaultValue Set<Long> publicGroups) {}

  /** Whether {@code record} queues or writes on the caller's thread. */
  public enum RecorderMode {
    /** Queue and return; a background thread writes batches. */
    ASYNC,
    /** Return once the store has committed. */
    SYNC
  }

  /**
   * How the recorder queues and writes.
   *
   * @param mode asynchronous (the default) or synchronous
   * @param queueCapacity the most activities the queue holds
   * @param batchSize the most activities written in one batch
   * @param linger how long the writer waits for a batch to fill
   * @param fullQueuePolicy what {@code record} does when the queue is full
   * @param blockTimeout the longest {@code record} waits for room under the {@code block} policy
   * @param closeTimeout the longest shutdown waits for the queue to drain
   */
  public record Recorder(
      @DefaultValue("async") RecorderMode mode,
      @DefaultValue("10000") int queueCapacity,
      @DefaultValue("500") int batchSize,
      @DefaultValue("5ms") Duration linger,
      @DefaultValue("block") FullQueuePolicy fullQueuePolicy,
      @DefaultValue("100ms") Duration blockTimeout,
      @DefaultValue("30s") Duration closeTimeout) {}

  /**
   * The meters, bound when a Micrometer {@code MeterRegistry} and {@code activity-micrometer} are
   * present.
   *
   * @param name the value of the {@code recorder} and {@code store} tags
   * @param timeStore whether every call of the auto-configured store is timed ({@code
   *     activitylog.store.calls})
   */
  public record Metrics(
      @DefaultValue("default") String name, @DefaultValue("true") boolean timeStore) {}

  /**
   * Retention: a {@code RetentionJob} run on a schedule, which deletes for good the activities its
   * policy says are old enough. Off unless enabled; an application's own {@code RetentionPolicy}
   * bean replaces the rules given here.
   *
   * @param enabled whether the job is scheduled
   * @param defaultAge how long activities no other rule governs are kept, or none to keep them
   * @param types how long the activities of a type are kept, by type code ({@code
   *     types[shop.order_placed]=30d}; the seeds' types by their numeric code or constant name)
   * @param groups how long the activities of a workspace group are kept, by group id
   * @param schedule when the job runs: a Spring cron expression, daily at 03:30 by default
   */
  public record Retention(
      @DefaultValue("false") boolean enabled,
      @Nullable Duration defaultAge,
      @DefaultValue Map<String, Duration> types,
      @DefaultValue Map<Long, Duration> groups,
      @DefaultValue("0 30 3 * * *") String schedule) {}
}
