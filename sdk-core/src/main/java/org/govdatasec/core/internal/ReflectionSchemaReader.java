package org.govdatasec.core.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.govdatasec.core.classification.ClassificationError;
import org.govdatasec.core.classification.ClassificationException;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.TypeSchema;

/** Builds a {@link TypeSchema} from a class's annotations by reflection. Not API. */
public final class ReflectionSchemaReader {

  private ReflectionSchemaReader() {}

  /**
   * Reads the schema of a class.
   *
   * @param type the class
   * @return its schema
   */
  public static TypeSchema read(Class<?> type) {
    // Enum.class.isAssignableFrom also catches the class of an enum constant with a body, for which
    // Class.isEnum() is false. The type name (not the binary name, "[Ljava.lang.String;") names arrays.
    if (type.isInterface() || Enum.class.isAssignableFrom(type) || type.isArray() || type.isPrimitive()) {
      throw new ClassificationException(List.of(ClassificationError.NOT_A_DATA_TYPE.problem(type.getTypeName(), null,
          type.getTypeName() + " is not a record or class.")));
    }
    TypeSchema.Builder builder =
        TypeSchema.builder(type.getName(), type.isRecord() ? TypeSchema.Kind.RECORD : TypeSchema.Kind.CLASS);
    Classified own = type.getAnnotation(Classified.class);
    if (own != null) {
      builder.classified(own.value(), own.grade(), own.reason());
    }
    for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
      Classified a = c.getAnnotation(Classified.class);
      if (a != null) {
        builder.inheritedClassified(a.value(), a.grade(), a.reason());
      }
    }
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        builder.field(field(c.getName(), c, c.getGenericType(), false));
      }
      // A static field of a record cannot be a component, but may still carry annotations by mistake.
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && !f.isSynthetic() && annotated(f)) {
          builder.field(field(f.getName(), f, f.getGenericType(), true));
        }
      }
      return builder.build();
    }
    Deque<Class<?>> hierarchy = new ArrayDeque<>();
    for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
      hierarchy.push(c);
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      for (Field f : c.getDeclaredFields()) {
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        if (!f.isSynthetic() && (!isStatic || annotated(f))) {
          fields.add(f);
        }
      }
    }
    // A field hidden by another of the same name is named after its declaring class: "Base.code". The field
    // the type sees under that name (the one declared lowest in the hierarchy) keeps the plain name, even
    // when a superclass declares it.
    Map<String, Field> visible = new HashMap<>();
    for (Field f : fields) {
      visible.put(f.getName(), f);
    }
    for (Field f : fields) {
      String name = visible.get(f.getName()) == f
          ? f.getName()
          : f.getDeclaringClass().getSimpleName() + "." + f.getName();
      builder.field(field(name, f, f.getGenericType(), Modifier.isStatic(f.getModifiers())));
    }
    return builder.build();
  }

  private static boolean annotated(AnnotatedElement e) {
    return e.isAnnotationPresent(Classified.class)
        || e.isAnnotationPresent(PersonalInfo.class)
        || e.isAnnotationPresent(DataSubjectId.class);
  }

  private static FieldSchema.Builder field(String name, AnnotatedElement e, Type type, boolean isStatic) {
    FieldSchema.Builder b = FieldSchema.builder(name).javaType(type.getTypeName()).staticField(isStatic);
    Classified c = e.getAnnotation(Classified.class);
    if (c != null) {
      b.classified(c.value(), c.grade(), c.reason());
    }
    PersonalInfo pi = e.getAnnotation(PersonalInfo.class);
    if (pi != null) {
      b.personalInfo(Arrays.asList(pi.value()), pi.sensitivity());
    }
    b.subjectId(e.isAnnotationPresent(DataSubjectId.class));
    b.multiValued(isMultiValued(type));
    nestedClassified(type).ifPresent(n -> b.nestedType(n.getName()));
    return b;
  }

  private static boolean isMultiValued(Type type) {
    if (type instanceof GenericArrayType) {
      return true;
    }
    Class<?> raw = raw(type);
    return raw != null && (raw.isArray() || Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
        || Iterable.class.isAssignableFrom(raw));
  }

  /** Unwraps arrays, collections, map values and optionals down to an element type that is classified. */
  private static Optional<Class<?>> nestedClassified(Type type) {
    return nestedClassified(type, new HashSet<>());
  }

  private static Optional<Class<?>> nestedClassified(Type type, Set<Class<?>> visited) {
    Type t = type;
    for (int depth = 0; depth < 8 && t != null; depth++) {
      if (t instanceof GenericArrayType g) {
        t = g.getGenericComponentType();
        continue;
      }
      if (t instanceof WildcardType w) {
        Type[] upper = w.getUpperBounds();
        t = upper.length == 0 ? null : upper[0];
        continue;
      }
      if (t instanceof TypeVariable<?> v) {
        Type[] bounds = v.getBounds();
        t = bounds.length == 0 ? null : bounds[0];
        continue;
      }
      Class<?> raw = raw(t);
      if (raw == null) {
        return Optional.empty();
      }
      if (raw.isArray()) {
        t = raw.getComponentType();
        continue;
      }
      if (t instanceof ParameterizedType p) {
        Type[] args = p.getActualTypeArguments();
        if (Map.class.isAssignableFrom(raw) && args.length == 2) {
          t = args[1];
          continue;
        }
        if ((Iterable.class.isAssignableFrom(raw) || raw == Optional.class) && args.length == 1) {
          t = args[0];
          continue;
        }
      }
      return isClassifiedType(raw, visited) ? Optional.of(raw) : Optional.empty();
    }
    return Optional.empty();
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    if (t instanceof TypeVariable<?> v && v.getBounds().length > 0) {
      return raw(v.getBounds()[0]);
    }
    return null;
  }

  /**
   * Tells, cheaply and without validating, whether a class carries classification information: govdatasec
   * annotations on the type or on any of its own or inherited fields, or, like an unannotated wrapper
   * around a list of citizens, an instance field that holds such a class ({@link FieldSchema#nestedType()}).
   * JDK classes never do.
   */
  static boolean isClassifiedType(Class<?> c) {
    return isClassifiedType(c, new HashSet<>());
  }

  /**
   * As {@link #isClassifiedType(Class)}; {@code visited} holds the classes already looked at in this
   * search, so that recursive types terminate (a class reached again adds nothing new).
   */
  private static boolean isClassifiedType(Class<?> c, Set<Class<?>> visited) {
    if (c.isPrimitive() || c.isInterface() || Enum.class.isAssignableFrom(c) || c.getName().startsWith("java.")) {
      return false;
    }
    if (!visited.add(c)) {
      return false;
    }
    if (c.isAnnotationPresent(Classified.class)) {
      return true;
    }
    if (c.isRecord()) {
      for (RecordComponent rc : c.getRecordComponents()) {
        if (annotated(rc)) {
          return true;
        }
      }
      for (RecordComponent rc : c.getRecordComponents()) {
        if (nestedClassified(rc.getGenericType(), visited).isPresent()) {
          return true;
        }
      }
      return false;
    }
    List<Field> instanceFields = new ArrayList<>();
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (annotated(f)) {
          return true;
        }
        if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
          instanceFields.add(f);
        }
      }
    }
    for (Field f : instanceFields) {
      if (nestedClassified(f.getGenericType(), visited).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
