package org.govdatasec.processor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.govdatasec.core.classification.ClassificationError;
import org.govdatasec.core.classification.ClassificationException;
import org.govdatasec.core.classification.ClassificationProblem;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.Sensitivity;
import org.govdatasec.core.classification.TypeSchema;

/**
 * Builds sdk-core's {@link TypeSchema} from the compiler's element model, the way sdk-core's reflection
 * reader builds it from a class: the same builders validate it, so the {@code GDS-CLS} rules are those
 * of sdk-core, applied once.
 */
final class ElementSchemaReader {

  static final String CLASSIFIED = "org.govdatasec.core.annotation.Classified";
  static final String PERSONAL_INFO = "org.govdatasec.core.annotation.PersonalInfo";
  static final String DATA_SUBJECT_ID = "org.govdatasec.core.annotation.DataSubjectId";
  static final String STORED_FORM = "org.govdatasec.core.annotation.StoredForm";

  /** A field of the schema and the element it was read from. */
  record Source(String name, VariableElement field) {}

  /**
   * A type as read: its schema if valid, else the problems; and the field elements by schema name.
   *
   * @param type the type element
   * @param binaryName its binary name
   * @param schema the schema, empty if invalid
   * @param problems the classification problems, empty if valid
   * @param fields the field elements by schema field name, in schema order
   */
  record Read(TypeElement type, String binaryName, Optional<TypeSchema> schema, List<ClassificationProblem> problems,
      Map<String, Source> fields) {}

  private final Elements elements;
  private final Types types;
  private final Map<String, TypeElement> byBinaryName = new HashMap<>();
  private final Map<String, Read> cache = new HashMap<>();

  ElementSchemaReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Finds the schema of a type seen as a nested type, by binary name; empty if unknown or invalid. */
  Optional<TypeSchema> resolve(String binaryName) {
    TypeElement t = byBinaryName.get(binaryName);
    return t == null ? Optional.empty() : read(t).schema();
  }

  String binaryName(TypeElement type) {
    return elements.getBinaryName(type).toString();
  }

  Read read(TypeElement type) {
    String binary = binaryName(type);
    Read cached = cache.get(binary);
    if (cached != null) {
      return cached;
    }
    Read read = doRead(type, binary);
    cache.put(binary, read);
    return read;
  }

  /** Tells whether any field of the type (or its superclasses) has a type the compiler could not resolve yet. */
  boolean hasUnresolvedTypes(TypeElement type) {
    for (TypeElement t : hierarchy(type)) {
      for (VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (containsError(f.asType(), 0)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean containsError(TypeMirror t, int depth) {
    if (t.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (depth < 4 && t instanceof DeclaredType d) {
      return d.getTypeArguments().stream().anyMatch(a -> containsError(a, depth + 1));
    }
    if (depth < 4 && t instanceof ArrayType a) {
      return containsError(a.getComponentType(), depth + 1);
    }
    return false;
  }

  private Read doRead(TypeElement type, String binary) {
    Map<String, Source> sources = new LinkedHashMap<>();
    ElementKind kind = type.getKind();
    if (kind != ElementKind.CLASS && kind != ElementKind.RECORD) {
      return new Read(type, binary, Optional.empty(), List.of(ClassificationError.NOT_A_DATA_TYPE.problem(binary, null,
          binary + " is a " + kind.name().toLowerCase(java.util.Locale.ROOT) + ", not a record or class, but carries"
              + " govdatasec classification annotations.")), sources);
    }
    TypeSchema.Builder builder = TypeSchema.builder(binary,
        kind == ElementKind.RECORD ? TypeSchema.Kind.RECORD : TypeSchema.Kind.CLASS);
    AnnotationMirror own = annotation(type, CLASSIFIED);
    if (own != null) {
      classified(own, (l, g, r) -> builder.classified(l, g, r));
    }
    for (TypeElement s : hierarchy(type)) {
      AnnotationMirror a = s.equals(type) ? null : annotation(s, CLASSIFIED);
      if (a != null) {
        classified(a, (l, g, r) -> builder.inheritedClassified(l, g, r));
      }
    }
    if (kind == ElementKind.RECORD) {
      Map<String, VariableElement> fields = new HashMap<>();
      for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        fields.put(f.getSimpleName().toString(), f);
      }
      for (RecordComponentElement c : ElementFilter.recordComponentsIn(type.getEnclosedElements())) {
        String name = c.getSimpleName().toString();
        VariableElement f = fields.get(name);
        Element annotated = f != null ? f : c;
        builder.field(field(name, annotated, c.asType(), false));
        sources.put(name, new Source(name, f));
      }
      for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (f.getModifiers().contains(Modifier.STATIC) && annotated(f)) {
          String name = f.getSimpleName().toString();
          builder.field(field(name, f, f.asType(), true));
          sources.put(name, new Source(name, f));
        }
      }
    } else {
      List<VariableElement> fields = new ArrayList<>();
      List<TypeElement> chain = hierarchy(type);
      for (int i = chain.size() - 1; i >= 0; i--) {
        for (VariableElement f : ElementFilter.fieldsIn(chain.get(i).getEnclosedElements())) {
          if (!f.getModifiers().contains(Modifier.STATIC) || annotated(f)) {
            fields.add(f);
          }
        }
      }
      Map<String, VariableElement> visible = new HashMap<>();
      fields.forEach(f -> visible.put(f.getSimpleName().toString(), f));
      for (VariableElement f : fields) {
        String simple = f.getSimpleName().toString();
        String name = visible.get(simple).equals(f) ? simple
            : f.getEnclosingElement().getSimpleName() + "." + simple;
        builder.field(field(name, f, f.asType(), f.getModifiers().contains(Modifier.STATIC)));
        sources.put(name, new Source(name, f));
      }
    }
    try {
      return new Read(type, binary, Optional.of(builder.build()), List.of(), sources);
    } catch (ClassificationException e) {
      return new Read(type, binary, Optional.empty(), e.problems(), sources);
    }
  }

  /** The type and its superclasses, the type first, up to (not including) Object and Record. */
  List<TypeElement> hierarchy(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    TypeElement t = type;
    while (t != null) {
      String name = t.getQualifiedName().toString();
      if (name.equals("java.lang.Object") || name.equals("java.lang.Record")) {
        break;
      }
      chain.add(t);
      TypeMirror sup = t.getSuperclass();
      t = sup.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) sup).asElement() : null;
    }
    return chain;
  }

  private interface ClassifiedSink {
    void accept(DataLevel level, int grade, String reason);
  }

  private void classified(AnnotationMirror a, ClassifiedSink sink) {
    Map<String, AnnotationValue> v = values(a);
    DataLevel level = enumValue(v.get("value"), DataLevel.class);
    if (level == null) {
      return;
    }
    Object grade = v.get("grade") == null ? null : v.get("grade").getValue();
    Object reason = v.get("reason") == null ? null : v.get("reason").getValue();
    sink.accept(level, grade instanceof Integer g ? g : 0, reason instanceof String r ? r : "");
  }

  private FieldSchema.Builder field(String name, Element e, TypeMirror type, boolean isStatic) {
    FieldSchema.Builder b = FieldSchema.builder(name).javaType(type.toString()).staticField(isStatic);
    AnnotationMirror c = annotation(e, CLASSIFIED);
    if (c != null) {
      classified(c, (l, g, r) -> b.classified(l, g, r));
    }
    AnnotationMirror pi = annotation(e, PERSONAL_INFO);
    if (pi != null) {
      Map<String, AnnotationValue> v = values(pi);
      List<PiCategory> categories = new ArrayList<>();
      Object value = v.get("value") == null ? null : v.get("value").getValue();
      if (value instanceof List<?> list) {
        for (Object o : list) {
          PiCategory cat = o instanceof AnnotationValue av ? enumValue(av, PiCategory.class) : null;
          if (cat != null) {
            categories.add(cat);
          }
        }
      }
      Sensitivity s = enumValue(v.get("sensitivity"), Sensitivity.class);
      b.personalInfo(categories, s == null ? Sensitivity.DEFAULT : s);
    }
    b.subjectId(annotation(e, DATA_SUBJECT_ID) != null);
    b.multiValued(isMultiValued(type));
    nestedClassified(type, new HashSet<>()).ifPresent(n -> {
      String binary = binaryName(n);
      byBinaryName.put(binary, n);
      b.nestedType(binary);
    });
    return b;
  }

  static AnnotationMirror annotation(Element e, String qualifiedName) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      TypeElement t = (TypeElement) m.getAnnotationType().asElement();
      if (t.getQualifiedName().contentEquals(qualifiedName)) {
        return m;
      }
    }
    return null;
  }

  Map<String, AnnotationValue> values(AnnotationMirror m) {
    Map<String, AnnotationValue> out = new HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> en
        : elements.getElementValuesWithDefaults(m).entrySet()) {
      out.put(en.getKey().getSimpleName().toString(), en.getValue());
    }
    return out;
  }

  private static <E extends Enum<E>> E enumValue(AnnotationValue v, Class<E> type) {
    if (v != null && v.getValue() instanceof VariableElement constant) {
      try {
        return Enum.valueOf(type, constant.getSimpleName().toString());
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  static boolean annotated(Element e) {
    return annotation(e, CLASSIFIED) != null || annotation(e, PERSONAL_INFO) != null
        || annotation(e, DATA_SUBJECT_ID) != null;
  }

  private boolean isA(TypeMirror t, String qualifiedName) {
    TypeElement target = elements.getTypeElement(qualifiedName);
    return target != null && types.isAssignable(types.erasure(t), types.erasure(target.asType()));
  }

  private boolean isMultiValued(TypeMirror type) {
    TypeMirror t = type;
    if (t instanceof TypeVariable v) {
      t = v.getUpperBound();
    }
    if (t.getKind() == TypeKind.ARRAY) {
      return true;
    }
    return t.getKind() == TypeKind.DECLARED
        && (isA(t, "java.util.Collection") || isA(t, "java.util.Map") || isA(t, "java.lang.Iterable"));
  }

  /** Unwraps arrays, collections, map values and optionals down to an element type that is classified. */
  private Optional<TypeElement> nestedClassified(TypeMirror type, Set<String> visited) {
    TypeMirror t = type;
    for (int depth = 0; depth < 8 && t != null; depth++) {
      if (t instanceof ArrayType a) {
        t = a.getComponentType();
        continue;
      }
      if (t instanceof WildcardType w) {
        t = w.getExtendsBound();
        continue;
      }
      if (t instanceof TypeVariable v) {
        t = v.getUpperBound();
        continue;
      }
      if (!(t instanceof DeclaredType d) || t.getKind() != TypeKind.DECLARED) {
        return Optional.empty();
      }
      List<? extends TypeMirror> args = d.getTypeArguments();
      if (isA(t, "java.util.Map") && args.size() == 2) {
        t = args.get(1);
        continue;
      }
      if ((isA(t, "java.lang.Iterable") || isA(t, "java.util.Optional")) && args.size() == 1) {
        t = args.get(0);
        continue;
      }
      TypeElement e = (TypeElement) d.asElement();
      return isClassifiedType(e, visited) ? Optional.of(e) : Optional.empty();
    }
    return Optional.empty();
  }

  /** As sdk-core's reflection reader: annotations on the type or its fields, or a field holding such a type. */
  private boolean isClassifiedType(TypeElement c, Set<String> visited) {
    ElementKind kind = c.getKind();
    if ((kind != ElementKind.CLASS && kind != ElementKind.RECORD) || c.getQualifiedName().toString().startsWith("java.")) {
      return false;
    }
    if (!visited.add(c.getQualifiedName().toString())) {
      return false;
    }
    if (annotation(c, CLASSIFIED) != null) {
      return true;
    }
    List<VariableElement> instanceFields = new ArrayList<>();
    for (TypeElement k : hierarchy(c)) {
      for (VariableElement f : ElementFilter.fieldsIn(k.getEnclosedElements())) {
        if (annotated(f)) {
          return true;
        }
        if (!f.getModifiers().contains(Modifier.STATIC)) {
          instanceFields.add(f);
        }
      }
    }
    for (VariableElement f : instanceFields) {
      if (nestedClassified(f.asType(), visited).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
