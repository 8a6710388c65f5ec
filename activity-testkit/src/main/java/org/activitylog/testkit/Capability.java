package org.activitylog.testkit;

/**
 * Optional abilities of a backend. Contract tests that need one are skipped, with a message saying
 * what to override, unless the backend declares it in {@link StoreContractSupport#capabilities()}.
 */
public enum Capability {
  /**
   * Two store instances can work on one storage at once, as two application nodes on one database
   * do. Declare it and override {@link StoreContractSupport#createSecondStore(MutableClock)}.
   */
  SHARED_STORAGE
}
