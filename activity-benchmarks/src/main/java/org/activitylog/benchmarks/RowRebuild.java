package org.activitylog.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Campaign;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonObject;
import org.activitylog.api.NewActivity;
import org.activitylog.benchmarks.data.SyntheticActivities;
import org.activitylog.jackson.ModelCodec;
import org.jspecify.annotations.Nullable;

/**
 * The read path's model cost without a database (BENCHMARKS.md, issue 10, "Read path: trusted
 * rebuild"): N stored rows, held as the columns the JDBC backend stores (the actor's profile, the
 * resource and the slot as JSON text written by {@link ModelCodec}), are rebuilt into activities
 * two ways in the same run, the contenders alternating within each round:
 *
 * <ul>
 *   <li>trusted: as {@code ActivityRowMapper} does, through {@link ModelCodec} and the canonical
 *       constructors, which check only the shape;
 *   <li>validating: the same, then every entry rule on the result (the actor's, the text's, the
 *       resource's depth, leaves and size, the audit names'), through the builders' {@code
 *       toBuilder().build()}: what every read cost while the constructors ran the entry rules.
 * </ul>
 *
 * <p>Arguments: {@code --rows=N} (default 100000), {@code --rounds=R} (default 7), {@code
 * --warmups=W} (default 3). Prints each round's time, the medians and the load average.
 */
public final class RowRebuild {
  private static final ModelCodec CODEC = ModelCodec.standard();
  private static final ActivityCatalogue CATALOGUE = ActivityCatalogue.standard();

  private RowRebuild() {}

  /** One stored row, as the columns hold it. */
  private record Row(
      long id,
      UUID uid,
      String type,
      ActorRef.Kind kind,
      String actor,
      @Nullable String text,
      @Nullable String resource,
      long workspaceGroupId,
      @Nullable Long derivedWorkspaceGroupId,
      @Nullable UUID campaignId,
      @Nullable String campaignName,
      @Nullable String details,
      Instant createdAt,
      @Nullable String createdBy) {}

  /**
   * Runs the measurement.
   *
   * @param args {@code --rows=N}, {@code --rounds=R}, {@code --warmups=W}
   * @throws IOException when the load average cannot be read
   */
  public static void main(String[] args) throws IOException {
    int rows = option(args, "--rows=", 100_000);
    int rounds = option(args, "--rounds=", 7);
    int warmups = option(args, "--warmups=", 3);
    String loadBefore = loadAverage();
    List<Row> stored = rows(rows);
    System.out.printf(
        Locale.ROOT,
        "rows=%d rounds=%d warmups=%d java=%s cpus=%d load average at start: %s%n",
        rows,
        rounds,
        warmups,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        loadBefore);
    long[] trusted = new long[rounds];
    long[] validating = new long[rounds];
    for (int r = -warmups; r < rounds; r++) {
      // Alternate which contender goes first, so neither always meets a warmer heap.
      boolean trustedFirst = (r & 1) == 0;
      long first = time(stored, trustedFirst ? RowRebuild::trusted : RowRebuild::validating);
      long second = time(stored, trustedFirst ? RowRebuild::validating : RowRebuild::trusted);
      long t = trustedFirst ? first : second;
      long v = trustedFirst ? second : first;
      if (r >= 0) {
        trusted[r] = t;
        validating[r] = v;
      }
      System.out.printf(
          Locale.ROOT,
          "%s %d: trusted %.1f ms, validating %.1f ms%n",
          r < 0 ? "warm-up" : "round",
          r < 0 ? r + warmups + 1 : r + 1,
          t / 1e6,
          v / 1e6);
    }
    long mt = median(trusted);
    long mv = median(validating);
    System.out.printf(
        Locale.ROOT,
        "median of %d rounds over %d rows: trusted %.1f ms (%.0f ns/row), validating %.1f ms"
            + " (%.0f ns/row), validating/trusted %.2f%n",
        rounds,
        rows,
        mt / 1e6,
        (double) mt / rows,
        mv / 1e6,
        (double) mv / rows,
        (double) mv / mt);
    System.out.println("load average at end: " + loadAverage());
  }

  /** Rebuilds every row, returning the time taken; a checksum keeps the work from being dropped. */
  private static long time(List<Row> stored, ToLongFunction<Row> rebuild) {
    long start = System.nanoTime();
    long sum = 0;
    for (Row row : stored) {
      sum += rebuild.applyAsLong(row);
    }
    long elapsed = System.nanoTime() - start;
    if (sum == 42) {
      System.out.println("checksum " + sum);
    }
    return elapsed;
  }

  /** As {@code ActivityRowMapper} rebuilds a row: codec and canonical constructors. */
  private static long trusted(Row row) {
    return rebuild(row).version();
  }

  /** The same row, then the entry rules the constructors used to run on every read. */
  private static long validating(Row row) {
    Activity a = rebuild(row);
    return a.toBuilder().content(a.content().toBuilder().build()).build().version();
  }

  private static Activity rebuild(Row row) {
    ActivityContent content =
        new ActivityContent(
            CATALOGUE.resolve(row.type()),
            CODEC.readActor(row.kind(), row.actor()),
            row.text(),
            row.resource() == null ? JsonValue.nullValue() : CODEC.readValue(row.resource()),
            row.workspaceGroupId(),
            row.derivedWorkspaceGroupId(),
            row.campaignId() == null ? null : new Campaign(row.campaignId(), row.campaignName()),
            details(row.details()));
    return new Activity(
        row.id(),
        row.uid(),
        content,
        row.createdAt(),
        row.createdBy(),
        row.createdAt(),
        row.createdBy(),
        null,
        null,
        true,
        1);
  }

  private static Map<String, JsonValue> details(@Nullable String json) {
    return json != null && CODEC.readValue(json) instanceof JsonObject slot
        ? slot.members()
        : Map.of();
  }

  /** The synthetic data set of the other benchmarks, written as the JDBC backend stores it. */
  private static List<Row> rows(int count) {
    SyntheticActivities data = new SyntheticActivities(20_260_101L, Instant.now());
    List<Row> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      NewActivity a = data.historical(i, count);
      ActivityContent c = a.content();
      Campaign campaign = c.campaign();
      rows.add(
          new Row(
              i + 1L,
              Objects.requireNonNull(a.uid()),
              c.type().code(),
              c.actor().ref().kind(),
              ModelCodec.write(CODEC.actor(c.actor())),
              c.text(),
              c.resource().isNull() ? null : ModelCodec.write(ModelCodec.toNode(c.resource())),
              c.workspaceGroupId(),
              c.derivedWorkspaceGroupId(),
              campaign == null ? null : campaign.id(),
              campaign == null ? null : campaign.name(),
              c.extensions().isEmpty()
                  ? null
                  : ModelCodec.write(ModelCodec.toNode(new JsonObject(c.extensions()))),
              Objects.requireNonNull(a.createdAt()),
              a.createdBy()));
    }
    return rows;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static int option(String[] args, String prefix, int fallback) {
    for (String arg : args) {
      if (arg.startsWith(prefix)) {
        return Integer.parseInt(arg.substring(prefix.length()));
      }
    }
    return fallback;
  }

  private static String loadAverage() throws IOException {
    Path proc = Path.of("/proc/loadavg");
    return Files.exists(proc) ? Files.readString(proc).trim() : "unknown";
  }
}
