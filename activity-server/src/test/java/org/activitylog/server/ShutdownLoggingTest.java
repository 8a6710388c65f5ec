package org.activitylog.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A warning the library writes while the server's JVM shuts down (the recorder's "activities were
 * not written", for example) reaches stderr. The library logs through {@link System.Logger}; sent
 * to java.util.logging, it is lost, because JUL's LogManager resets its handlers in a shutdown hook
 * that runs beside the server's.
 */
class ShutdownLoggingTest {
  private static final String WARNING = "written while the JVM shuts down";

  @Test
  void aWarningLoggedInAShutdownHookReachesStderr() throws Exception {
    String classPath =
        System.getProperty("java.class.path")
            + File.pathSeparator
            + System.getProperty("jdk.module.path", "");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                LogsDuringShutdown.class.getName())
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(stderr).contains(WARNING);
  }

  /** The child: exits at once, and a shutdown hook logs after JUL had time to reset. */
  public static final class LogsDuringShutdown {
    private LogsDuringShutdown() {}

    /**
     * Registers the hook and returns.
     *
     * @param args none
     */
    public static void main(String[] args) {
      System.Logger logger = System.getLogger("org.activitylog.recorder.ActivityRecorder");
      logger.log(Level.INFO, "started");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      Thread.sleep(300);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    logger.log(Level.WARNING, WARNING);
                  }));
    }
  }
}
