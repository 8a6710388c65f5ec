package org.activitylog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The URLs the store opens: what durability adds to the library's own and to a user's H2 URL. */
class H2DurabilityTest {
  @Test
  void theLibrarysOwnFileTurnsOffH2sShutdownHookAndTheWriteDelay() {
    assertThat(H2Durability.builtUrl(Path.of("/data/app"), true))
        .isEqualTo("jdbc:h2:file:/data/app/activitylog;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    assertThat(H2Durability.builtUrl(Path.of("/data/app"), false))
        .isEqualTo("jdbc:h2:file:/data/app/activitylog;DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void aUsersEmbeddedFileUrlGetsNoWriteDelay() {
    assertThat(H2Durability.userUrl("jdbc:h2:file:/x/db", true))
        .isEqualTo("jdbc:h2:file:/x/db;WRITE_DELAY=0");
    assertThat(H2Durability.userUrl("jdbc:h2:~/db;MODE=PostgreSQL", true))
        .isEqualTo("jdbc:h2:~/db;MODE=PostgreSQL;WRITE_DELAY=0");
    assertThat(H2Durability.userUrl("JDBC:H2:./db;write_delay=0", true))
        .isEqualTo("JDBC:H2:./db;write_delay=0");
  }

  @Test
  void aUsersWriteDelayIsRefusedUnlessTheOptOutIsSet() {
    assertThatThrownBy(() -> H2Durability.userUrl("jdbc:h2:file:/x/db;WRITE_DELAY=500", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WRITE_DELAY=500")
        .hasMessageContaining("durableH2Writes(false)");
    assertThat(H2Durability.userUrl("jdbc:h2:file:/x/db;WRITE_DELAY=500", false))
        .isEqualTo("jdbc:h2:file:/x/db;WRITE_DELAY=500");
  }

  @Test
  void otherUrlsAreLeftAsTheyAre() {
    for (String url :
        new String[] {
          "jdbc:h2:mem:x", "jdbc:h2:tcp://db/x", "jdbc:h2:ssl://db/x", "jdbc:postgresql://db/x"
        }) {
      assertThat(H2Durability.userUrl(url, true)).isEqualTo(url);
      assertThat(H2Durability.writeLock(url)).isNull();
    }
  }

  @Test
  void oneDatabaseFileHasOneWriteLockWhateverItsSettings() {
    assertThat(H2Durability.writeLock("jdbc:h2:file:/x/one;WRITE_DELAY=0"))
        .isNotNull()
        .isSameAs(H2Durability.writeLock("jdbc:h2:file:/x/one;DB_CLOSE_ON_EXIT=FALSE"))
        .isNotSameAs(H2Durability.writeLock("jdbc:h2:file:/x/two"));
  }
}
