package org.govdatasec.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import org.govdatasec.core.Requirement;
import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.PersonalInfo;
import org.govdatasec.core.classification.ClassificationException;
import org.govdatasec.core.classification.ClassificationProblem;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.Schemas;
import org.govdatasec.core.classification.TypeSchema;
import org.govdatasec.core.policy.Assessment;
import org.govdatasec.core.policy.Control;
import org.govdatasec.core.policy.ControlPolicy;
import org.govdatasec.core.policy.ControlRule;
import org.govdatasec.core.policy.PolicyEngine;
import org.govdatasec.core.policy.RequiredControl;
import org.govdatasec.core.policy.Waiver;
import org.govdatasec.samples.registry.Citizen;
import org.govdatasec.samples.registry.RegistryScenario;
import org.govdatasec.samples.registry.SampleData;
import org.govdatasec.samples.registry.ServiceAppointment;

/**
 * Walks the citizen registry of the Nanning big-data bureau through govdatasec, one step per method:
 * the scenario, each data type's schema and assessment, a refused annotation, the bureau's policy
 * override with a waiver, the volume rule (CLS-3), the compile-time catalog (CLS-4), field encryption
 * and blind indexes (ST-2), keys and crypto-shredding (DS-2), masked fixtures (USE-5), governance
 * (consent, approvals, verified destruction) and the audit log (AU-1 to AU-4).
 *
 * <p>Run it with {@code mvn -B -q -Pdemo -DskipTests verify -pl samples}. The output is deterministic
 * (no clock, no randomness; only the ciphertext tokens and blind-index values of the protection step vary
 * with its freshly generated keys) and about 100 columns wide, so tests can assert on it. To add a step, write a
 * method that starts with {@code section(title)} and call it from {@link #run()}.
 */
public final class RegistryDemo {

  /** The display width the demo wraps its lines at. */
  public static final int WIDTH = 100;
  private static final String POLICY_LOGGER = "org.govdatasec.policy";

  private final PrintStream out;
  private final RegistryScenario scenario;
  private final int wrapWidth;
  private final PolicyEngine defaultEngine;
  private final Path workDir;
  private int step;

  /**
   * Creates a demo that prints to {@code out}, wrapping lines at {@value #WIDTH} columns.
   *
   * @param out where to print; it should encode UTF-8, the output holds Chinese labels
   * @param scenario the scenario to walk through, with its current subject count
   */
  public RegistryDemo(PrintStream out, RegistryScenario scenario) {
    this(out, scenario, WIDTH);
  }

  /**
   * Creates a demo that prints to {@code out}, wrapping lines at a given display width (a Chinese
   * character counts two columns).
   *
   * @param out where to print; it should encode UTF-8, the output holds Chinese labels
   * @param scenario the scenario to walk through, with its current subject count
   * @param wrapWidth the display width to wrap at; {@link Integer#MAX_VALUE} never wraps
   * @throws IllegalArgumentException if the width is below 40
   */
  public RegistryDemo(PrintStream out, RegistryScenario scenario, int wrapWidth) {
    this(out, scenario, wrapWidth, newWorkDir());
  }

  /**
   * Creates a demo that keeps the files it writes (keys, vault, masked fixtures, audit log, review report,
   * destruction certificate) in a given folder, one subfolder per step.
   *
   * @param out where to print; it should encode UTF-8, the output holds Chinese labels
   * @param scenario the scenario to walk through, with its current subject count
   * @param wrapWidth the display width to wrap at; {@link Integer#MAX_VALUE} never wraps
   * @param workDir an empty folder for the files the demo writes
   * @throws IllegalArgumentException if the width is below 40
   */
  public RegistryDemo(PrintStream out, RegistryScenario scenario, int wrapWidth, Path workDir) {
    if (wrapWidth < 40) {
      throw new IllegalArgumentException("wrap width " + wrapWidth + " is below 40");
    }
    this.out = out;
    this.scenario = scenario;
    this.wrapWidth = wrapWidth;
    this.defaultEngine = scenario.engine(ControlPolicy.defaults());
    this.workDir = workDir;
  }

  private static Path newWorkDir() {
    try {
      return Files.createTempDirectory("govdatasec-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the folder that holds the files the demo wrote.
   *
   * @return the work folder
   */
  public Path workDir() {
    return workDir;
  }

  /**
   * Runs the demo on standard output, encoded as UTF-8.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream utf8 = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    RegistryDemo demo = new RegistryDemo(utf8, new RegistryScenario());
    demo.run();
    utf8.flush();
    // On the error stream, so that standard output stays the same from run to run.
    System.err.println("The files the demo wrote (keys, vault, fixtures, audit log, review report, certificate): "
        + demo.workDir());
  }

  /** Runs every step, in order. */
  public void run() {
    title();
    scenarioStep();
    classificationStep();
    refusedAnnotationStep();
    agencyPolicyStep();
    volumeRuleStep();
    catalogStep();
    // One durable, signed audit log for every step that handles citizen data (AU-1); the audit step closes it.
    try (DemoAuditLog audit = DemoAuditLog.open(workDir)) {
      protectStep(audit);
      keysStep(audit);
      maskingStep(audit);
      governanceStep(audit);
      auditStep(audit);
    }
    println();
    println("=".repeat(WIDTH));
    println("End of demo.");
  }

  // ---------------------------------------------------------------------------------------------------
  // Steps
  // ---------------------------------------------------------------------------------------------------

  private void title() {
    println("=".repeat(WIDTH));
    println("govdatasec demo: " + RegistryScenario.SYSTEM_NAME + " (" + RegistryScenario.OWNER + ")");
    println("Classification and required controls under the 2024 Nanning and Nanjing government-data rules");
    println("=".repeat(WIDTH));
  }

  private void scenarioStep() {
    section("The scenario: a city citizen registry");
    println("System:      " + scenario.system().name());
    println("Owner:       " + scenario.system().owner());
    printf("Subjects:    %,d (pilot in three districts; read live through the SubjectCounter port)%n",
        scenario.system().subjects());
    println("Data types:  " + scenario.dataTypes().stream().map(Class::getSimpleName)
        .collect(Collectors.joining(", ")));
    println();
    println("Sample citizens (simulated data, USE-5; fictional people, valid GB 11643 check digits):");
    TextTable table = new TextTable("citizenNo", "idNumber", "mobile", "birthDate", "ethnicity / name");
    for (Citizen c : SampleData.citizens()) {
      table.row(c.citizenNo(), c.idNumber(), c.mobile(), c.birthDate(), c.ethnicity() + " " + c.name());
    }
    print(table);
  }

  private void classificationStep() {
    section("Classification and required controls of each data type (CLS-1, CLS-2, CLS-5)");
    printf("Default policy; the system holds %,d data subjects.%n", scenario.system().subjects());
    println("For each type: the schema read from its annotations (Schemas.of), then the policy engine's");
    println("assessment (Assessment.explain): effective level and why, personal information, high risk,");
    println("and every required control with the requirement IDs and clauses behind it. [must]: the");
    println("regulations mandate it; [agency]: the agency's own policy; [should]: govdatasec recommends it.");
    for (Class<?> type : scenario.dataTypes()) {
      println();
      println("--- " + type.getSimpleName() + " " + "-".repeat(Math.max(3, WIDTH - 5 - type.getSimpleName().length())));
      printSchema(Schemas.of(type));
      println();
      printBlock(defaultEngine.assess(type).explain());
    }
  }

  private void refusedAnnotationStep() {
    section("A broken annotation is refused (GDS-CLS)");
    println("MisclassifiedGridCell, nested in this class, puts a grade on IMPORTANT data (grades exist only");
    println("inside GENERAL) and two identifier categories on one field. Reading its schema fails, with");
    println("every problem of the type at once; the annotation processor reports the same codes at compile");
    println("time, and PolicyEngine.assess refuses the type the same way.");
    println();
    try {
      Schemas.of(MisclassifiedGridCell.class);
      println("UNEXPECTED: the schema was accepted");
    } catch (ClassificationException e) {
      println("Schemas.of(MisclassifiedGridCell.class) threw " + e.getClass().getSimpleName() + ":");
      println("  code:         " + e.code());
      println("  requirements: " + e.requirements().stream().map(Requirement::id)
          .collect(Collectors.joining(", ")));
      println("  problems:     " + e.problems().size());
      println("  message:");
      e.getMessage().lines().forEach(l -> println("    " + l.strip()));
      println("  each problem:");
      for (ClassificationProblem p : e.problems()) {
        println("    " + p.error().code() + " at " + p.location());
      }
    }
  }

  private void agencyPolicyStep() {
    section("The bureau's policy override, with a waiver (CLS-5)");
    println("The bureau keeps its overrides in the classpath resource " + RegistryScenario.POLICY_RESOURCE + ",");
    println("read as UTF-8 and applied to the defaults with ControlPolicy.fromProperties:");
    Properties properties = RegistryScenario.agencyPolicyProperties();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      String value = properties.getProperty(key).strip();
      println("  " + key + " = " + (value.isEmpty() ? "(empty: no rows, the control is removed)" : value));
    }
    println();
    List<String> log = new ArrayList<>();
    ControlPolicy agency = capturePolicyLog(RegistryScenario::agencyPolicy, log);
    println("Result: " + agency);
    println("Logged while building it (System.Logger \"" + POLICY_LOGGER + "\"):");
    if (log.isEmpty()) {
      println("  (nothing captured: the System.Logger backend is not java.util.logging)");
    }
    log.forEach(l -> println("  " + l));
    println("Waivers in force (ControlPolicy.waivers):");
    for (Waiver w : agency.waivers()) {
      println("  " + w.control() + " " + w.control().chineseName());
      println("    reason:      " + w.reason());
      println("    approved by: " + w.approvedBy());
      println("    reference:   " + w.reference());
    }
    println("Rows of ENCRYPT_AT_REST now (mandatory rows kept, the agency row added):");
    TextTable rows = new TextTable("trigger", "strength", "clause");
    for (ControlRule r : agency.rules()) {
      if (r.control() == Control.ENCRYPT_AT_REST) {
        rows.row(r.trigger(), r.strength(), r.clause());
      }
    }
    print(rows);

    println();
    printf("What changes per type, against the default policy (%,d subjects):%n", scenario.system().subjects());
    PolicyEngine agencyEngine = scenario.engine(agency);
    TextTable diff = new TextTable("type", "level", "controls added", "controls removed", "waived (reported)");
    for (Class<?> type : scenario.dataTypes()) {
      Assessment before = defaultEngine.assess(type);
      Assessment after = agencyEngine.assess(type);
      diff.row(type.getSimpleName(), after.effective().map(Object::toString).orElse("-"),
          names(minus(controls(after), controls(before))), names(minus(controls(before), controls(after))),
          after.waived().stream().map(w -> w.rule().control().name()).collect(Collectors.joining(", ")));
    }
    print(diff);
    println();
    println("ServiceAppointment under the bureau's policy: ENCRYPT_AT_REST now required by the agency row,");
    println("and the waiver shown where the waived control would otherwise apply:");
    println();
    printBlock(agencyEngine.assess(ServiceAppointment.class).explain());
  }

  private void volumeRuleStep() {
    section("The volume rule: personal information of 1,000,000 people or more (CLS-3)");
    println("The registry goes city-wide. The same engine reads the subject count on every assessment,");
    println("so no restart or reconfiguration is needed for the high-risk controls to apply.");
    println();
    TextTable table = new TextTable("type", "level", "subjects", "high-risk", "controls", "mandatory");
    List<Assessment> pilot = new ArrayList<>();
    List<Assessment> cityWide = new ArrayList<>();
    scenario.registerSubjects(RegistryScenario.PILOT_SUBJECTS);
    scenario.dataTypes().forEach(t -> pilot.add(defaultEngine.assess(t)));
    scenario.registerSubjects(RegistryScenario.CITY_WIDE_SUBJECTS);
    scenario.dataTypes().forEach(t -> cityWide.add(defaultEngine.assess(t)));
    for (int i = 0; i < pilot.size(); i++) {
      for (Assessment a : List.of(pilot.get(i), cityWide.get(i))) {
        table.row(a.schema().simpleName(), a.effective().map(Object::toString).orElse("-"),
            String.format("%,d", a.subjects()), a.highRisk() ? "yes" : "no", a.controls().size(),
            a.controls().stream().filter(RequiredControl::mandatory).count());
      }
    }
    print(table);

    scenario.registerSubjects(RegistryScenario.PILOT_SUBJECTS);
    Assessment before = defaultEngine.assess(Citizen.class);
    scenario.registerSubjects(RegistryScenario.CITY_WIDE_SUBJECTS);
    Assessment after = defaultEngine.assess(Citizen.class);
    println();
    printf("Citizen at %,d subjects: high-risk: %s%n", before.subjects(), before.highRisk() ? "yes" : "no");
    printf("Citizen at %,d subjects: high-risk: %s%n", after.subjects(),
        after.highRisk() ? "yes, " + after.highRiskReason() : "no");
    printf("What changes for Citizen at %,d subjects (+ added, ! was recommended, now mandatory):%n",
        after.subjects());
    TextTable changes = new TextTable("", "control", "requirements", "clauses", "Chinese name");
    for (RequiredControl c : after.controls()) {
      if (!before.requires(c.control())) {
        changes.row("+", c.control(), ids(c), String.join("; ", c.clauses()), c.control().chineseName());
      }
    }
    for (RequiredControl c : after.controls()) {
      if (c.mandatory() && before.control(c.control()).filter(b -> !b.mandatory()).isPresent()) {
        changes.row("!", c.control(), ids(c), String.join("; ", c.clauses()), c.control().chineseName());
      }
    }
    print(changes);
    println("Where the threshold lies (以上 includes the number itself):");
    for (long n : new long[] {999_999L, 1_000_000L}) {
      scenario.registerSubjects(n);
      printf("  %,11d subjects: Citizen high-risk %s%n", n, defaultEngine.assess(Citizen.class).highRisk() ? "yes" : "no");
    }
    scenario.registerSubjects(RegistryScenario.CITY_WIDE_SUBJECTS);
    printf("The registry now holds %,d subjects.%n", scenario.system().subjects());
  }

  private void catalogStep() {
    section(CatalogStep.TITLE);
    CatalogStep.lines().forEach(this::println);
  }

  private void protectStep(DemoAuditLog audit) {
    section("Fields encrypted under the policy, a blind index, a moved value refused (ST-2, PI-5)");
    printBlock(captured(o -> ProtectStep.run(o, audit.beginStep("protect"))));
  }

  private void keysStep(DemoAuditLog audit) {
    section("Keys: master key, keyset rotation, per-citizen keys and crypto-shredding (ST-2, ST-3, DS-2)");
    printBlock(captured(o -> {
      try {
        KeysStep.run(o, stepDir("keys"), audit.beginStep("keys"));
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException("the demo's cryptography failed", e);
      }
    }));
  }

  private void maskingStep(DemoAuditLog audit) {
    section("Masked test fixtures of the registry for a test team (USE-5, PI-5)");
    printBlock(captured(o -> MaskingStep.run(o, stepDir("masking"), audit.beginStep("masking"))));
  }

  private void governanceStep(DemoAuditLog audit) {
    section("Governance: consent, approval tickets, verified destruction (PI-2, PI-3, USE-2, USE-6, DS-1, DS-2)");
    audit.beginStep("governance");
    printBlock(captured(o -> GovernanceStep.run(o, stepDir("governance"), audit.log())));
  }

  private void auditStep(DemoAuditLog audit) {
    section("Every access is audited: durable, tamper-evident log, proof, review (AU-1 to AU-4, TX-2)");
    printBlock(captured(o -> AuditStep.run(o, stepDir("audit"), audit)));
  }

  /** Runs a step that prints to a stream, and returns what it printed (so it is wrapped like the rest). */
  private static String captured(java.util.function.Consumer<PrintStream> step) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(buf, true, StandardCharsets.UTF_8);
    step.accept(o);
    o.flush();
    return buf.toString(StandardCharsets.UTF_8);
  }

  /** A fresh subfolder of the work folder for one step. */
  private Path stepDir(String name) {
    try {
      return Files.createDirectories(workDir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------------

  /** Prints a line, wrapped to the demo's width. */
  private void println(String line) {
    TextWrap.wrap(line, wrapWidth).forEach(out::println);
  }

  private void println() {
    out.println();
  }

  private void printf(String format, Object... args) {
    String text = String.format(format, args);
    printBlock(text);
  }

  /** Prints several lines (for example an {@link Assessment#explain()}), each wrapped. */
  private void printBlock(String text) {
    text.lines().forEach(this::println);
  }

  private void print(TextTable table) {
    table.lines("  ").forEach(this::println);
  }

  /**
   * Starts a numbered step.
   *
   * @param title what the step shows
   */
  private void section(String title) {
    step++;
    println();
    println("-".repeat(WIDTH));
    println("STEP " + step + "  " + title);
    println("-".repeat(WIDTH));
  }

  private void printSchema(TypeSchema schema) {
    println("Schema of " + schema.typeName() + " (" + schema.kind() + ")");
    schema.declared().ifPresent(c -> println("  on the type: @Classified " + c + " " + c.chineseLabel()));
    TextTable table = new TextTable("field", "Java type", "declared", "PI categories", "sensitive", "subject id");
    for (FieldSchema f : schema.fields()) {
      String declared = f.declared().map(Object::toString)
          .orElse(f.nestedType().map(n -> "holds " + simpleName(n)).orElse(f.classified() ? "-" : "UNCLASSIFIED"));
      String categories = f.categories().isEmpty() ? "-"
          : f.categories().stream().map(PiCategory::name).collect(Collectors.joining("+"));
      table.row(f.name(), shortType(f.javaType()), declared, categories,
          f.personalInformation() ? (f.sensitive() ? "yes" : "no") : "-", f.subjectId() ? "yes" : "");
    }
    print(table);
    List<String> notes = new ArrayList<>();
    if (!schema.reason().isEmpty()) {
      notes.add("(type): " + schema.reason());
    }
    for (FieldSchema f : schema.fields()) {
      if (!f.reason().isEmpty()) {
        notes.add(f.name() + ": " + f.reason());
      }
      if (!f.categories().isEmpty()) {
        notes.add(f.name() + ": " + f.categories().stream().map(PiCategory::chineseName)
            .collect(Collectors.joining("、")));
      }
    }
    if (!notes.isEmpty()) {
      println("  reasons and category names:");
      notes.forEach(n -> println("    " + n));
    }
  }

  private static String ids(RequiredControl c) {
    return c.requirements().stream().map(Requirement::id).collect(Collectors.joining(", "));
  }

  /** Builds the policy while capturing what it logs, so the output stays free of timestamps. */
  private static ControlPolicy capturePolicyLog(Supplier<ControlPolicy> build, List<String> lines) {
    Logger logger = Logger.getLogger(POLICY_LOGGER);
    SimpleFormatter formatter = new SimpleFormatter();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getLevel() + ": " + formatter.formatMessage(record));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    boolean useParents = logger.getUseParentHandlers();
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    try {
      return build.get();
    } finally {
      logger.removeHandler(handler);
      logger.setUseParentHandlers(useParents);
    }
  }

  private static Set<Control> controls(Assessment a) {
    Set<Control> set = EnumSet.noneOf(Control.class);
    a.controls().forEach(c -> set.add(c.control()));
    return set;
  }

  private static Set<Control> minus(Set<Control> a, Set<Control> b) {
    Set<Control> set = EnumSet.noneOf(Control.class);
    set.addAll(a);
    set.removeAll(b);
    return set;
  }

  private static String names(Set<Control> controls) {
    return controls.isEmpty() ? "-" : controls.stream().map(Control::name).collect(Collectors.joining(", "));
  }

  /** {@code java.util.List<org.example.Citizen>} becomes {@code List<Citizen>}. */
  private static String shortType(String javaType) {
    return javaType.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+", "").replaceAll("\\b[A-Z]\\w*\\$", "");
  }

  private static String simpleName(String binaryName) {
    return binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
  }

  /** Deliberately wrong: a grade on important data, and two identifier formats on one field. */
  @SuppressWarnings("govdatasec:INVALID_CLASSIFICATION") // broken on purpose: this step shows the refusal
  private record MisclassifiedGridCell(
      @Classified(value = DataLevel.IMPORTANT, grade = 3, reason = "网格化管理底数") String gridCode,
      @PersonalInfo({PiCategory.RESIDENT_ID, PiCategory.MOBILE}) String contact,
      String notes) {}
}
