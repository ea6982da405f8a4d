package org.govdatasec.core.internal.governance;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the field values of a record or class by reflection. Not API. */
public final class FieldValues {
  private FieldValues() {}

  /**
   * Reads every instance field (record components in order; class fields, superclass first).
   *
   * @param record the record or object
   * @return field name to value, values may be {@code null}
   * @throws IllegalStateException if a field cannot be read
   */
  public static Map<String, Object> read(Object record) {
    Map<String, Object> values = new LinkedHashMap<>();
    Class<?> type = record.getClass();
    try {
      if (type.isRecord()) {
        for (RecordComponent c : type.getRecordComponents()) {
          var accessor = c.getAccessor();
          if (!accessor.trySetAccessible()) {
            throw new IllegalStateException("cannot read " + type.getName() + "." + c.getName());
          }
          values.put(c.getName(), accessor.invoke(record));
        }
        return values;
      }
      java.util.ArrayDeque<Class<?>> chain = new java.util.ArrayDeque<>();
      for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
        chain.push(t);
      }
      for (Class<?> t : chain) {
        for (Field f : t.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
            continue;
          }
          if (!f.trySetAccessible()) {
            throw new IllegalStateException("cannot read " + t.getName() + "." + f.getName());
          }
          values.put(f.getName(), f.get(record));
        }
      }
      return values;
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read the fields of " + type.getName(), e);
    }
  }
}
