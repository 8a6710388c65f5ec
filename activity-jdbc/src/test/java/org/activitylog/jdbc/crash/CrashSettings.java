package org.activitylog.jdbc.crash;

import java.nio.file.Path;
import org.activitylog.jdbc.JdbcActivityStore;

/**
 * The H2 configurations a crash run can use: {@code durable}, the library's default; {@code fast},
 * the knowing opt-out ({@code durableH2Writes(false)}); {@code delay0}, the opt-out with {@code
 * WRITE_DELAY=0} in the URL, which shows what the write delay alone does.
 */
final class CrashSettings {
  private CrashSettings() {}

  static JdbcActivityStore.Builder h2(Path dir, String mode) {
    JdbcActivityStore.Builder b = JdbcActivityStore.builder();
    switch (mode) {
      case "durable" -> b.h2Directory(dir);
      case "fast" -> b.h2Directory(dir).durableH2Writes(false);
      case "delay0" ->
          b.jdbcUrl("jdbc:h2:file:" + dir.resolve("activitylog") + ";WRITE_DELAY=0")
              .durableH2Writes(false);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
    return b;
  }
}
