/**
 * Spring Boot auto-configuration for activitylog: {@link
 * org.activitylog.spring.boot.ActivityLogAutoConfiguration} builds the store, the facade and the
 * recorder from {@link org.activitylog.spring.boot.ActivityLogProperties}. Spring's jars are
 * automatic modules (each names itself in its manifest); the package is opened to Spring, which
 * reads the configuration and binds the properties by reflection.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.spring.boot {
  requires transitive org.activitylog.core;
  requires transitive org.activitylog.recorder;
  requires org.activitylog.jdbc;
  requires java.sql;
  requires transitive spring.boot;
  requires transitive spring.boot.autoconfigure;
  requires transitive spring.beans;
  requires transitive spring.context;
  requires spring.core;
  requires static org.activitylog.memory;
  requires static org.activitylog.micrometer;
  requires static micrometer.core;
  requires static transitive spring.boot.health;
  requires static transitive org.jspecify;

  exports org.activitylog.spring.boot;

  opens org.activitylog.spring.boot to
      spring.core,
      spring.beans,
      spring.context;
}
