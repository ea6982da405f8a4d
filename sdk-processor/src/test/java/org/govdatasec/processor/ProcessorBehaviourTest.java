package org.govdatasec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.govdatasec.processor.Sources.catalog;
import static org.govdatasec.processor.Sources.compile;
import static org.govdatasec.processor.Sources.govdatasec;
import static org.govdatasec.processor.Sources.line;
import static org.govdatasec.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Suppression, options, the catalog, nested and generic types, later rounds and internal failures. */
class ProcessorBehaviourTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String[] BREAKS_TWO_RULES = {
      "public record Applicant(",
      "    @PersonalInfo(PiCategory.NAME) String name,",
      "    @PersonalInfo(PiCategory.BANK_CARD) String bankCard) {}"};

  @Test
  @DisplayName("@SuppressWarnings(\"govdatasec:RULE\") silences exactly that rule on that element")
  void suppressionIsPerRule() {
    Compilation unsuppressed = compile(source("Applicant", BREAKS_TWO_RULES));
    assertEquals(2, govdatasec(unsuppressed).size(), govdatasec(unsuppressed)::toString);

    List<String> lines = new ArrayList<>();
    lines.add("@SuppressWarnings(\"govdatasec:MISSING_SUBJECT_ID\") // a lookup table keyed by name, not a person's record");
    lines.addAll(List.of(BREAKS_TWO_RULES));
    JavaFileObject src = source("Applicant", lines.toArray(String[]::new));
    Compilation c = compile(src);
    List<String> found = govdatasec(c);
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[govdatasec:SENSITIVE_TO_STRING]"), found::toString);
    assertThat(c).hadErrorContaining("[govdatasec:SENSITIVE_TO_STRING]").inFile(src).onLine(line(4));

    // On a field it covers that field only; another rule id does nothing.
    Compilation field = compile(source("Note",
        "public record Note(@Classified(value = DataLevel.GENERAL, grade = 2) String code,",
        "    @SuppressWarnings(\"govdatasec:UNCLASSIFIED_FIELD\") String remarks,",
        "    @SuppressWarnings(\"govdatasec:MISSING_SUBJECT_ID\") String other) {}"));
    List<String> warnings = govdatasec(field);
    assertEquals(1, warnings.size(), warnings::toString);
    assertTrue(warnings.get(0).startsWith("WARNING " + line(3) + ": [govdatasec:UNCLASSIFIED_FIELD]"), warnings::toString);
  }

  @Test
  @DisplayName("-Agovdatasec.severity.<RULE> turns a rule into a warning or off")
  void severityOptions() {
    Compilation warn = compile(List.of("-Agovdatasec.severity.SENSITIVE_TO_STRING=warning"),
        source("Applicant", BREAKS_TWO_RULES));
    assertThat(warn).hadErrorCount(1);
    assertThat(warn).hadWarningContaining("[govdatasec:SENSITIVE_TO_STRING]");
    Compilation off = compile(List.of("-Agovdatasec.severity.SENSITIVE_TO_STRING=off",
        "-Agovdatasec.severity.MISSING_SUBJECT_ID=OFF"), source("Applicant", BREAKS_TWO_RULES));
    assertThat(off).succeededWithoutWarnings();
    Compilation bad = compile(List.of("-Agovdatasec.severity.MISSING_SUBJECT_ID=loud"),
        source("Ok", "public record Ok(@Classified(value = DataLevel.GENERAL, grade = 1) String a) {}"));
    assertThat(bad).hadErrorContaining("GDS-PROC-006 [CLS-5] -Agovdatasec.severity.MISSING_SUBJECT_ID=loud is not"
        + " error, warning or off");
  }

  @Test
  @DisplayName("CLS-4: the catalog lists every annotated type, sorted, with levels, why and controls")
  void catalogContent() throws IOException {
    Compilation c = compile(source("Citizen",
        "public record Citizen(",
        "    @DataSubjectId String citizenNo,",
        "    @PersonalInfo(PiCategory.NAME) String name,",
        "    @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber,",
        "    @PersonalInfo(PiCategory.ADDRESS) String address) {",
        "  @Override public String toString() { return Redaction.toString(this); }",
        "}"), source("Household",
        "public record Household(@DataSubjectId String headNo, java.util.List<Citizen> members) {}"), source("Stats",
        "@Classified(value = DataLevel.IMPORTANT, reason = \"区县汇总\") public record Stats(long population) {}"));
    assertThat(c).succeededWithoutWarnings();
    JsonNode root = JSON.readTree(catalog(c));
    assertEquals(1, root.get("formatVersion").asInt());
    List<String> names = new ArrayList<>();
    root.get("types").forEach(t -> names.add(t.get("type").asText()));
    assertEquals(List.of("demo.Citizen", "demo.Household", "demo.Stats"), names);

    JsonNode citizen = root.get("types").get(0);
    assertEquals("RECORD", citizen.get("kind").asText());
    assertEquals("GENERAL-4", citizen.get("effective").asText());
    assertEquals("citizenNo", citizen.get("subjectIdField").asText());
    assertTrue(citizen.get("why").toString().contains("idNumber -> GENERAL-4 (sensitive personal information [RESIDENT_ID]"),
        citizen.get("why")::toString);
    assertEquals("[\"identity-and-address\"]", citizen.get("combinations").toString());
    List<String> fields = new ArrayList<>();
    citizen.get("fields").forEach(f -> fields.add(f.get("name").asText()));
    assertEquals(List.of("address", "citizenNo", "idNumber", "name"), fields);
    JsonNode id = citizen.get("fields").get(2);
    assertEquals("[\"RESIDENT_ID\"]", id.get("categories").toString());
    assertTrue(id.get("sensitive").asBoolean());
    List<String> controls = new ArrayList<>();
    citizen.get("controls").forEach(x -> controls.add(x.get("control").asText() + ":" + x.get("strength").asText()));
    assertTrue(controls.contains("ENCRYPT_AT_REST:RECOMMENDED"), controls::toString);
    assertTrue(controls.contains("CATALOG_REGISTRATION:MANDATORY"), controls::toString);
    assertFalse(controls.contains("TWICE_YEARLY_LOG_REVIEW:MANDATORY"), "no volume rule at compile time");

    JsonNode household = root.get("types").get(1);
    assertEquals("GENERAL-4", household.get("effective").asText(), "holds citizens (就高从严)");
    assertEquals("demo.Citizen", household.get("fields").get(1).get("nestedType").asText());
    JsonNode stats = root.get("types").get(2);
    assertEquals("IMPORTANT", stats.get("effective").asText());
    assertTrue(stats.get("highRiskByLevel").asBoolean());
    assertEquals("区县汇总", stats.get("reason").asText());

    Compilation none = compile(List.of("-Agovdatasec.catalog=false"), source("Stats",
        "@Classified(DataLevel.IMPORTANT) public record Stats(long population) {}"));
    assertThat(none).succeeded();
    assertTrue(none.generatedFiles().stream().noneMatch(f -> f.getName().endsWith("catalog.json")));
  }

  @Test
  @DisplayName("nested, generic and inherited types are read like sdk-core's reflection reader reads them")
  void nestedGenericInherited() throws IOException {
    JavaFileObject src = source("Outer",
        "public class Outer {",
        "  public record Box<T extends CharSequence>(@DataSubjectId String id, @PersonalInfo(PiCategory.HEALTH) T value) {}",
        "  @Classified(DataLevel.IMPORTANT) public static class Base { @DataSubjectId String id; }",
        "  public static class Child extends Base { @PersonalInfo(PiCategory.NAME) String name; }",
        "}");
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[govdatasec:SENSITIVE_TO_STRING] GDS-PROC-002 [PI-5] Outer$Box.value")
        .inFile(src).onLine(line(2));

    Compilation ok = compile(source("Outer",
        "public class Outer {",
        "  @Classified(DataLevel.IMPORTANT) public static class Base { @DataSubjectId String id; }",
        "  public static class Child extends Base { @PersonalInfo(PiCategory.NAME) String name; }",
        "}"));
    assertThat(ok).succeededWithoutWarnings();
    JsonNode types = JSON.readTree(catalog(ok)).get("types");
    assertEquals("demo.Outer$Base", types.get(0).get("type").asText());
    JsonNode child = types.get(1);
    assertEquals("demo.Outer$Child", child.get("type").asText());
    assertEquals("IMPORTANT", child.get("declared").asText(), "the superclass's floor is inherited (CLS-2)");
    assertEquals("id", child.get("subjectIdField").asText());
  }

  /** Generates, in round 1, an annotated record that breaks MISSING_SUBJECT_ID. */
  static final class Generator extends AbstractProcessor {
    private boolean generated;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      if (!generated) {
        generated = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("gen.GeneratedVisit").openWriter()) {
          w.write("package gen;\n"
              + "public record GeneratedVisit(\n"
              + "    @org.govdatasec.core.annotation.PersonalInfo(org.govdatasec.core.classification.PiCategory.NAME)"
              + " String visitor) {}\n");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      return false;
    }
  }

  @Test
  @DisplayName("a type generated by another processor in a later round is checked and catalogued")
  void laterRounds() throws IOException {
    JavaFileObject holder = source("Holder",
        "public record Holder(@DataSubjectId String id, gen.GeneratedVisit visit) {}");
    Compilation c = javac().withProcessors(new Generator(), new GovDataSecProcessor()).compile(holder);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[govdatasec:MISSING_SUBJECT_ID] GDS-PROC-003 [PI-2, DS-2] GeneratedVisit: holds"
        + " personal information (visitor)");

    JavaFileObject fine = source("Holder",
        "public record Holder(@DataSubjectId String id, gen.GeneratedVisit visit) {}");
    Compilation ok = javac().withProcessors(new Generator(), new GovDataSecProcessor())
        .withOptions("-Agovdatasec.severity.MISSING_SUBJECT_ID=off").compile(fine);
    assertThat(ok).succeededWithoutWarnings();
    JsonNode types = JSON.readTree(catalog(ok)).get("types");
    assertEquals("demo.Holder", types.get(0).get("type").asText());
    assertEquals("gen.GeneratedVisit", types.get(0).get("fields").get(1).get("nestedType").asText(),
        "Holder was read after the generated type existed");
    assertEquals("gen.GeneratedVisit", types.get(1).get("type").asText());
  }

  /** Runs the real processor with a type utility that always fails. */
  static final class Failing extends AbstractProcessor {
    private final GovDataSecProcessor delegate = new GovDataSecProcessor();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      Types broken = (Types) Proxy.newProxyInstance(Types.class.getClassLoader(), new Class<?>[] {Types.class},
          (p, m, a) -> {
            throw new IllegalStateException("simulated failure in " + m.getName());
          });
      delegate.init((ProcessingEnvironment) Proxy.newProxyInstance(ProcessingEnvironment.class.getClassLoader(),
          new Class<?>[] {ProcessingEnvironment.class},
          (p, m, a) -> m.getName().equals("getTypeUtils") ? broken : m.invoke(env, a)));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      return delegate.process(annotations, roundEnv);
    }
  }

  @Test
  @DisplayName("an internal failure is reported once as GDS-PROC-000, never as a compiler crash")
  void internalFailure() {
    JavaFileObject a = source("A", "public record A(@Classified(value = DataLevel.GENERAL, grade = 1) java.util.List<String> x) {}");
    JavaFileObject b = source("B", "public record B(@Classified(value = DataLevel.GENERAL, grade = 1) java.util.List<String> y) {}");
    Compilation c = javac().withProcessors(new Failing()).compile(a, b);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[govdatasec:INTERNAL_ERROR] GDS-PROC-000 [CLS-5] internal error in govdatasec"
        + " processor: java.lang.IllegalStateException: simulated failure in");
    Compilation warn = javac().withProcessors(new Failing()).withOptions("-Agovdatasec.internalError=warning")
        .compile(JavaFileObjects.forSourceLines("demo.C", "package demo;",
            "public record C(@org.govdatasec.core.annotation.Classified(value ="
                + " org.govdatasec.core.classification.DataLevel.GENERAL, grade = 1) java.util.List<String> x) {}"));
    assertThat(warn).succeeded();
    assertThat(warn).hadWarningContaining("GDS-PROC-000");
  }
}
