package org.govdatasec.core.governance.consent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the consent guard lets a purpose see of one record (PI-2, minimal use): the covered fields and
 * their values, and the requested fields it withheld with the reason for each.
 *
 * <p>The projection is a map (field name to value, in the record's declaration order; values may be
 * {@code null}), not a copy of the record: a copy would carry {@code null} for withheld fields, which
 * callers could not tell from a genuinely empty value.
 *
 * @param subjectId the data subject
 * @param purpose the purpose
 * @param fields the covered fields and their values, unmodifiable
 * @param withheld the requested fields that were withheld, each with its reason, unmodifiable
 * @param basisIds the ids of the consent records that covered the returned fields
 */
public record Projection(String subjectId, String purpose, Map<String, Object> fields, Map<String, String> withheld,
    List<String> basisIds) {

  /**
   * Freezes the projection.
   *
   * @param subjectId the subject
   * @param purpose the purpose
   * @param fields the covered fields
   * @param withheld the withheld fields with reasons
   * @param basisIds the covering records
   */
  public Projection {
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(purpose, "purpose");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    withheld = Collections.unmodifiableMap(new LinkedHashMap<>(withheld));
    basisIds = List.copyOf(basisIds);
  }

  /**
   * Tells whether every requested field was returned.
   *
   * @return true if nothing was withheld
   */
  public boolean complete() {
    return withheld.isEmpty();
  }

  /**
   * Returns a field's value.
   *
   * @param field the field name
   * @return the value ({@code null} if the value is null)
   * @throws IllegalArgumentException if the field is not in the projection
   */
  public Object get(String field) {
    if (!fields.containsKey(field)) {
      throw new IllegalArgumentException("field " + field + " is not in the projection");
    }
    return fields.get(field);
  }

  /** Returns the subject, purpose and field names only, never the values. */
  @Override
  public String toString() {
    return "Projection[" + subjectId + " for " + purpose + ": " + fields.keySet() + ", withheld "
        + withheld.keySet() + "]";
  }
}
