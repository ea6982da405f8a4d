package org.govdatasec.processor.internal;

import com.sun.source.util.Trees;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import org.govdatasec.core.policy.Assessment;
import org.govdatasec.core.policy.PolicyEngine;
import org.govdatasec.core.policy.SystemProfile;
import org.govdatasec.processor.ProcessorError;
import org.govdatasec.processor.Rule;

/**
 * What {@link org.govdatasec.processor.GovDataSecProcessor} does, round by round. Not API.
 *
 * <p>Each round it collects the types that carry govdatasec annotations (on the type or on a member),
 * defers those whose member types the compiler cannot resolve yet (another processor may generate them in
 * a later round), checks the rest and remembers their catalog entries; in the last round it checks what
 * is still deferred and writes the catalog. Any exception is reported once as {@code GDS-PROC-000}.
 */
public final class ProcessorCore {

  /** The annotations the processor looks for. */
  public static final Set<String> SUPPORTED_ANNOTATIONS = Set.of(ElementSchemaReader.CLASSIFIED,
      ElementSchemaReader.PERSONAL_INFO, ElementSchemaReader.DATA_SUBJECT_ID, ElementSchemaReader.STORED_FORM);

  /** The {@code -A} option that turns the catalog on or off. */
  public static final String CATALOG_OPTION = "govdatasec.catalog";
  /** The {@code -A} option that sets the severity of an internal failure. */
  public static final String INTERNAL_ERROR_OPTION = "govdatasec.internalError";

  /** Every option the processor reads. */
  public static final Set<String> SUPPORTED_OPTIONS;

  static {
    Set<String> options = new LinkedHashSet<>();
    for (Rule r : Rule.values()) {
      options.add(r.option());
    }
    options.add(CATALOG_OPTION);
    options.add(INTERNAL_ERROR_OPTION);
    SUPPORTED_OPTIONS = Collections.unmodifiableSet(options);
  }

  private final ProcessingEnvironment env;
  private final Messager messager;
  private final Map<Rule, Rule.Severity> severities = new EnumMap<>(Rule.class);
  private final List<String> optionProblems = new ArrayList<>();
  private boolean catalogEnabled = true;
  private Diagnostic.Kind internalKind = Diagnostic.Kind.ERROR;
  private final Set<String> done = new HashSet<>();
  private final Map<String, TypeElement> deferred = new TreeMap<>();
  private boolean failed;
  private boolean optionsReported;
  private boolean catalogWritten;
  private ElementSchemaReader reader;
  private RuleChecker checker;
  private CatalogWriter catalog;

  /**
   * Reads the options.
   *
   * @param env the processing environment
   */
  public ProcessorCore(ProcessingEnvironment env) {
    this.env = env;
    this.messager = env.getMessager();
    Map<String, String> options = env.getOptions();
    for (Rule r : Rule.values()) {
      severities.put(r, r.defaultSeverity());
      String v = options.get(r.option());
      if (v != null) {
        try {
          severities.put(r, Rule.Severity.parse(v));
        } catch (IllegalArgumentException e) {
          optionProblems.add("-A" + r.option() + "=" + v + " is not error, warning or off; the rule keeps its"
              + " default severity (" + r.defaultSeverity().name().toLowerCase(java.util.Locale.ROOT) + ").");
        }
      }
    }
    String catalogOption = options.get(CATALOG_OPTION);
    if (catalogOption != null) {
      if (catalogOption.equalsIgnoreCase("false") || catalogOption.equalsIgnoreCase("true")) {
        catalogEnabled = Boolean.parseBoolean(catalogOption.toLowerCase(java.util.Locale.ROOT));
      } else {
        optionProblems.add("-A" + CATALOG_OPTION + "=" + catalogOption + " is not true or false; the catalog is"
            + " written.");
      }
    }
    String internal = options.get(INTERNAL_ERROR_OPTION);
    if (internal != null) {
      if (internal.equalsIgnoreCase("warning")) {
        internalKind = Diagnostic.Kind.WARNING;
      } else if (!internal.equalsIgnoreCase("error")) {
        optionProblems.add("-A" + INTERNAL_ERROR_OPTION + "=" + internal + " is not error or warning.");
      }
    }
  }

  /**
   * Processes one round; never throws.
   *
   * @param round the round
   */
  public void process(RoundEnvironment round) {
    if (failed) {
      return;
    }
    try {
      doProcess(round);
    } catch (Throwable t) { // NOPMD: the compiler must never crash because of this processor
      failed = true;
      StackTraceElement where = null;
      for (StackTraceElement f : t.getStackTrace()) {
        if (where == null || f.getClassName().startsWith("org.govdatasec.")) {
          where = f;
          if (f.getClassName().startsWith("org.govdatasec.")) {
            break;
          }
        }
      }
      messager.printMessage(internalKind, "[govdatasec:INTERNAL_ERROR] " + ProcessorError.INTERNAL_ERROR.code()
          + " [CLS-5] internal error in govdatasec processor: " + t + (where == null ? "" : " at " + where)
          + ". Fix: " + ProcessorError.INTERNAL_ERROR.fix());
    }
  }

  private void doProcess(RoundEnvironment round) throws Exception {
    if (reader == null) {
      reader = new ElementSchemaReader(env.getElementUtils(), env.getTypeUtils());
      Trees trees;
      try {
        trees = Trees.instance(env);
      } catch (IllegalArgumentException | LinkageError e) {
        trees = null; // not javac: hand-written toString bodies cannot be read; records are still checked
      }
      PolicyEngine engine = PolicyEngine.builder()
          .system(SystemProfile.builder().name("(compile time)").owner("(compile time)").subjects(0).build())
          .build();
      reporter = new Reporter(messager, severities);
      checker = new RuleChecker(reader, reporter, engine, env.getTypeUtils(), env.getElementUtils(), trees);
      catalog = new CatalogWriter();
    }
    if (!optionsReported) {
      optionsReported = true;
      for (String p : optionProblems) {
        messager.printMessage(Diagnostic.Kind.ERROR, "[govdatasec:OPTIONS] " + ProcessorError.BAD_OPTION.code()
            + " [CLS-5] " + p + " Fix: " + ProcessorError.BAD_OPTION.fix());
      }
    }
    Map<String, TypeElement> candidates = new TreeMap<>(deferred);
    deferred.clear();
    Set<TypeElement> annotations = new HashSet<>();
    for (String name : SUPPORTED_ANNOTATIONS) {
      TypeElement a = env.getElementUtils().getTypeElement(name);
      if (a != null) {
        annotations.add(a);
      }
    }
    if (!annotations.isEmpty()) {
      for (Element e : round.getElementsAnnotatedWithAny(annotations.toArray(new TypeElement[0]))) {
        TypeElement t = enclosingType(e);
        if (t != null) {
          candidates.putIfAbsent(reader.binaryName(t), t);
        }
      }
    }
    for (Map.Entry<String, TypeElement> c : candidates.entrySet()) {
      if (done.contains(c.getKey())) {
        continue;
      }
      if (!round.processingOver() && reader.hasUnresolvedTypes(c.getValue())) {
        deferred.put(c.getKey(), c.getValue());
        continue;
      }
      done.add(c.getKey());
      check(c.getValue());
    }
    if (round.processingOver() && catalogEnabled && !catalogWritten) {
      catalogWritten = true;
      FileObject file = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", CatalogWriter.PATH);
      try (OutputStream out = file.openOutputStream()) {
        catalog.write(out);
      }
    }
  }

  private Reporter reporter;

  private void check(TypeElement type) {
    Optional<Assessment> a = checker.check(reader.read(type));
    if (a.isPresent()) {
      catalog.add(a.get(), RuleChecker.stored(type), storedFormOf(type));
    }
  }

  private Optional<String> storedFormOf(TypeElement type) {
    AnnotationMirror m = ElementSchemaReader.annotation(type, ElementSchemaReader.STORED_FORM);
    if (m == null) {
      return Optional.empty();
    }
    AnnotationValue v = reader.values(m).get("value");
    if (v != null && v.getValue() instanceof DeclaredType d && d.getKind() == TypeKind.DECLARED) {
      return Optional.of(reader.binaryName((TypeElement) d.asElement()));
    }
    return Optional.empty();
  }

  private static TypeElement enclosingType(Element e) {
    for (Element x = e; x != null; x = x.getEnclosingElement()) {
      if (x instanceof TypeElement t) {
        return t;
      }
    }
    return null;
  }
}
