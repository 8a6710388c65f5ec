package org.activitylog.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.activitylog.api.ValidationException;
import org.activitylog.jdbc.internal.PartitionedTable.Partition;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgeResult;
import org.jdbi.v3.core.JdbiException;

/**
 * Keeps the month partitions of PostgreSQL's partitioned layout: creates the current and next
 * months' when the store opens and any other month's before an activity of it is stored, and drops
 * whole months for a purge whose cutoff covers them. The library's own maintainer rather than
 * pg_partman: see docs/partitioned-layout.md for why.
 *
 * <p>It remembers which partitions exist; another node may drop one meanwhile, and an insert that
 * then finds no partition (SQLState 23514) reloads the list, creates what is missing and runs once
 * more.
 */
public final class PartitionMaintainer {
  /** How many months after the current one are created when the store opens. */
  static final int MONTHS_AHEAD = 2;

  /**
   * The longest a partition drop waits for the table lock before it leaves the month to the batched
   * delete: readers and writers queue behind a waiting drop, so the wait must stay short.
   */
  static final String DROP_LOCK_TIMEOUT = "2s";

  /** PostgreSQL's answer to a row no partition accepts. */
  private static final String NO_PARTITION = "23514";

  private final StoreAccess access;
  private final PartitionedTable table;
  private final Clock clock;

  /** The partitions last read, oldest first; replaced whole, read without a lock. */
  private volatile List<Partition> known = List.of();

  /**
   * Creates the maintainer of a store.
   *
   * @param access the store's shared state
   * @param table the partitioned table's names
   * @param clock decides which months are current
   */
  public PartitionMaintainer(StoreAccess access, PartitionedTable table, Clock clock) {
    this.access = access;
    this.table = table;
    this.clock = clock;
  }

  /** Reads the partitions and creates the current month's and the next ones'. */
  public void open() {
    YearMonth now = PartitionedTable.monthOf(clock.instant());
    List<Instant> months = new ArrayList<>();
    for (int i = 0; i <= MONTHS_AHEAD; i++) {
      months.add(PartitionedTable.start(now.plusMonths(i)));
    }
    access.call(
        () -> {
          reload();
          ensure(months);
          return known;
        });
  }

  /**
   * Runs an insert after making sure every month it writes has a partition; when one was dropped by
   * another store meanwhile, creates it again and runs the insert once more. Call it inside {@link
   * StoreAccess#call}, which translates what it throws.
   *
   * @param createdAt the creation times the insert writes
   * @param insert the insert
   * @param <T> its result
   * @return the insert's result
   */
  <T> T inserting(Collection<Instant> createdAt, Supplier<T> insert) {
    ensure(createdAt);
    try {
      return insert.get();
    } catch (JdbiException | IllegalStateException e) {
      SQLException sql = SqlErrors.sqlCause(e);
      if (sql == null || !NO_PARTITION.equals(sql.getSQLState())) {
        throw e;
      }
      reload();
      ensure(createdAt);
      return insert.get();
    }
  }

  private void ensure(Collection<Instant> times) {
    // The hot path of every insert: no lock, one look-up per distinct month (partitions are whole
    // months, or the kept plain table, which ends at a month's start).
    TreeSet<YearMonth> months = new TreeSet<>();
    for (Instant t : times) {
      months.add(PartitionedTable.monthOf(t));
    }
    if (!missing(months, known).isEmpty()) {
      create(months);
    }
  }

  private static TreeSet<YearMonth> missing(Collection<YearMonth> months, List<Partition> known) {
    TreeSet<YearMonth> missing = new TreeSet<>();
    for (YearMonth m : months) {
      Instant start = PartitionedTable.start(m);
      if (known.stream().noneMatch(p -> p.holds(start))) {
        missing.add(m);
      }
    }
    return missing;
  }

  private synchronized void create(Collection<YearMonth> months) {
    TreeSet<YearMonth> missing = missing(months, known);
    if (missing.isEmpty()) {
      return;
    }
    withConnection(
        c -> {
          try (Statement s = c.createStatement()) {
            for (YearMonth m : missing) {
              try {
                s.execute(table.createMonth(m));
              } catch (SQLException e) {
                // Another store created it at the same moment: the catalog's unique keys say so.
                if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                  throw e;
                }
              }
            }
          }
          known = table.partitions(c);
          return known;
        });
  }

  private synchronized void reload() {
    known = withConnection(table::partitions);
  }

  /**
   * Purges by dropping the oldest whole months the criteria cover, each in a short transaction of
   * its own, and leaves the rest to the batched purge. Only criteria without a type or group
   * condition and without a lower time bound drop partitions: a month holds every type and group.
   * The months go oldest first, so a purge stopped between two drops has removed a prefix of the
   * history, as a batched one does.
   *
   * @param criteria which activities to delete
   * @param batchSize the batched purge's batch size
   * @param progress the purge's progress callback
   * @param batched the batched purge, given the progress callback it should report to
   * @return the figures at the end, drops counted as one batch each
   */
  PurgeResult purge(
      PurgeCriteria criteria, int batchSize, Predicate<PurgeResult> progress, Batched batched) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(progress, "progress");
    if (batchSize < 1) {
      throw new ValidationException("batch_size", "must be 1 or more", batchSize);
    }
    long removed = 0;
    long batches = 0;
    if (droppable(criteria)) {
      access.call(
          () -> {
            reload();
            return known;
          });
      for (Partition p : known) {
        if (p.to() == null || p.to().isAfter(criteria.createdBefore())) {
          break;
        }
        if (Thread.currentThread().isInterrupted()) {
          return new PurgeResult(removed, batches, false);
        }
        OptionalLong dropped = drop(p);
        if (dropped.isEmpty()) {
          // Locked by a long transaction: the batched delete takes the month's rows instead.
          break;
        }
        removed += dropped.getAsLong();
        batches++;
        PurgeResult soFar = new PurgeResult(removed, batches, false);
        if (!progress.test(soFar)) {
          return soFar;
        }
      }
    }
    long droppedRows = removed;
    long dropBatches = batches;
    PurgeResult rest =
        batched.purge(
            r ->
                progress.test(
                    new PurgeResult(
                        droppedRows + r.removed(), dropBatches + r.batches(), r.complete())));
    return new PurgeResult(
        droppedRows + rest.removed(), dropBatches + rest.batches(), rest.complete());
  }

  /** The batched purge, reporting to a callback. */
  @FunctionalInterface
  interface Batched {
    /**
     * Runs the batched purge.
     *
     * @param progress where it reports
     * @return its figures
     */
    PurgeResult purge(Predicate<PurgeResult> progress);
  }

  private static boolean droppable(PurgeCriteria c) {
    return c.createdFrom() == null
        && c.typeCodes().isEmpty()
        && c.excludedTypeCodes().isEmpty()
        && c.workspaceGroupIds().isEmpty()
        && c.excludedWorkspaceGroupIds().isEmpty();
  }

  /**
   * Drops one partition with its claims in one transaction; empty when the table lock was not
   * granted in time. The lock on the parent table comes first, so nothing can hold a claim or a row
   * of the month meanwhile (every writer locks the parent before its rows): the claims deleted are
   * exactly the month's rows, and their count is the purge's.
   */
  private OptionalLong drop(Partition p) {
    return access.call(
        () ->
            withConnection(
                c -> {
                  boolean auto = c.getAutoCommit();
                  c.setAutoCommit(false);
                  try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL lock_timeout = '" + DROP_LOCK_TIMEOUT + "'");
                    try {
                      s.execute("LOCK TABLE " + table.activity() + " IN ACCESS EXCLUSIVE MODE");
                    } catch (SQLException e) {
                      if ("55P03".equals(e.getSQLState())) {
                        c.rollback();
                        return OptionalLong.empty();
                      }
                      throw e;
                    }
                    String range =
                        (p.from() == null
                                ? ""
                                : "created_at >= "
                                    + PartitionedTable.literal(Objects.requireNonNull(p.from()))
                                    + " AND ")
                            + "created_at < "
                            + PartitionedTable.literal(Objects.requireNonNull(p.to()));
                    long rows =
                        s.executeUpdate("DELETE FROM " + table.claims() + " WHERE " + range);
                    s.execute("DROP TABLE " + table.qualified(p.name()));
                    c.commit();
                    synchronized (this) {
                      known = known.stream().filter(k -> !k.name().equals(p.name())).toList();
                    }
                    return OptionalLong.of(rows);
                  } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                  } finally {
                    c.setAutoCommit(auto);
                  }
                }));
  }

  private <T> T withConnection(SqlWork<T> work) {
    return access
        .jdbi()
        .withHandle(
            h -> {
              try {
                return work.run(h.getConnection());
              } catch (SQLException e) {
                throw new IllegalStateException("partition maintenance failed", e);
              }
            });
  }

  /** Work on a connection. */
  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }
}
