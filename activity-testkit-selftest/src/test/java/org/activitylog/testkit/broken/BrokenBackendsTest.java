package org.activitylog.testkit.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * Proof that the repository contract can fail: each deliberately broken backend, a working
 * in-memory store behind a decorator that adds one bug, fails at least one contract test, and the
 * failures fall in the groups whose rules the bug breaks.
 */
class BrokenBackendsTest {

  /** A broken backend's contract run and the group that states the rule it breaks. */
  record Caught(Class<?> contract, String group) {}

  /** Each broken backend and the group that states the rule it breaks. */
  static final List<Caught> CATALOGUE =
      List.of(
          caught(TiesBrokenTheWrongWay.Contract.class, "Repository/Sorting"),
          caught(SortDirectionIgnored.Contract.class, "Repository/Sorting"),
          caught(PageOffsetOffByOne.Contract.class, "Repository/Paging"),
          caught(SoftDeletedRowsListed.Contract.class, "Repository/SoftDeleting"),
          caught(UpdatedAtNotStamped.Contract.class, "Repository/Updating"),
          caught(WorkspaceFilterIgnored.Contract.class, "Repository/Filtering"),
          caught(DuplicateUidAccepted.Contract.class, "Repository/Inserting"),
          caught(CreatedBeforeInclusive.Contract.class, "Repository/Filtering"),
          caught(CountIgnoresDeletedFilter.Contract.class, "Repository/Counting"),
          caught(ExpectedVersionIgnored.Contract.class, "Repository/Updating"),
          caught(VersionCheckRacesWithWrite.Contract.class, "Repository/Concurrency"),
          caught(PurgeCutoffInclusive.Contract.class, "Repository/Purging"),
          caught(CursorRepeatsLastItem.Contract.class, "Repository/KeysetPaging"),
          caught(UpdateClearsOmittedFields.Contract.class, "Repository/Updating"),
          caught(NoOpUpdateRestamps.Contract.class, "Repository/Updating"),
          caught(SoftDeleteRestampsDeleted.Contract.class, "Repository/SoftDeleting"),
          caught(FindByUidSkipsDeleted.Contract.class, "Repository/Finding"),
          caught(UidKeyIgnoresGroup.Contract.class, "Repository/Inserting"),
          caught(UidLookupIgnoresGroup.Contract.class, "Repository/Finding"),
          caught(InsertAllReordered.Contract.class, "Repository/Inserting"),
          caught(EraseCountSkipsDeleted.Contract.class, "Repository/Erasing"),
          // Races with a narrow window; RaceDetectionTest shows each is caught in every run.
          caught(UidCheckThenInsert.Contract.class, "Repository/Concurrency"),
          caught(UpdateCountIgnored.Contract.class, "Repository/Concurrency"),
          caught(InsertAllReadsBackNewestRows.Contract.class, "Repository/Concurrency"),
          caught(ScanPagesByOffset.Contract.class, "Repository/Concurrency"),
          caught(FollowCheckThenInsert.Contract.class, "Follows/Concurrency"),
          caught(FolloweeListRewrittenWhole.Contract.class, "Follows/Concurrency"));

  static Stream<Arguments> brokenBackends() {
    return CATALOGUE.stream()
        .map(
            c ->
                Arguments.of(
                    Named.of(c.contract().getEnclosingClass().getSimpleName(), c.contract()),
                    c.group()));
  }

  /**
   * If this fails with no failed test, the contract no longer catches this bug: a rule lost its
   * test, or a test lost its teeth. If it fails elsewhere but not in the group named here, the
   * group's tests miss the bug they exist for.
   */
  @ParameterizedTest(name = "{0} fails the contract in {1}")
  @MethodSource("brokenBackends")
  @DisplayName(
      "Every broken backend fails the contract in the group that states the rule it breaks")
  void brokenBackendIsCaught(Class<?> contract, String group) {
    List<Event> failures = ContractRuns.run(contract).testEvents().failed().list();

    Set<String> failingGroups =
        failures.stream()
            .map(e -> ContractRuns.groupOf(e.getTestDescriptor()))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(failingGroups).as("groups with failed tests").contains(group);
  }

  /**
   * If this fails, the forwarding decorator itself is broken, and the broken backends' failures
   * prove nothing.
   */
  @Test
  @DisplayName("The decorator with no bug added passes the whole contract")
  void forwardingAlonePasses() {
    EngineExecutionResults results = ContractRuns.run(BrokenRepository.Contract.class);

    assertThat(results.testEvents().failed().list())
        .as("failed tests of the bug-free decorator")
        .isEmpty();
    assertThat(results.testEvents().succeeded().count())
        .as("contract tests that passed")
        .isGreaterThan(150);
  }

  private static Caught caught(Class<?> contract, String group) {
    return new Caught(contract, group);
  }
}
