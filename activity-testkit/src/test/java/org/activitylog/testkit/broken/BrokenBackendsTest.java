package org.activitylog.testkit.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

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
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Proof that the repository contract can fail: each deliberately broken backend, a working
 * in-memory store behind a decorator that adds one bug, fails at least one contract test, and the
 * failures fall in the groups whose rules the bug breaks.
 */
class BrokenBackendsTest {

  /**
   * Each broken backend, the group that states the rule it breaks, and other groups it may fail.
   */
  static Stream<Arguments> brokenBackends() {
    return Stream.of(
        caught(TiesBrokenTheWrongWay.Contract.class, "Sorting", "Paging", "KeysetPaging"),
        caught(SortDirectionIgnored.Contract.class, "Sorting", "Paging", "KeysetPaging"),
        caught(PageOffsetOffByOne.Contract.class, "Paging"),
        caught(
            SoftDeletedRowsListed.Contract.class,
            "SoftDeleting",
            "Filtering",
            "Counting",
            "KeysetPaging"),
        caught(UpdatedAtNotStamped.Contract.class, "Updating"),
        caught(
            WorkspaceFilterIgnored.Contract.class,
            "Filtering",
            "Counting",
            "Paging",
            "KeysetPaging",
            "Updating"),
        caught(DuplicateUidAccepted.Contract.class, "Inserting", "Concurrency"),
        caught(CreatedBeforeInclusive.Contract.class, "Filtering", "Counting"),
        caught(CountIgnoresDeletedFilter.Contract.class, "Counting", "SoftDeleting"),
        caught(ExpectedVersionIgnored.Contract.class, "Updating", "Concurrency"),
        caught(VersionCheckRacesWithWrite.Contract.class, "Concurrency"),
        caught(PurgeCutoffInclusive.Contract.class, "Purging"),
        caught(CursorRepeatsLastItem.Contract.class, "KeysetPaging"),
        caught(UpdateClearsOmittedFields.Contract.class, "Updating"),
        caught(NoOpUpdateRestamps.Contract.class, "Updating"),
        caught(SoftDeleteRestampsDeleted.Contract.class, "SoftDeleting"),
        caught(FindByUidSkipsDeleted.Contract.class, "Finding"),
        caught(UidKeyIgnoresGroup.Contract.class, "Inserting", "Concurrency"),
        caught(UidLookupIgnoresGroup.Contract.class, "Finding", "Inserting"),
        caught(InsertAllReordered.Contract.class, "Inserting"),
        caught(EraseCountSkipsDeleted.Contract.class, "Erasing"));
  }

  /**
   * If this fails with no failed test, the contract no longer catches this bug: a rule lost its
   * test, or a test lost its teeth. If it fails because of a group not listed, either the bug leaks
   * into rules it should not touch (check the broken backend) or a new test legitimately catches it
   * (add the group).
   */
  @ParameterizedTest(name = "{0} fails the contract in {1}")
  @MethodSource("brokenBackends")
  @DisplayName("Every broken backend fails the contract, in the groups whose rules it breaks")
  void brokenBackendIsCaught(Class<?> contract, String firstGroup, Set<String> allowedGroups) {
    EngineExecutionResults results = run(contract);

    List<Event> failures = results.testEvents().failed().list();
    Set<String> failingGroups =
        failures.stream()
            .map(e -> groupOf(e.getTestDescriptor()))
            .collect(Collectors.toCollection(TreeSet::new));
    String failed =
        failures.stream()
            .map(
                e -> groupOf(e.getTestDescriptor()) + ": " + e.getTestDescriptor().getDisplayName())
            .collect(Collectors.joining("\n  ", "\n  ", ""));
    assertThat(failures).as("failed contract tests").isNotEmpty();
    assertThat(failingGroups)
        .as("groups with failed tests, from these failures:%s", failed)
        .contains(firstGroup)
        .isSubsetOf(allowedGroups);
  }

  /**
   * If this fails, the forwarding decorator itself is broken, and the broken backends' failures
   * prove nothing.
   */
  @Test
  @DisplayName("The decorator with no bug added passes the whole contract")
  void forwardingAlonePasses() {
    EngineExecutionResults results = run(ForwardingActivityRepository.Contract.class);

    assertThat(results.testEvents().failed().list())
        .as("failed tests of the bug-free decorator")
        .isEmpty();
    assertThat(results.testEvents().succeeded().count())
        .as("contract tests that passed")
        .isGreaterThan(50);
  }

  private static EngineExecutionResults run(Class<?> contract) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute();
  }

  private static Arguments caught(Class<?> contract, String firstGroup, String... moreGroups) {
    Set<String> allowed = new TreeSet<>(List.of(moreGroups));
    allowed.add(firstGroup);
    return Arguments.of(
        Named.of(contract.getEnclosingClass().getSimpleName(), contract), firstGroup, allowed);
  }

  /** The contract's {@code @Nested} group a test belongs to, by its class name. */
  private static String groupOf(TestDescriptor test) {
    return test.getUniqueId().getSegments().stream()
        .filter(s -> s.getType().equals("nested-class"))
        .map(UniqueId.Segment::getValue)
        .findFirst()
        .orElse("(no group)");
  }
}
