/**
 * The same module as src/main/java's, plus what the tests need. With this file, Maven compiles and
 * runs the tests as this named module with the kit and JUnit on the module path as named modules;
 * without it, they run patched into the main module with the kit on the class path. Both work.
 */
module org.activitylog.examples.liststore {
  requires transitive org.activitylog.api;
  requires static org.jspecify;
  requires org.activitylog.testkit;

  exports org.activitylog.examples.liststore;

  // JUnit instantiates the test class by reflection.
  opens org.activitylog.examples.liststore to
      org.junit.platform.commons;
}
