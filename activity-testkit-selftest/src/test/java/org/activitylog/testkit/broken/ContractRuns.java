package org.activitylog.testkit.broken;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs a contract subclass once per test JVM with JUnit's engine test kit and names its tests in a
 * way that does not depend on the subclass: the kit's test classes share the runs.
 */
final class ContractRuns {
  private static final Map<Class<?>, EngineExecutionResults> RUNS = new ConcurrentHashMap<>();

  private ContractRuns() {}

  /**
   * {@return the results of running a contract subclass, from the first run in this JVM}
   *
   * @param contract the contract subclass
   */
  static EngineExecutionResults run(Class<?> contract) {
    return RUNS.computeIfAbsent(
        contract, c -> EngineTestKit.engine("junit-jupiter").selectors(selectClass(c)).execute());
  }

  /**
   * {@return the names of a run's tests that failed}
   *
   * @param results a run
   */
  static Set<String> failed(EngineExecutionResults results) {
    return names(results.testEvents().failed().list().stream().map(Event::getTestDescriptor));
  }

  /**
   * {@return the names of a run's tests that passed}
   *
   * @param results a run
   */
  static Set<String> passed(EngineExecutionResults results) {
    return names(results.testEvents().succeeded().list().stream().map(Event::getTestDescriptor));
  }

  /**
   * The contract's {@code @Nested} groups a test belongs to, outermost first, such as {@code
   * Repository/Inserting}.
   *
   * @param test a test
   */
  static String groupOf(TestDescriptor test) {
    String path =
        test.getUniqueId().getSegments().stream()
            .filter(s -> s.getType().equals("nested-class"))
            .map(UniqueId.Segment::getValue)
            .collect(Collectors.joining("/"));
    return path.isEmpty() ? "(no group)" : path;
  }

  /**
   * A test's name without the subclass that ran it: its groups and its method. Every repetition or
   * parameter set of one test method counts as that test.
   *
   * @param test a test
   */
  static String nameOf(TestDescriptor test) {
    String method =
        test.getUniqueId().getSegments().stream()
            .filter(s -> s.getType().equals("method") || s.getType().equals("test-template"))
            .map(UniqueId.Segment::getValue)
            .findFirst()
            .orElse(test.getDisplayName());
    return groupOf(test) + "#" + method;
  }

  private static Set<String> names(java.util.stream.Stream<TestDescriptor> tests) {
    return tests.map(ContractRuns::nameOf).collect(Collectors.toCollection(TreeSet::new));
  }
}
