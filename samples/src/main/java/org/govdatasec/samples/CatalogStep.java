package org.govdatasec.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo step that shows the data-resource catalog (CLS-4) the govdatasec annotation processor wrote
 * while this module compiled: {@code META-INF/govdatasec/catalog.json}, read back from the classpath.
 */
final class CatalogStep {

  /** The step's title. */
  static final String TITLE = "The data-resource catalog, written by the annotation processor (CLS-4)";

  /** Where the processor puts the catalog, in the class output and in the jar. */
  static final String RESOURCE = "META-INF/govdatasec/catalog.json";

  private CatalogStep() {}

  /**
   * Returns the step's lines: where the catalog comes from and one row per catalogued type.
   *
   * @return the lines, unwrapped
   */
  static List<String> lines() {
    List<String> out = new ArrayList<>();
    JsonNode root = read();
    if (root == null) {
      out.add("No " + RESOURCE + " on the classpath: compile with sdk-processor on annotationProcessorPaths.");
      return out;
    }
    out.add("sdk-processor checked every annotated type while this module compiled and wrote " + RESOURCE
        + " (format version " + root.path("formatVersion").asInt() + ") into the jar. Levels and controls are the"
        + " policy engine's answer under the default policy; the volume rule (CLS-3) applies at run time.");
    out.add("`govdatasec catalog --system ... --owner ... app.jar` merges the catalogs of a system's jars into the"
        + " data-resource catalog the unit files (JSON, CSV, Markdown or HTML).");
    out.add("");
    TextTable table = new TextTable("type", "kind", "effective", "PI", "sensitive", "subject id", "controls", "mandatory");
    for (JsonNode t : root.path("types")) {
      int mandatory = 0;
      for (JsonNode c : t.path("controls")) {
        if ("MANDATORY".equals(c.path("strength").asText())) {
          mandatory++;
        }
      }
      table.row(t.path("name").asText(), t.path("kind").asText(), t.path("effective").asText("-"),
          t.path("personalInformation").asBoolean() ? "yes" : "no",
          t.path("sensitivePersonalInformation").asBoolean() ? "yes" : "no",
          t.path("subjectIdField").isNull() ? "-" : t.path("subjectIdField").asText(),
          t.path("controls").size(), mandatory);
    }
    out.addAll(table.lines("  "));
    return out;
  }

  private static JsonNode read() {
    try (InputStream in = CatalogStep.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? null : new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
