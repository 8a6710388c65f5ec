package org.activitylog.benchmarks.harness;

import java.util.Objects;

/**
 * One way of doing the work a comparison measures, such as "library" or "raw JDBC".
 *
 * @param name the name shown in the results
 * @param operation the work, repeated for the length of a round
 */
public record Contender(String name, Operation operation) {

  /** Rejects missing parts. */
  public Contender {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operation, "operation");
  }
}
