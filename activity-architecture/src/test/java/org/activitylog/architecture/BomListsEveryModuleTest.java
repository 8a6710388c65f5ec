package org.activitylog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The BOM ({@code activity-bom}) lists every published module of the root pom, at the root pom's
 * version, and nothing else: a new module cannot be forgotten in it, and it never pins a
 * third-party library in its users' builds. A module is published unless its pom sets {@code
 * maven.deploy.skip} (the test-only modules) or it is a pom itself (the BOM).
 */
class BomListsEveryModuleTest {

  /** Surefire runs in the module's directory; the root pom is one level up. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  @DisplayName("The BOM manages exactly the published modules of the root pom")
  void listsEveryPublishedModule() throws Exception {
    Set<String> published = new TreeSet<>();
    for (String module : children(root(ROOT.resolve("pom.xml")), "modules", "module")) {
      Element pom = root(ROOT.resolve(module).resolve("pom.xml"));
      boolean skipped =
          text(pom, "properties", "maven.deploy.skip").equals("true")
              || text(pom, "packaging").equals("pom");
      if (!skipped) {
        published.add(text(pom, "artifactId"));
      }
    }
    Set<String> managed = new TreeSet<>(bomArtifacts("artifactId"));
    /* If this fails, check the BOM's dependencyManagement: add the new module there (or set
    maven.deploy.skip in the module's pom when it is test-only). */
    assertThat(managed)
        .as("modules the BOM manages; the published ones are %s", published)
        .isEqualTo(published);
  }

  @Test
  @DisplayName("The BOM pins only activitylog's own modules, at the root pom's version")
  void pinsNothingElse() throws Exception {
    Element bom = root(ROOT.resolve("activity-bom/pom.xml"));
    Element parent = root(ROOT.resolve("pom.xml"));
    /* If this fails, check that the BOM has no <parent>: an imported BOM brings its inherited
    dependencyManagement (Jackson, H2, JUnit...) into the user's build. */
    assertThat(children(bom, "parent")).as("the BOM's parent element").isEmpty();
    assertThat(text(bom, "version"))
        .as("the BOM's version, which must follow the root pom's")
        .isEqualTo(text(parent, "version"));
    assertThat(new TreeSet<>(bomArtifacts("groupId")))
        .as("groups the BOM manages")
        .containsExactly("org.activitylog");
    assertThat(new TreeSet<>(bomArtifacts("version")))
        .as("versions the BOM gives")
        .containsExactly("${project.version}");
  }

  private static List<String> bomArtifacts(String field) throws Exception {
    Element bom = root(ROOT.resolve("activity-bom/pom.xml"));
    List<String> values = new ArrayList<>();
    for (Element management : elements(bom, "dependencyManagement")) {
      for (Element dependencies : elements(management, "dependencies")) {
        for (Element dependency : elements(dependencies, "dependency")) {
          values.add(text(dependency, field));
        }
      }
    }
    return values;
  }

  private static Element root(Path pom)
      throws IOException, ParserConfigurationException, SAXException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(pom)) {
      Document document = factory.newDocumentBuilder().parse(in);
      return document.getDocumentElement();
    }
  }

  /** The text of the direct child elements along a path, such as {@code modules/module}. */
  private static List<String> children(Element from, String... path) {
    List<Element> level = List.of(from);
    for (String name : path) {
      List<Element> next = new ArrayList<>();
      for (Element e : level) {
        next.addAll(elements(e, name));
      }
      level = next;
    }
    return level.stream().map(e -> e.getTextContent().trim()).toList();
  }

  private static String text(Element from, String... path) {
    List<String> found = children(from, path);
    return found.isEmpty() ? "" : found.get(0);
  }

  private static List<Element> elements(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }
}
