package org.activitylog.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the modules, in code. Each rule names what may not import what and why; a
 * violation fails the build with the offending dependency. There are no exceptions: the model knows
 * nothing built on it, the SPI knows only the model, the facade and the recorder know only the API
 * module.
 */
@AnalyzeClasses(packages = "org.activitylog", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  private static final String MODEL = "org.activitylog.api..";
  private static final String SPI = "org.activitylog.spi..";
  private static final String CORE = "org.activitylog.core..";
  private static final String RECORDER = "org.activitylog.recorder..";
  private static final String MEMORY = "org.activitylog.memory..";
  private static final String JDBC = "org.activitylog.jdbc..";
  private static final String JACKSON = "org.activitylog.jackson..";
  private static final String FORMATS = "org.activitylog.formats..";
  private static final String HTTP = "org.activitylog.http..";
  private static final String SERVER = "org.activitylog.server..";
  private static final String TESTKIT = "org.activitylog.testkit..";
  private static final String MICROMETER = "org.activitylog.micrometer..";
  private static final String SERVLET = "org.activitylog.servlet..";
  private static final String KAFKA = "org.activitylog.kafka..";
  private static final String SPRING = "org.activitylog.spring..";

  @ArchTest
  static final ArchRule modelKnowsNoSpi =
      noClasses()
          .that()
          .resideInAPackage(MODEL)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SPI, CORE, RECORDER)
          .because(
              "the model is what every layer shares; the SPI, the facade and the recorder are"
                  + " built on it, never the other way");

  @ArchTest
  static final ArchRule spiKnowsNoFacadeOrRecorder =
      noClasses()
          .that()
          .resideInAPackage(SPI)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(CORE, RECORDER)
          .because("a backend implements the SPI without the facade or the recorder on its path");

  @ArchTest
  static final ArchRule facadeKnowsNoRecorder =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(RECORDER)
          .because("a host checks requesters through the facade without running a recorder");

  @ArchTest
  static final ArchRule recorderKnowsNoFacade =
      noClasses()
          .that()
          .resideInAPackage(RECORDER)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(CORE)
          .because("the recorder is trusted host code that writes to a store, not to a requester");

  @ArchTest
  static final ArchRule recorderWritesThroughItsSinkOnly =
      noClasses()
          .that()
          .resideInAPackage(RECORDER)
          .and()
          .doNotHaveFullyQualifiedName("org.activitylog.recorder.ActivityRecorder")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(SPI)
          .because(
              "the recorder writes to an ActivitySink, which a transport implements as well as a"
                  + " store; only ActivityRecorder.builder(ActivityStore) knows the store");

  @ArchTest
  static final ArchRule modelKnowsNoLibraryOrOuterLayer =
      noClasses()
          .that()
          .resideInAnyPackage(MODEL, SPI, CORE, RECORDER)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              MEMORY,
              JDBC,
              JACKSON,
              FORMATS,
              HTTP,
              SERVER,
              TESTKIT,
              MICROMETER,
              SERVLET,
              "io.micrometer..",
              "jakarta.servlet..",
              "com.fasterxml..",
              "org.jdbi..",
              "com.zaxxer..",
              "org.flywaydb..",
              "java.sql..",
              "org.eclipse.jetty..")
          .because(
              "the API, facade and recorder modules have no runtime dependencies and know no"
                  + " backend or transport");

  @ArchTest
  static final ArchRule backendsKnowNoTransportOrFormat =
      noClasses()
          .that()
          .resideInAnyPackage(MEMORY, JDBC)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FORMATS, HTTP, SERVER, CORE, RECORDER, TESTKIT)
          .because(
              "a backend stores what the SPI hands it; wire formats and HTTP are not its concern");

  @ArchTest
  static final ArchRule backendsKnowNoOtherBackend =
      noClasses()
          .that()
          .resideInAPackage(MEMORY)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(JDBC)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("org.jdbi..")
          .because("each backend stands alone behind the SPI");

  /**
   * The JSON codec sits between the model and Jackson, below both its users: the JDBC backend
   * stores its columns with it and the wire formats write their actors with it.
   */
  @ArchTest
  static final ArchRule codecKnowsNoStorageTransportOrBackend =
      noClasses()
          .that()
          .resideInAPackage(JACKSON)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              SPI,
              RECORDER,
              MEMORY,
              JDBC,
              FORMATS,
              HTTP,
              SERVER,
              TESTKIT,
              "java.sql..",
              "org.jdbi..",
              "org.eclipse.jetty..")
          .because(
              "the codec maps model values to JSON and back, for backends and formats alike;"
                  + " it stores nothing and serves nothing");

  @ArchTest
  static final ArchRule formatsKnowNoStorage =
      noClasses()
          .that()
          .resideInAPackage(FORMATS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SPI, MEMORY, JDBC, HTTP, SERVER, CORE, RECORDER, "java.sql..")
          .because("a wire format turns model values into bytes and back, whatever stores them");

  @ArchTest
  static final ArchRule transportKnowsNoBackend =
      noClasses()
          .that()
          .resideInAPackage(HTTP)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(MEMORY, JDBC, SERVER, "java.sql..", "org.eclipse.jetty..")
          .because(
              "the HTTP adapter serves any store through the facade and runs in any framework");

  /**
   * The metrics binding reads the recorder's counters and decorates the SPI; it works over any
   * backend and under any transport, so it names neither. A transport's ingestor (activity-kafka's)
   * reaches it through the recorder's {@code RecorderMetricsSource}, and {@link
   * #nothingIsBuiltOnKafka} keeps Kafka off its class path.
   */
  @ArchTest
  static final ArchRule metricsKnowNoBackendOrTransport =
      noClasses()
          .that()
          .resideInAPackage(MICROMETER)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              MEMORY,
              JDBC,
              JACKSON,
              FORMATS,
              HTTP,
              SERVER,
              SERVLET,
              CORE,
              TESTKIT,
              "java.sql..",
              "org.jdbi..",
              "com.zaxxer..",
              "org.eclipse.jetty..",
              "jakarta.servlet..")
          .because(
              "the Micrometer binding times any store behind the SPI and reads any recorder;"
                  + " backends, the facade and transports are not its concern");

  /**
   * The servlet adapter copies requests to the HTTP adapter and answers back; it never touches
   * storage, so any store and any container combine.
   */
  @ArchTest
  static final ArchRule servletKnowsNoStorage =
      noClasses()
          .that()
          .resideInAPackage(SERVLET)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              SPI,
              MEMORY,
              JDBC,
              JACKSON,
              RECORDER,
              SERVER,
              MICROMETER,
              TESTKIT,
              "java.sql..",
              "org.jdbi..",
              "org.eclipse.jetty..")
          .because(
              "the servlet serves activity-http in any servlet container; storage sits behind"
                  + " the facade, and no container's own classes are needed");

  /**
   * The Kafka module is a recorder transport and an ingestor into any store: it knows the model,
   * the SPI, the recorder's sink and the codec, and nothing of how a backend stores or a format
   * writes.
   */
  @ArchTest
  static final ArchRule kafkaKnowsNoBackendTransportOrFormat =
      noClasses()
          .that()
          .resideInAPackage(KAFKA)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              MEMORY,
              JDBC,
              FORMATS,
              HTTP,
              SERVER,
              CORE,
              TESTKIT,
              "java.sql..",
              "org.jdbi..",
              "org.eclipse.jetty..")
          .because(
              "the ingestor writes through the SPI's batch insert and the sink is the recorder's;"
                  + " the topic's record is the codec's JSON, not a wire format of the seeds");

  /**
   * Only the benchmark harness (activity-benchmarks, profile {@code bench}, not analysed here) uses
   * activity-kafka; its metrics reach Micrometer through the recorder's interface.
   */
  @ArchTest
  static final ArchRule nothingIsBuiltOnKafka =
      noClasses()
          .that()
          .resideOutsideOfPackage(KAFKA)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(KAFKA, "org.apache.kafka..")
          .because("a host adds activity-kafka when it wants Kafka; no other module may need it");

  /**
   * The Spring Boot starter assembles the facade, the recorder, the JDBC or in-memory store and the
   * meters for a Boot application; wire formats, HTTP, Kafka and the reference server are not its
   * concern (an application mounts the servlet itself).
   */
  @ArchTest
  static final ArchRule starterAssemblesOnlyWhatItConfigures =
      noClasses()
          .that()
          .resideInAPackage(SPRING)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              JACKSON,
              FORMATS,
              HTTP,
              SERVER,
              TESTKIT,
              KAFKA,
              "org.activitylog.jdbc.internal..",
              "org.activitylog.recorder.internal..",
              "org.jdbi..",
              "com.zaxxer..",
              "org.eclipse.jetty..")
          .because(
              "the starter builds the public builders from properties; it reaches no module's"
                  + " internals and no transport");

  @ArchTest
  static final ArchRule nothingIsBuiltOnTheStarter =
      noClasses()
          .that()
          .resideOutsideOfPackage(SPRING)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SPRING, "org.springframework..")
          .because("a Boot application adds the starter; no other module may need it, or Spring");

  @ArchTest
  static final ArchRule onlyTheServerAssembles =
      noClasses()
          .that()
          .resideOutsideOfPackage(SERVER)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(SERVER)
          .because("the reference server is the application: nothing is built on it");

  @ArchTest
  static final ArchRule testkitIsNeverAProductionDependency =
      noClasses()
          .that()
          .resideOutsideOfPackage(TESTKIT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(TESTKIT)
          .because("the testkit is added with test scope; no shipped module may need it");

  @ArchTest static final ArchRule memoryInternals = internalsOf("memory");

  @ArchTest static final ArchRule jdbcInternals = internalsOf("jdbc");

  @ArchTest static final ArchRule jacksonInternals = internalsOf("jackson");

  @ArchTest static final ArchRule formatInternals = internalsOf("formats");

  @ArchTest static final ArchRule httpInternals = internalsOf("http");

  @ArchTest static final ArchRule serverInternals = internalsOf("server");

  @ArchTest static final ArchRule recorderInternals = internalsOf("recorder");

  @ArchTest static final ArchRule testkitInternals = internalsOf("testkit");

  @ArchTest static final ArchRule kafkaInternals = internalsOf("kafka");

  /**
   * The API module's internal package is exported, by name, to the HTTP and server modules for its
   * ASCII case rules. The facade and the wire formats do not use it: a qualified export fails at
   * run time when the module it names is loaded from the class path, which a host may well do.
   */
  @ArchTest
  static final ArchRule apiInternals =
      classes()
          .that()
          .resideInAPackage("org.activitylog.api.internal..")
          .should()
          .onlyBeAccessed()
          .byClassesThat()
          .resideInAnyPackage(MODEL, SPI, HTTP, SERVER)
          .because("module-info exports api.internal only to the http and server modules");

  @ArchTest
  static final ArchRule topLevelPackagesHaveNoCycles =
      slices()
          .matching("org.activitylog.(*)..")
          .should()
          .beFreeOfCycles()
          .because("a cycle between modules' packages would make them one module in disguise");

  /** Classes of a module's internal package are used only inside that module. */
  private static ArchRule internalsOf(String module) {
    String home = "org.activitylog." + module + "..";
    return classes()
        .that()
        .resideInAPackage("org.activitylog." + module + ".internal..")
        .should()
        .onlyBeAccessed()
        .byClassesThat()
        .resideInAPackage(home)
        .because("module-info exports no internal package: it may change in any release");
  }
}
