package org.govdatasec.processor.internal;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.govdatasec.core.Requirement;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.policy.Assessment;
import org.govdatasec.core.policy.CombinationRule;
import org.govdatasec.core.policy.Contribution;
import org.govdatasec.core.policy.RequiredControl;

/**
 * The data-resource catalog of one compilation (CLS-4), {@code META-INF/govdatasec/catalog.json}: every
 * classified type, sorted by name, with its fields (sorted by name), levels, categories, effective level
 * and why, and required controls, as sdk-core's policy engine decides them under the default policy.
 */
final class CatalogWriter {

  /** The path of the catalog in the class output and in jars. */
  static final String PATH = "META-INF/govdatasec/catalog.json";
  /** The version of the format; readers refuse versions they do not know. */
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, ObjectNode> types = new TreeMap<>();

  boolean isEmpty() {
    return types.isEmpty();
  }

  void add(Assessment a, boolean stored, Optional<String> storedFormOf) {
    ObjectNode t = MAPPER.createObjectNode();
    t.put("type", a.schema().typeName());
    t.put("name", a.schema().simpleName());
    t.put("kind", a.schema().kind().name());
    t.put("stored", stored);
    storedFormOf.ifPresentOrElse(s -> t.put("storedFormOf", s), () -> t.putNull("storedFormOf"));
    a.schema().declared().ifPresentOrElse(d -> t.put("declared", d.toString()), () -> t.putNull("declared"));
    t.put("reason", a.schema().reason());
    a.effective().ifPresentOrElse(e -> t.put("effective", e.toString()), () -> t.putNull("effective"));
    a.effective().ifPresentOrElse(e -> t.put("effectiveLabel", e.chineseLabel()), () -> t.putNull("effectiveLabel"));
    ArrayNode why = t.putArray("why");
    a.decisive().stream().map(Contribution::toString).forEach(why::add);
    ArrayNode contributions = t.putArray("contributions");
    a.contributions().stream().map(Contribution::toString).forEach(contributions::add);
    t.put("personalInformation", a.personalInformation());
    t.put("sensitivePersonalInformation", a.sensitivePersonalInformation());
    t.put("minors", a.minors());
    ArrayNode categories = t.putArray("categories");
    a.categories().stream().map(PiCategory::name).sorted().forEach(categories::add);
    ArrayNode combinations = t.putArray("combinations");
    a.combinations().stream().map(CombinationRule::name).sorted().forEach(combinations::add);
    t.put("highRiskByLevel", a.effective().map(e -> e.isHighRisk()).orElse(false));
    a.schema().subjectIdField().ifPresentOrElse(f -> t.put("subjectIdField", f.name()),
        () -> t.putNull("subjectIdField"));
    ArrayNode fields = t.putArray("fields");
    a.schema().fields().stream().sorted(Comparator.comparing(FieldSchema::name)).forEach(f -> {
      ObjectNode n = fields.addObject();
      n.put("name", f.name());
      n.put("javaType", f.javaType());
      f.declared().ifPresentOrElse(d -> n.put("declared", d.toString()), () -> n.putNull("declared"));
      n.put("reason", f.reason());
      ArrayNode cats = n.putArray("categories");
      f.categories().stream().map(PiCategory::name).sorted().forEach(cats::add);
      n.put("personalInformation", f.personalInformation());
      n.put("sensitive", f.sensitive());
      n.put("subjectId", f.subjectId());
      n.put("multiValued", f.multiValued());
      f.nestedType().ifPresentOrElse(x -> n.put("nestedType", x), () -> n.putNull("nestedType"));
      n.put("classified", f.classified());
    });
    ArrayNode controls = t.putArray("controls");
    for (RequiredControl c : a.controls()) {
      ObjectNode n = controls.addObject();
      n.put("control", c.control().name());
      n.put("chineseName", c.control().chineseName());
      n.put("strength", c.strength().name());
      ArrayNode reqs = n.putArray("requirements");
      c.requirements().stream().map(Requirement::id).forEach(reqs::add);
      ArrayNode clauses = n.putArray("clauses");
      c.clauses().forEach(clauses::add);
    }
    types.put(a.schema().typeName(), t);
  }

  void write(OutputStream out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("generator", "org.govdatasec:sdk-processor");
    root.put("policy", "defaults");
    root.put("note", "Assessed at compile time under the default policy. The volume rule (CLS-3: personal"
        + " information of 1,000,000 people or more) and agency overrides apply at run time.");
    ArrayNode list = root.putArray("types");
    List.copyOf(types.values()).forEach(list::add);
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    byte[] bytes = MAPPER.writer(printer).writeValueAsBytes(root);
    out.write(bytes);
    out.write('\n');
  }
}
