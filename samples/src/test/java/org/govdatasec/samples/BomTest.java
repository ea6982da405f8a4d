package org.govdatasec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM must manage every published module of the reactor, and nothing else, at the reactor's version.
 * Published modules are the aggregator's jar modules except the samples and benchmarks.
 */
class BomTest {

  private static final Path ROOT = Path.of("..");
  private static final Set<String> NOT_PUBLISHED = Set.of("bom", "samples", "benchmarks");

  @Test
  @DisplayName("bom/pom.xml manages exactly the published modules at the reactor version")
  void bomManagesEveryPublishedModule() throws Exception {
    Document parent = parse(ROOT.resolve("pom.xml"));
    Document bom = parse(ROOT.resolve("bom/pom.xml"));

    assertEquals(text(parent.getDocumentElement(), "version"), text(bom.getDocumentElement(), "version"),
        "the BOM's version must equal the reactor's");

    Set<String> published = new TreeSet<>();
    NodeList modules = parent.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent().trim();
      assertTrue(Files.isRegularFile(ROOT.resolve(module).resolve("pom.xml")),
          "the aggregator lists module " + module + ", which does not exist");
      if (!NOT_PUBLISHED.contains(module)) {
        published.add(module);
      }
    }

    Set<String> managed = new TreeSet<>();
    for (Element dep : children(bom.getDocumentElement(), "dependencyManagement", "dependencies", "dependency")) {
      assertEquals("org.govdatasec", text(dep, "groupId"), "the BOM manages only govdatasec artifacts");
      assertEquals("${project.version}", text(dep, "version"), "managed at the BOM's own version");
      managed.add(text(dep, "artifactId"));
    }
    assertEquals(published, managed, "the BOM must manage every published module and nothing else");
    assertTrue(bom.getElementsByTagName("parent").getLength() == 0,
        "the BOM has no parent, so no test dependency management leaks into users' builds");
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(pom.toFile());
  }

  private static String text(Element e, String child) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(child)) {
        return c.getTextContent().trim();
      }
    }
    return null;
  }

  private static List<Element> children(Element e, String... path) {
    List<Element> level = List.of(e);
    for (String name : path) {
      List<Element> next = new ArrayList<>();
      for (Element el : level) {
        for (Node n = el.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element c && c.getTagName().equals(name)) {
            next.add(c);
          }
        }
      }
      level = next;
    }
    return level;
  }
}
