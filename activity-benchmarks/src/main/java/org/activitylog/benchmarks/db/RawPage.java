package org.activitylog.benchmarks.db;

import java.util.List;

/**
 * A page the raw baseline read, with the total the library's page API also returns.
 *
 * @param items the rows
 * @param total how many rows the whole listing has
 */
public record RawPage(List<RawActivity> items, long total) {

  /** Copies the rows. */
  public RawPage {
    items = List.copyOf(items);
  }
}
