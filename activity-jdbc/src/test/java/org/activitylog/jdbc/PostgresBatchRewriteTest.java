package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.TestActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A host's URL may turn on the PostgreSQL driver's batch rewriting ({@code
 * reWriteBatchedInserts=true}); it must not confuse the per-row results of an insert-if-absent
 * batch, whichever statement the store batches with.
 */
@DisplayName("PostgreSQL with reWriteBatchedInserts")
class PostgresBatchRewriteTest {

  /** If this fails, check how insertAll maps generated keys back to the rows of a batch. */
  @Test
  @DisplayName("A batch mixing new and stored uids returns every stored row in the order given")
  void batchWithRewriting() {
    TestActivities data = new TestActivities(new MutableClock());
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "rewrite");
        JdbcActivityStore store =
            JdbcActivityStore.builder()
                .jdbcUrl(TestDatabase.postgresUrl() + "&reWriteBatchedInserts=true")
                .schema(db.schema())
                .build()) {
      NewActivity a = data.any();
      Activity first = store.activities().insert(a);
      List<Activity> all =
          store.activities().insertAll(List.of(data.any(), a, data.any(), data.any()));
      assertThat(all.get(1)).as("the uid stored before").isEqualTo(first);
      assertThat(all).doesNotContainNull();
      assertThat(all.stream().map(Activity::id).distinct().count()).as("distinct ids").isEqualTo(4);
      for (Activity stored : all) {
        assertThat(store.activities().findById(stored.id())).contains(stored);
      }
    }
  }
}
