package org.activitylog.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Cursor;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the month-partitioned layout against the plain table on the same server, same run: batch
 * inserts through the library, a workspace's first page and a deep keyset page, and the purge of
 * the oldest months (batched delete against partition drop). A measurement, not a test: it prints
 * the figures for docs/partitioned-layout.md. Runs with {@code
 * -Dactivitylog.measure.partitions=ROWS_PER_MONTH} on the cluster of {@code .ci/postgres.sh}.
 */
@EnabledIfSystemProperty(named = "activitylog.measure.partitions", matches = "[1-9][0-9]*")
class PartitionMeasurement {
  private static final int MONTHS = 4;
  private static final int WORKSPACES = 50;

  @Test
  void plainAgainstPartitioned() {
    int perMonth = Integer.getInteger("activitylog.measure.partitions");
    String url = TestDatabase.postgresUrl();
    for (Layout layout : List.of(Layout.UNPARTITIONED, Layout.PARTITIONED_BY_MONTH)) {
      String schema = "t_measure_" + UUID.randomUUID().toString().substring(0, 8);
      try (JdbcActivityStore store =
          JdbcActivityStore.builder().jdbcUrl(url).schema(schema).layout(layout).build()) {
        measure(layout, store, perMonth, url, schema);
        store.close();
        if (layout == Layout.UNPARTITIONED) {
          // The rows the purge left: converting them to the partitioned layout.
          long t0 = System.nanoTime();
          JdbcActivityStore.builder()
              .jdbcUrl(url)
              .schema(schema)
              .layout(Layout.PARTITIONED_BY_MONTH)
              .build()
              .close();
          System.out.printf(
              Locale.ROOT,
              "converting the plain table of %d rows: %.2f s%n",
              (long) perMonth * (MONTHS - 2),
              (System.nanoTime() - t0) / 1e9);
        }
      } finally {
        try (TestDatabase cleanup = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "m")) {
          cleanup.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }
  }

  private static void measure(
      Layout layout, JdbcActivityStore store, int perMonth, String url, String schema) {
    long base = ThreadLocalRandom.current().nextLong(1_000_000L, 1L << 40);
    long insertNanos = 0;
    for (int m = 0; m < MONTHS; m++) {
      Instant start = YearMonth.of(2025, 1 + m).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      long step = Duration.ofDays(28).toMillis() / perMonth;
      List<NewActivity> batch = new ArrayList<>();
      for (int i = 0; i < perMonth; i++) {
        long workspace = base + i % WORKSPACES;
        batch.add(
            NewActivity.builder(
                    ActivityType.values()[i % 20],
                    UserSimple.of(workspace, "m" + i, "m@example.com"))
                .uid(UUID.randomUUID())
                .createdAt(start.plusMillis(step * i))
                .createdBy("measure")
                .workspaceGroupId(workspace)
                .text("measured activity number " + i)
                .build());
        if (batch.size() == 1000) {
          long t0 = System.nanoTime();
          store.activities().insertAll(batch);
          insertNanos += System.nanoTime() - t0;
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        long t0 = System.nanoTime();
        store.activities().insertAll(batch);
        insertNanos += System.nanoTime() - t0;
      }
    }
    long rows = (long) perMonth * MONTHS;
    // What autovacuum does to a table that has stopped changing, so both plans use statistics.
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE " + schema + ".activitylog_activity");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    ActivityQuery feed = ActivityQuery.builder().workspaceGroupId(base + 7).build();
    // Warm up, then time 200 first pages and 200 keyset pages at depth ~ half the workspace.
    List<Activity> deep = new ArrayList<>();
    Cursor cursor = null;
    for (int i = 0; i < rows / WORKSPACES / 2 / 20; i++) {
      List<Activity> page = store.activities().listAfter(feed, Sort.DEFAULT, cursor, 20);
      if (page.isEmpty()) {
        break;
      }
      deep = page;
      cursor = Cursor.after(page.get(page.size() - 1));
    }
    Cursor deepCursor = Cursor.after(deep.get(deep.size() - 1));
    double[] first = new double[200];
    double[] keyset = new double[200];
    for (int i = 0; i < 200; i++) {
      long t0 = System.nanoTime();
      store.activities().listAfter(feed, Sort.DEFAULT, null, 20);
      first[i] = (System.nanoTime() - t0) / 1e6;
      t0 = System.nanoTime();
      store.activities().listAfter(feed, Sort.DEFAULT, deepCursor, 20);
      keyset[i] = (System.nanoTime() - t0) / 1e6;
    }
    Instant cutoff = YearMonth.of(2025, 3).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    long t0 = System.nanoTime();
    PurgeResult purged =
        store.activities().purge(PurgeCriteria.createdBefore(cutoff), 1000, r -> true);
    double purgeSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %d rows; insertAll %.0f rows/s; first page p50 %.3f ms; keyset at depth %d p50 %.3f"
            + " ms; purge of 2 months: %d rows in %.2f s (%d batches)%n",
        layout,
        rows,
        rows / (insertNanos / 1e9),
        median(first),
        rows / WORKSPACES / 2,
        median(keyset),
        purged.removed(),
        purgeSeconds,
        purged.batches());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
