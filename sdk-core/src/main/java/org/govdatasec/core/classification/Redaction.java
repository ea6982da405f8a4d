package org.govdatasec.core.classification;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * A safe {@code toString} for records and classes that hold personal information (PI-5: sensitive
 * personal information is masked wherever it is shown, and logs are where it leaks first).
 *
 * <pre>{@code
 * public record Citizen(@DataSubjectId String citizenNo, @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber) {
 *   @Override
 *   public String toString() {
 *     return Redaction.toString(this);   // Citizen[citizenNo=C-0001, idNumber=<RESIDENT_ID redacted>]
 *   }
 * }
 * }</pre>
 *
 * <p>Every field of the type's {@linkplain Schemas#of(Class) schema} is printed in schema order; a field
 * that is personal information is printed as {@code <CATEGORY+CATEGORY redacted>} (or {@code null}),
 * never its value. Other fields print their own {@code toString}, so a nested record that also uses
 * {@code Redaction} stays redacted. A record whose generated {@code toString} would print sensitive
 * personal information is refused at compile time by the govdatasec annotation processor
 * ({@code govdatasec:SENSITIVE_TO_STRING}); overriding {@code toString()} with this method is the fix.
 */
public final class Redaction {

  private Redaction() {}

  /**
   * Returns {@code Type[field=value, pii=<CATEGORY redacted>, ...]} for an annotated record or class.
   *
   * @param value the object, or {@code null}
   * @return the redacted text, {@code "null"} for {@code null}
   * @throws ClassificationException if the type's annotations are invalid (as {@link Schemas#of(Class)})
   */
  public static String toString(Object value) {
    if (value == null) {
      return "null";
    }
    Class<?> type = value.getClass();
    TypeSchema schema = Schemas.of(type);
    Map<String, Object> values = values(value, type);
    StringJoiner out = new StringJoiner(", ", type.getSimpleName() + "[", "]");
    for (FieldSchema f : schema.fields()) {
      Object v = values.get(f.name());
      String shown;
      if (f.categories().isEmpty()) {
        shown = v == Unreadable.INSTANCE ? "<unreadable>" : String.valueOf(v);
      } else if (v == null) {
        shown = "null";
      } else {
        shown = "<" + f.categories().stream().map(PiCategory::name).collect(Collectors.joining("+")) + " redacted>";
      }
      out.add(f.name() + "=" + shown);
    }
    return out.toString();
  }

  /** Marks a field whose value could not be read (a module does not open the package). */
  private enum Unreadable {
    INSTANCE
  }

  /** The field values by schema name (see {@code ReflectionSchemaReader} for hidden fields' names). */
  private static Map<String, Object> values(Object value, Class<?> type) {
    Map<String, Object> values = new HashMap<>();
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        values.put(c.getName(), read(() -> {
          c.getAccessor().setAccessible(true);
          return c.getAccessor().invoke(value);
        }));
      }
      return values;
    }
    Deque<Class<?>> hierarchy = new ArrayDeque<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.push(c);
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
          fields.add(f);
        }
      }
    }
    Map<String, Field> visible = new HashMap<>();
    fields.forEach(f -> visible.put(f.getName(), f));
    for (Field f : fields) {
      String name = visible.get(f.getName()) == f ? f.getName()
          : f.getDeclaringClass().getSimpleName() + "." + f.getName();
      values.put(name, read(() -> {
        f.setAccessible(true);
        return f.get(value);
      }));
    }
    return values;
  }

  private interface Reader {
    Object read() throws ReflectiveOperationException;
  }

  private static Object read(Reader reader) {
    Objects.requireNonNull(reader);
    try {
      return reader.read();
    } catch (ReflectiveOperationException | InaccessibleObjectException | SecurityException e) {
      return Unreadable.INSTANCE;
    }
  }
}
