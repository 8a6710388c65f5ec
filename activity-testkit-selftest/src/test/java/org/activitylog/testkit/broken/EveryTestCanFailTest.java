package org.activitylog.testkit.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Proof, per test, that a backend author's run holds no test that cannot fail: every test of the
 * whole contract that the bug-free decorator passes is failed by at least one broken backend.
 */
class EveryTestCanFailTest {

  /**
   * If this fails, the tests it lists pass for every broken backend: write a broken backend with a
   * realistic bug that the test exists to catch (and add it to {@link BrokenBackendsTest}), or, if
   * no backend can fail the test because it checks only the facade or the recorder, move it to
   * their own tests ({@code org.activitylog.api.ActivityLogFacadeTest}, {@code
   * org.activitylog.recorder.ActivityRecorderOwnRulesTest}). If it fails because a test of the list
   * is now failed by some broken backend, remove its line.
   */
  @Test
  @DisplayName("Every contract test is failed by at least one broken backend")
  void everyTestIsFailedBySomeBrokenBackend() {
    Set<String> passedByControl =
        ContractRuns.passed(ContractRuns.run(BrokenRepository.Contract.class));
    Map<String, Set<String>> failedBy = new TreeMap<>();
    for (BrokenBackendsTest.Caught c : BrokenBackendsTest.CATALOGUE) {
      for (String test : ContractRuns.failed(ContractRuns.run(c.contract()))) {
        failedBy
            .computeIfAbsent(test, t -> new TreeSet<>())
            .add(c.contract().getEnclosingClass().getSimpleName());
      }
    }
    writeReport(passedByControl, failedBy);
    Set<String> failedBySome = failedBy.keySet();

    Set<String> neverFailed = new TreeSet<>(passedByControl);
    neverFailed.removeAll(failedBySome);
    assertThat(neverFailed)
        .as(
            "contract tests no broken backend fails (%d of %d), beyond the listed gaps %s",
            neverFailed.size(), passedByControl.size(), GAPS)
        .containsExactlyInAnyOrderElementsOf(notYetFailed());
  }

  private static final String GAPS = "not-yet-failed.txt";

  /** Where the run says which broken backends fail each test, for the testkit README's table. */
  private static final Path REPORT = Path.of("target", "failed-by.tsv");

  private static void writeReport(Set<String> tests, Map<String, Set<String>> failedBy) {
    StringBuilder report = new StringBuilder("test\tbroken backends that fail it\n");
    for (String test : tests) {
      report
          .append(test)
          .append('\t')
          .append(String.join(" ", failedBy.getOrDefault(test, Set.of())))
          .append('\n');
    }
    try {
      Files.createDirectories(REPORT.getParent());
      Files.writeString(REPORT, report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The known gaps, one test name per line; the list must match exactly, so it only shrinks. */
  private static List<String> notYetFailed() {
    try (InputStream in = EveryTestCanFailTest.class.getResourceAsStream(GAPS)) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
