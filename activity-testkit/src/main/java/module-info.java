/**
 * Contract tests that every activitylog storage backend must pass. Subclass a contract, implement
 * its factory method, and run it with JUnit 5.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.testkit {
  requires transitive org.activitylog.api;
  requires transitive org.activitylog.core;
  // The recorder contract's recorderBuilder() hands subclasses a recorder builder.
  requires transitive org.activitylog.recorder;
  // SeedActivities are read from the seeds' example payloads; SeedExamples gives their texts.
  requires transitive org.activitylog.formats;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires static transitive org.jspecify;

  exports org.activitylog.testkit;

  opens org.activitylog.testkit to
      org.junit.platform.commons;
}
