package org.activitylog.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Proof that {@link LayeringTest} can fail: on the same imported classes, rules that state the
 * opposite of dependencies the code really has are violated. If the import saw no classes or no
 * dependencies, every "no class should" rule would pass for nothing.
 */
class RulesSeeTheCodeTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.activitylog");

  @Test
  @DisplayName(
      "Rules against dependencies the code has are violated, so the layering rules can fail")
  void rulesAgainstRealDependenciesFail() {
    assertThat(CLASSES.size()).as("classes imported").isGreaterThan(200);
    assertViolated(
        "the server assembles the JDBC backend",
        "org.activitylog.server..",
        "org.activitylog.jdbc..");
    assertViolated(
        "the JDBC backend implements the SPI", "org.activitylog.jdbc..", "org.activitylog.spi..");
    assertViolated("the facade uses the SPI", "org.activitylog.core..", "org.activitylog.spi..");
    assertViolated("the SPI uses the model", "org.activitylog.spi..", "org.activitylog.api..");
    assertViolated("the wire formats use Jackson", "org.activitylog.formats..", "com.fasterxml..");
    assertViolated(
        "the JDBC backend stores its JSON columns with the codec",
        "org.activitylog.jdbc..",
        "org.activitylog.jackson..");
    assertViolated(
        "the wire formats write actors with the codec",
        "org.activitylog.formats..",
        "org.activitylog.jackson..");
    assertViolated(
        "the metrics binding decorates the SPI",
        "org.activitylog.micrometer..",
        "org.activitylog.spi..");
    assertViolated(
        "the servlet calls the HTTP adapter",
        "org.activitylog.servlet..",
        "org.activitylog.http..");
    assertViolated(
        "the Spring Boot starter builds the JDBC store",
        "org.activitylog.spring..",
        "org.activitylog.jdbc..");
    assertViolated(
        "the HTTP adapter writes the wire formats",
        "org.activitylog.http..",
        "org.activitylog.formats..");
  }

  private static void assertViolated(String fact, String from, String to) {
    assertThat(
            noClasses()
                .that()
                .resideInAPackage(from)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(to)
                .evaluate(CLASSES)
                .hasViolation())
        .as("a rule that %s does not happen (%s -> %s) is violated", fact, from, to)
        .isTrue();
  }
}
