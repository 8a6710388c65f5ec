package org.activitylog.jdbc.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.jdbc.JdbcActivityStore;

/**
 * What durable H2 writes cost, for BENCHMARKS.md: the median time of a one-row {@code insert} and
 * of a 100-row {@code insertAll} on an H2 file, with the default (durable) configuration and with
 * {@code durableH2Writes(false)}, alternating rounds in one JVM. Run by {@code
 * scripts/bench-durability.sh}.
 */
public final class DurabilityCost {
  private static final UserSimple ACTOR = UserSimple.of(9, "bench", "bench@example.com");

  private DurabilityCost() {}

  /**
   * Prints one line per configuration and operation.
   *
   * @param args rounds (default 5), then single inserts per round (default 2000)
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int singles = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int batches = Math.max(1, singles / 20);
    double[][] single = new double[2][rounds];
    double[][] batch = new double[2][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int durable = 0; durable < 2; durable++) {
        Path dir = Files.createTempDirectory("durability-cost");
        try (JdbcActivityStore store =
            JdbcActivityStore.builder().h2Directory(dir).durableH2Writes(durable == 1).build()) {
          for (int i = 0; i < 200; i++) {
            store.activities().insert(activity());
          }
          long t0 = System.nanoTime();
          for (int i = 0; i < singles; i++) {
            store.activities().insert(activity());
          }
          single[durable][r] = (System.nanoTime() - t0) / 1000.0 / singles;
          t0 = System.nanoTime();
          for (int i = 0; i < batches; i++) {
            List<NewActivity> list = new ArrayList<>(100);
            for (int j = 0; j < 100; j++) {
              list.add(activity());
            }
            store.activities().insertAll(list);
          }
          batch[durable][r] = (System.nanoTime() - t0) / 1000.0 / batches;
        }
      }
    }
    String[] names = {"durableH2Writes(false)", "default (durable)"};
    for (int d = 0; d < 2; d++) {
      System.out.printf(
          "%-24s one-row insert median %8.1f us   100-row insertAll median %8.1f us%n",
          names[d], median(single[d]), median(batch[d]));
    }
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  private static NewActivity activity() {
    return NewActivity.builder(ActivityType.USER_LOGIN, ACTOR)
        .workspaceGroupId(9)
        .text("benchmark")
        .uid(UUID.randomUUID())
        .createdAt(Instant.now())
        .build();
  }
}
