package org.activitylog.jdbc.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.Receipt;
import org.activitylog.recorder.RecorderMetrics;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A value only the database refuses reaches the recorder in the background, after the caller was
 * answered: PostgreSQL rejects a NUL character in text, which Java and H2 accept. The recorder must
 * lose only that activity, not its batch.
 */
class PostgresRecorderRefusalTest {
  private static final RecorderDatabase DB =
      new RecorderDatabase(RecorderDatabase.Kind.POSTGRESQL, "pg_rec_refusal");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  @DisplayName("An activity PostgreSQL cannot store fails alone; the rest of its batch is stored")
  void refusedActivityFailsAlone() {
    long workspace = ThreadLocalRandom.current().nextLong(1_000_000L, 1L << 52);
    UserSimple actor = UserSimple.of(workspace, "refusal_" + workspace, "r@example.com");
    try (ActivityStore store = DB.store(new MutableClock());
        ActivityRecorder recorder =
            ActivityRecorder.builder(store).batchSize(10).linger(Duration.ofHours(1)).build()) {
      List<Receipt> receipts = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        receipts.add(
            recorder.record(
                NewActivity.builder(ActivityType.USER_LOGIN, actor)
                    .workspaceGroupId(workspace)
                    .text(i == 6 ? "nul \u0000 inside" : "fine " + i)
                    .build()));
      }

      assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
      RecorderMetrics m = recorder.metrics();
      assertThat(m.failed()).as("failed, in %s", m).isEqualTo(1);
      assertThat(m.stored()).as("stored, in %s", m).isEqualTo(9);
      assertThat(m.retried()).as("a refused value is not retried").isZero();
      for (int i = 0; i < 10; i++) {
        assertThat(store.activities().findByUid(workspace, receipts.get(i).uid()).isPresent())
            .as("activity %d stored", i)
            .isEqualTo(i != 6);
      }
    }
  }
}
