package org.activitylog.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.activitylog.api.StoreUnavailableException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A second server on a data directory in use")
class DataDirectoryInUseTest {
  @TempDir Path dataDir;

  /** If this fails, check JdbcActivityStore's first connection and ActivityServer.startFailure. */
  @Test
  @DisplayName("fails with one line that names the directory and what to do")
  void refusedInOneLine() throws Exception {
    ServerConfig config =
        ServerConfig.parse(
            new String[] {"--port", "0", "--data-dir", dataDir.toString(), "--demo-data", "false"},
            name -> null);
    ActivityServer.start(config).close();
    Process other = holdDatabase(dataDir.resolve("activitylog"));
    try {
      Throwable thrown = catchThrowable(() -> ActivityServer.start(config));

      assertThat(thrown)
          .isInstanceOfSatisfying(
              StoreUnavailableException.class,
              e -> assertThat(e.reason()).isEqualTo(StoreUnavailableException.Reason.LOCKED));
      String line = ActivityServer.startFailure(config, (RuntimeException) thrown);
      assertThat(line)
          .doesNotContain("\n")
          .contains(dataDir.toAbsolutePath().toString())
          .contains("in use by another process")
          .contains("--data-dir");
    } finally {
      other.getOutputStream().close();
      other.destroy();
      other.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Another JVM opens the database with H2's shell and keeps it open until its input closes. */
  private static Process holdDatabase(Path database) throws Exception {
    Path h2Jar =
        Path.of(
            Class.forName("org.h2.Driver")
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    h2Jar.toString(),
                    "org.h2.tools.Shell",
                    "-url",
                    "jdbc:h2:file:" + database,
                    "-user",
                    "",
                    "-password",
                    ""))
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      seen.append(line).append('\n');
      if (line.startsWith("help or ?")) {
        return p;
      }
    }
    throw new IOException("the H2 shell did not open the database: " + seen);
  }
}
