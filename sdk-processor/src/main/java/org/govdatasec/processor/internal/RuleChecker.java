package org.govdatasec.processor.internal;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.govdatasec.core.classification.ClassificationProblem;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.TypeSchema;
import org.govdatasec.core.policy.Assessment;
import org.govdatasec.core.policy.Control;
import org.govdatasec.core.policy.PolicyEngine;
import org.govdatasec.core.policy.RequiredControl;
import org.govdatasec.processor.ProcessorError;
import org.govdatasec.processor.Rule;

/** Checks one read type against every {@link Rule}. */
final class RuleChecker {

  static final String ENTITY = "jakarta.persistence.Entity";
  static final String CONVERT = "jakarta.persistence.Convert";
  static final String TRANSIENT = "jakarta.persistence.Transient";
  static final String ENCRYPTED_VALUE = "org.govdatasec.crypto.field.EncryptedValue";
  static final String SDK_CONVERTER_PACKAGE = "org.govdatasec.crypto.jpa.";

  private final ElementSchemaReader reader;
  private final Reporter reporter;
  private final PolicyEngine engine;
  private final Types types;
  private final Elements elements;
  private final Trees trees;

  RuleChecker(ElementSchemaReader reader, Reporter reporter, PolicyEngine engine, Types types, Elements elements,
      Trees trees) {
    this.reader = reader;
    this.elements = elements;
    this.reporter = reporter;
    this.engine = engine;
    this.types = types;
    this.trees = trees;
  }

  /** Checks the type; returns its assessment when the type is valid and classified (for the catalog). */
  Optional<Assessment> check(ElementSchemaReader.Read read) {
    if (read.schema().isEmpty()) {
      invalid(read);
      return Optional.empty();
    }
    TypeSchema schema = read.schema().get();
    storedUnprotected(read, schema);
    sensitiveToString(read, schema);
    missingSubjectId(read, schema);
    unclassified(read, schema);
    if (!schema.isClassified()) {
      return Optional.empty();
    }
    // A type whose only annotation is @DataSubjectId has no level of its own; it is still catalogued.
    return Optional.of(engine.assess(schema, reader::resolve));
  }

  static boolean stored(TypeElement type) {
    return ElementSchemaReader.annotation(type, ENTITY) != null
        || ElementSchemaReader.annotation(type, ElementSchemaReader.STORED_FORM) != null;
  }

  private static String where(ElementSchemaReader.Read read, String field) {
    String simple = read.binaryName().substring(read.binaryName().lastIndexOf('.') + 1);
    return field == null ? simple : simple + "." + field;
  }

  private Element elementOf(ElementSchemaReader.Read read, String field) {
    ElementSchemaReader.Source s = field == null ? null : read.fields().get(field);
    return s == null || s.field() == null ? read.type() : s.field();
  }

  /** The annotation to point at: the first govdatasec annotation on the element, or the type's @Classified. */
  private static AnnotationMirror anchor(Element e, String... preferred) {
    for (String name : preferred) {
      AnnotationMirror m = ElementSchemaReader.annotation(e, name);
      if (m != null) {
        return m;
      }
    }
    for (String name : List.of(ElementSchemaReader.PERSONAL_INFO, ElementSchemaReader.CLASSIFIED,
        ElementSchemaReader.DATA_SUBJECT_ID)) {
      AnnotationMirror m = ElementSchemaReader.annotation(e, name);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  // --- INVALID_CLASSIFICATION ----------------------------------------------------------------------

  private void invalid(ElementSchemaReader.Read read) {
    for (ClassificationProblem p : read.problems()) {
      Element e = elementOf(read, p.element());
      String[] preferred = switch (p.error()) {
        case GRADE_OUTSIDE_GENERAL, GRADE_OUT_OF_RANGE, UNREADABLE_CLASSIFICATION -> new String[] {
            ElementSchemaReader.CLASSIFIED};
        case MULTIPLE_SUBJECT_IDS, MULTI_VALUED_SUBJECT_ID -> new String[] {ElementSchemaReader.DATA_SUBJECT_ID};
        default -> new String[] {ElementSchemaReader.PERSONAL_INFO};
      };
      AnnotationMirror a = e instanceof TypeElement ? ElementSchemaReader.annotation(e, ElementSchemaReader.CLASSIFIED)
          : anchor(e, preferred);
      String where = where(read, p.element());
      String message = Reporter.format(Rule.INVALID_CLASSIFICATION,
          ProcessorError.INVALID_CLASSIFICATION.code() + " " + p.error().code(), p.error().requirements(), where,
          p.message(), p.error().fix());
      reporter.report(Rule.INVALID_CLASSIFICATION, e, a, message);
    }
  }

  // --- UNPROTECTED_AT_REST -------------------------------------------------------------------------

  private void storedUnprotected(ElementSchemaReader.Read read, TypeSchema schema) {
    if (!stored(read.type())) {
      return;
    }
    for (FieldSchema f : schema.fields()) {
      ElementSchemaReader.Source s = read.fields().get(f.name());
      if (s == null || s.field() == null || (f.categories().isEmpty() && f.declared().isEmpty())) {
        continue;
      }
      VariableElement field = s.field();
      if (field.getModifiers().contains(Modifier.TRANSIENT)
          || ElementSchemaReader.annotation(field, TRANSIENT) != null || isProtected(field)) {
        continue;
      }
      // The field's own level and categories, as a dataset of one field: nested types and the type's
      // floor are not this column's content.
      FieldSchema alone = new FieldSchema(f.name(), f.javaType(), f.declared(), f.reason(), f.categories(),
          f.sensitivity(), false, f.multiValued(), Optional.empty());
      TypeSchema single = new TypeSchema(schema.typeName(), schema.kind(), Optional.empty(), "", List.of(alone));
      Assessment a = engine.assess(single, n -> Optional.empty());
      Optional<RequiredControl> encrypt = a.control(Control.ENCRYPT_AT_REST);
      if (encrypt.isEmpty()) {
        continue;
      }
      String what = describe(f) + " (" + a.effective().map(Object::toString).orElse("-") + ") is stored in plain"
          + " text; the default policy requires " + Control.ENCRYPT_AT_REST + " " + Control.ENCRYPT_AT_REST.chineseName()
          + " for it (" + (encrypt.get().mandatory() ? "mandatory" : encrypt.get().strength().name().toLowerCase(
              java.util.Locale.ROOT)) + ", " + String.join("; ", encrypt.get().clauses()) + ").";
      reporter.report(Rule.UNPROTECTED_AT_REST, field, anchor(field),
          Reporter.format(Rule.UNPROTECTED_AT_REST, ProcessorError.UNPROTECTED_AT_REST.code(),
              ProcessorError.UNPROTECTED_AT_REST.requirements(), where(read, f.name()), what,
              ProcessorError.UNPROTECTED_AT_REST.fix()));
    }
  }

  private static String describe(FieldSchema f) {
    if (f.categories().isEmpty()) {
      return "data classified " + f.declared().map(Object::toString).orElse("-");
    }
    return (f.sensitive() ? "sensitive " : "") + "personal information "
        + f.categories().stream().map(PiCategory::name).collect(Collectors.joining(", ", "[", "]"));
  }

  /** EncryptedValue, or @Convert(converter = a converter of org.govdatasec.crypto.jpa). */
  boolean isProtected(VariableElement field) {
    TypeMirror t = types.erasure(field.asType());
    if (t.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().contentEquals(ENCRYPTED_VALUE)) {
      return true;
    }
    AnnotationMirror convert = ElementSchemaReader.annotation(field, CONVERT);
    if (convert == null) {
      return false;
    }
    Map<String, AnnotationValue> v = reader.values(convert);
    if (v.get("disableConversion") != null && Boolean.TRUE.equals(v.get("disableConversion").getValue())) {
      return false;
    }
    Object converter = v.get("converter") == null ? null : v.get("converter").getValue();
    String name = converter instanceof DeclaredType d && d.getKind() == TypeKind.DECLARED
        ? ((TypeElement) d.asElement()).getQualifiedName().toString()
        : String.valueOf(converter);
    return name.startsWith(SDK_CONVERTER_PACKAGE);
  }

  // --- SENSITIVE_TO_STRING -------------------------------------------------------------------------

  private void sensitiveToString(ElementSchemaReader.Read read, TypeSchema schema) {
    Map<Element, FieldSchema> sensitive = new LinkedHashMap<>();
    for (FieldSchema f : schema.fields()) {
      ElementSchemaReader.Source s = read.fields().get(f.name());
      if (f.sensitive() && s != null && s.field() != null && !s.field().getModifiers().contains(Modifier.STATIC)) {
        sensitive.put(s.field(), f);
      }
    }
    if (sensitive.isEmpty()) {
      return;
    }
    TypeElement type = read.type();
    ExecutableElement toString = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals("toString") && m.getParameters().isEmpty()
            && !m.getModifiers().contains(Modifier.STATIC)
            && written(m))
        .findFirst().orElse(null);
    if (toString == null) {
      if (type.getKind() != ElementKind.RECORD) {
        return;
      }
      Map.Entry<Element, FieldSchema> first = sensitive.entrySet().iterator().next();
      String names = sensitive.values().stream().map(FieldSchema::name).collect(Collectors.joining(", "));
      String what = "the record's generated toString() prints every component, including sensitive personal"
          + " information in " + names + "; logs and exception messages are where it leaks.";
      reporter.report(Rule.SENSITIVE_TO_STRING, first.getKey(), anchor(first.getKey()),
          Reporter.format(Rule.SENSITIVE_TO_STRING, ProcessorError.SENSITIVE_TO_STRING.code(),
              ProcessorError.SENSITIVE_TO_STRING.requirements(), where(read, first.getValue().name()), what,
              ProcessorError.SENSITIVE_TO_STRING.fix()));
      return;
    }
    Map<Element, Element> accessors = new HashMap<>();
    if (type.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement c : ElementFilter.recordComponentsIn(type.getEnclosedElements())) {
        for (Element f : sensitive.keySet()) {
          if (f.getSimpleName().contentEquals(c.getSimpleName()) && c.getAccessor() != null) {
            accessors.put(c.getAccessor(), f);
          }
        }
      }
    }
    Map<Element, Long> reads = reads(toString, sensitive, accessors);
    for (Map.Entry<Element, Long> r : reads.entrySet()) {
      FieldSchema f = sensitive.get(r.getKey());
      String what = "the hand-written toString()" + (r.getValue() > 0 ? " (line " + r.getValue() + ")" : "")
          + " reads " + describe(f) + ", so it prints it.";
      reporter.report(Rule.SENSITIVE_TO_STRING, r.getKey(), anchor(r.getKey()),
          Reporter.format(Rule.SENSITIVE_TO_STRING, ProcessorError.SENSITIVE_TO_STRING.code(),
              ProcessorError.SENSITIVE_TO_STRING.requirements(), where(read, f.name()), what,
              ProcessorError.SENSITIVE_TO_STRING.fix()), toString);
    }
  }

  /**
   * Tells whether a method is written in source. A record's implicit toString is an element too, and javac
   * 17 gives it origin EXPLICIT, but it has no tree.
   */
  private boolean written(ExecutableElement m) {
    return trees != null ? trees.getTree(m) != null : elements.getOrigin(m) == Elements.Origin.EXPLICIT;
  }

  /** The sensitive fields the method's body reads (directly or through a record accessor), with a line. */
  private Map<Element, Long> reads(ExecutableElement method, Map<Element, FieldSchema> sensitive,
      Map<Element, Element> accessors) {
    Map<Element, Long> found = new LinkedHashMap<>();
    if (trees == null) {
      return found;
    }
    TreePath path = trees.getPath(method);
    if (path == null) {
      return found;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    new TreePathScanner<Void, Void>() {
      private void check(Tree node) {
        Element e = trees.getElement(getCurrentPath());
        if (e == null) {
          return;
        }
        Element field = sensitive.containsKey(e) ? e : accessors.get(e);
        if (field != null && !found.containsKey(field)) {
          long pos = trees.getSourcePositions().getStartPosition(unit, node);
          found.put(field, pos < 0 ? -1 : unit.getLineMap().getLineNumber(pos));
        }
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        check(node);
        return super.visitIdentifier(node, unused);
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        check(node);
        return super.visitMemberSelect(node, unused);
      }
    }.scan(path, null);
    return found;
  }

  // --- MISSING_SUBJECT_ID --------------------------------------------------------------------------

  private void missingSubjectId(ElementSchemaReader.Read read, TypeSchema schema) {
    if (!schema.holdsPersonalInformation() || schema.subjectIdField().isPresent()) {
      return;
    }
    List<String> pi = new ArrayList<>();
    schema.fields().stream().filter(FieldSchema::personalInformation).forEach(f -> pi.add(f.name()));
    String what = "holds personal information (" + String.join(", ", pi) + ") but no field is marked"
        + " @DataSubjectId; consent checks (PI-2) and crypto-shredding on destruction (DS-2) find the person"
        + " through it.";
    reporter.report(Rule.MISSING_SUBJECT_ID, read.type(), null,
        Reporter.format(Rule.MISSING_SUBJECT_ID, ProcessorError.MISSING_SUBJECT_ID.code(),
            ProcessorError.MISSING_SUBJECT_ID.requirements(), where(read, null), what,
            ProcessorError.MISSING_SUBJECT_ID.fix()));
  }

  // --- UNCLASSIFIED_FIELD --------------------------------------------------------------------------

  private void unclassified(ElementSchemaReader.Read read, TypeSchema schema) {
    if (schema.fields().stream().noneMatch(FieldSchema::classified)) {
      return;
    }
    List<FieldSchema> unclassified = schema.unclassifiedFields();
    for (FieldSchema f : unclassified) {
      ElementSchemaReader.Source s = read.fields().get(f.name());
      if (s == null || s.field() == null || !s.field().getEnclosingElement().equals(read.type())) {
        continue;
      }
      String what = "the field is unclassified while other fields of the type are classified; free text and codes"
          + " are where personal information hides (unclassified here: "
          + unclassified.stream().map(FieldSchema::name).collect(Collectors.joining(", ")) + ").";
      reporter.report(Rule.UNCLASSIFIED_FIELD, s.field(), null,
          Reporter.format(Rule.UNCLASSIFIED_FIELD, ProcessorError.UNCLASSIFIED_FIELD.code(),
              ProcessorError.UNCLASSIFIED_FIELD.requirements(), where(read, f.name()), what,
              ProcessorError.UNCLASSIFIED_FIELD.fix()));
    }
  }
}
