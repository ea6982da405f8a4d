package org.govdatasec.masking;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.Schemas;
import org.govdatasec.core.classification.TypeSchema;

/**
 * Masks whole objects by their sdk-core annotations (PI-5, USE-5): each {@code @PersonalInfo} field gets
 * the {@link DefaultRules default rule} of its categories in a {@link Profile}, overridable per field.
 *
 * <p>Fields without personal information: a {@code @Classified} field is kept; the {@code @DataSubjectId}
 * field is pseudonymised (TEST_FIXTURE), kept (DISPLAY) or hashed (EXPORT); an unclassified field is
 * treated as free text (identifiers found in it are pseudonymised or masked; suppressed for EXPORT), so
 * personal information hidden in remarks is never passed through. Immutable and thread-safe.
 *
 * @param <T> the record or class type
 */
public final class RecordMasker<T> {
  private final Class<T> type;
  private final Masker masker;
  private final Map<String, FieldRule> rules;
  private final String subjectField;

  private RecordMasker(Class<T> type, Masker masker, Map<String, FieldRule> rules, String subjectField) {
    this.type = type;
    this.masker = masker;
    this.rules = Collections.unmodifiableMap(rules);
    this.subjectField = subjectField;
  }

  /**
   * Reads a type's schema and builds its default rules.
   *
   * @param <T> the type
   * @param type a record or class annotated with sdk-core's annotations
   * @param profile the profile
   * @param masker the masker (keyed for TEST_FIXTURE and EXPORT)
   * @return the record masker
   * @throws org.govdatasec.core.classification.ClassificationException if the annotations are invalid
   */
  public static <T> RecordMasker<T> of(Class<T> type, Profile profile, Masker masker) {
    Objects.requireNonNull(masker, "masker");
    TypeSchema schema = Schemas.of(type);
    Map<String, FieldRule> rules = new LinkedHashMap<>();
    String subject = null;
    for (FieldSchema f : schema.fields()) {
      String domain = schema.simpleName() + "." + f.name();
      FieldRule rule;
      if (!f.categories().isEmpty()) {
        rule = DefaultRules.rule(f.categories(), profile);
      } else if (f.subjectId()) {
        rule = FieldRule.builder(Format.GENERIC, profile == Profile.TEST_FIXTURE ? Strategy.PSEUDONYMISE
            : profile == Profile.DISPLAY ? Strategy.KEEP : Strategy.HASH).hashHexLength(32).build();
      } else if (f.classified()) {
        rule = FieldRule.builder(Format.GENERIC, Strategy.KEEP).build();
      } else {
        rule = FieldRule.builder(Format.FREE_TEXT, profile == Profile.TEST_FIXTURE ? Strategy.PSEUDONYMISE
            : profile == Profile.DISPLAY ? Strategy.MASK : Strategy.SUPPRESS).onInvalid(OnInvalid.GENERIC).build();
      }
      if (f.subjectId()) {
        subject = f.name();
      }
      rules.put(f.name(), rule.withDomain(domain));
    }
    return new RecordMasker<>(type, masker, rules, subject);
  }

  /**
   * Returns a copy with one field's rule replaced; the field keeps its domain unless the rule names one.
   *
   * @param field the field name
   * @param rule the rule
   * @return the copy
   * @throws IllegalArgumentException if the type has no such field
   */
  public RecordMasker<T> override(String field, FieldRule rule) {
    FieldRule old = rules.get(field);
    if (old == null) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no field " + field);
    }
    Map<String, FieldRule> copy = new LinkedHashMap<>(rules);
    copy.put(field, rule.domain() == null ? rule.withDomain(old.domain()) : rule);
    return new RecordMasker<>(type, masker, copy, subjectField);
  }

  /**
   * Returns the rule of every field, in declaration order.
   *
   * @return field name to rule
   */
  public Map<String, FieldRule> rules() {
    return rules;
  }

  /**
   * Masks an object: every field's value as text ({@code toString()}), masked by its rule.
   *
   * @param value the object
   * @return field name to masked text ({@code null} for null or suppressed values), in declaration order
   * @throws MaskingException as {@link Masker#mask(String, FieldRule, String)}
   */
  public Map<String, String> mask(T value) {
    Objects.requireNonNull(value, "value");
    Map<String, Object> raw = read(value);
    Object subjectValue = subjectField == null ? null : raw.get(subjectField);
    String subject = subjectValue == null ? null : subjectValue.toString();
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, FieldRule> e : rules.entrySet()) {
      Object v = raw.get(e.getKey());
      out.put(e.getKey(), masker.mask(v == null ? null : v.toString(), e.getValue(), subject));
    }
    return out;
  }

  private Map<String, Object> read(T value) {
    Map<String, Object> raw = new LinkedHashMap<>();
    try {
      if (type.isRecord()) {
        for (RecordComponent c : type.getRecordComponents()) {
          raw.put(c.getName(), c.getAccessor().invoke(value));
        }
      } else {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
          for (Field f : c.getDeclaredFields()) {
            if (rules.containsKey(f.getName()) && !raw.containsKey(f.getName())) {
              f.setAccessible(true);
              raw.put(f.getName(), f.get(value));
            }
          }
        }
      }
    } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
      throw MaskError.BAD_OPTION.exception("the fields of " + type.getSimpleName()
          + " cannot be read (open the package to org.govdatasec.masking or use a record).", e);
    }
    return raw;
  }
}
