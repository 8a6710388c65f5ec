package org.activitylog.testkit.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.activitylog.testkit.ActivityRepositoryContract;
import org.activitylog.testkit.FollowGraphContract;
import org.activitylog.testkit.RetentionContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Proof that the concurrency tests catch a narrow race every time, not now and then: each racy
 * backend, whose check and write are two calls with no more than a scheduling point between them
 * ({@link RaceWindow}), runs the one contract test that exists to catch it, again and again, and
 * must fail it in every run.
 *
 * <p>{@code -Draces.runs=N} changes the number of runs (20 by default); {@code
 * -Draces.measureOnly=true} reports the detection rates without asserting them, and {@code
 * -Draces.window} changes the window, to measure a change to the tests.
 */
class RaceDetectionTest {
  private static final int RUNS = Integer.getInteger("races.runs", 20);
  private static final boolean MEASURE_ONLY = Boolean.getBoolean("races.measureOnly");

  /** A racy backend's contract run and a test, named as {@link ContractRuns#nameOf} does. */
  record Race(Class<?> contract, String test) {}

  /** Each racy backend and a test that must catch it in every run. */
  static final List<Race> RACES =
      List.of(
          race(
              VersionCheckRacesWithWrite.Contract.class,
              "Repository/Concurrency#oneWinnerPerVersion()"),
          race(UidCheckThenInsert.Contract.class, "Repository/Concurrency#sameUidAtOnce()"),
          race(UpdateCountIgnored.Contract.class, "Repository/Concurrency#noLostUpdates()"),
          race(
              UpdateCountIgnored.Contract.class,
              "Repository/Concurrency#updatesRaceDeleteAndRestore()"),
          race(
              InsertAllReadsBackNewestRows.Contract.class,
              "Repository/Concurrency#insertUpdateRead()"),
          race(ScanPagesByOffset.Contract.class, "Repository/Concurrency#scanWhileOthersWrite()"),
          race(
              FollowCheckThenInsert.Contract.class,
              "Follows/Concurrency#concurrentFollowsOfTheSameEdges()"),
          race(
              FolloweeListRewrittenWhole.Contract.class,
              "Follows/Concurrency#concurrentFollowAndUnfollow()"),
          race(
              FolloweeListRewrittenWhole.Contract.class,
              "Follows/Concurrency#removeActorWhileOthersFollow()"),
          race(
              EraseArchivesRowByRow.Contract.class,
              "Retention/ErasureDuringPurge#erasureStaysComplete()"));

  static Stream<Arguments> races() {
    return RACES.stream()
        .map(
            r ->
                Arguments.of(
                    Named.of(r.contract().getEnclosingClass().getSimpleName(), r.contract()),
                    r.test()));
  }

  /**
   * If this fails, the test named catches the race only in some runs: make its threads meet more
   * often on the same keys (a barrier before each round, more rounds, fewer keys), not the window
   * wider.
   */
  @ParameterizedTest(name = "{0} is caught by {1} in every run")
  @MethodSource("races")
  @DisplayName("Every racy backend fails the test that exists to catch its race, in every run")
  void caughtInEveryRun(Class<?> contract, String test, TestReporter reporter) {
    String id = uniqueId(contract, test);
    int caught = 0;
    long started = System.nanoTime();
    for (int run = 0; run < RUNS; run++) {
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter").selectors(selectUniqueId(id)).execute();
      assertThat(results.testEvents().started().count()).as("tests run for %s", id).isPositive();
      if (results.testEvents().failed().count() > 0) {
        caught++;
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    String rate =
        String.format(
            "%s caught by %s in %d of %d runs (%d%%), %d ms",
            contract.getEnclosingClass().getSimpleName(),
            test,
            caught,
            RUNS,
            100 * caught / RUNS,
            millis);
    reporter.publishEntry("detection", rate);
    System.out.println("race detection: " + rate);
    if (!MEASURE_ONLY) {
      assertThat(caught).as(rate).isEqualTo(RUNS);
    }
  }

  /** The unique id of a contract test in a subclass, from its name such as {@code A/B#m()}. */
  private static String uniqueId(Class<?> contract, String test) {
    String[] groupsAndMethod = test.split("#", 2);
    String[] groups = groupsAndMethod[0].split("/");
    String method = groupsAndMethod[1].replace("()", "");
    Class<?> declaring = topGroup(groups[0]);
    for (int i = 1; i < groups.length; i++) {
      String simpleName = groups[i];
      declaring =
          Arrays.stream(declaring.getDeclaredClasses())
              .filter(c -> c.getSimpleName().equals(simpleName))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no group " + test));
    }
    Method m;
    try {
      m = declaring.getDeclaredMethod(method);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("no test " + test, e);
    }
    StringBuilder id =
        new StringBuilder("[engine:junit-jupiter]/[class:").append(contract.getName()).append(']');
    for (String group : groups) {
      id.append("/[nested-class:").append(group).append(']');
    }
    String kind = m.isAnnotationPresent(RepeatedTest.class) ? "test-template" : "method";
    return id.append("/[").append(kind).append(':').append(method).append("()]").toString();
  }

  private static Class<?> topGroup(String name) {
    return switch (name) {
      case "Repository" -> ActivityRepositoryContract.class;
      case "Follows" -> FollowGraphContract.class;
      case "Retention" -> RetentionContract.class;
      default -> throw new IllegalArgumentException("no contract for group " + name);
    };
  }

  private static Race race(Class<?> contract, String test) {
    return new Race(contract, test);
  }
}
