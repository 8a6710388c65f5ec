package org.activitylog.jdbc;

/**
 * How a store lays out its activity table. Chosen with {@link
 * JdbcActivityStore.Builder#layout(Layout)}; the default is {@link #UNPARTITIONED}.
 */
public enum Layout {
  /** One plain table: the default, on H2 and PostgreSQL. */
  UNPARTITIONED,

  /**
   * PostgreSQL only: the activity table is partitioned by range of {@code created_at}, one
   * partition per calendar month (UTC), so that feed queries bounded in time read only the months
   * they need and a retention purge whose cutoff covers a whole month drops its partition instead
   * of deleting its rows. Uids stay unique per workspace group through a small claim table, {@code
   * activitylog_activity_uid}, written in the same statement as each activity. The store creates
   * the current and the next months' partitions when it opens and any other month's the first time
   * an activity of that month is recorded; there is no default partition. Opening a store with this
   * layout on an unpartitioned table converts it: see docs/partitioned-layout.md for what that
   * locks and for how to prepare a large table.
   */
  PARTITIONED_BY_MONTH
}
