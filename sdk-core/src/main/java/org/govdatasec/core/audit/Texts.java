package org.govdatasec.core.audit;

import java.util.List;
import java.util.regex.Pattern;

/** Validation of event texts: limits and well-formed UTF-16 (so every value encodes as UTF-8). */
final class Texts {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  private Texts() {}

  static String optional(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    if (value.length() > max) {
      throw AuditError.FIELD_TOO_LONG.exception(
          "Audit event field '" + field + "' has " + value.length() + " characters; the limit is " + max + ".");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        throw badText(field, i);
      } else if (Character.isLowSurrogate(c)) {
        throw badText(field, i);
      }
    }
    return value;
  }

  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw AuditError.MISSING_FIELD.exception("Audit event field '" + field + "' is missing or blank.");
    }
    return optional(field, value, max);
  }

  static String id(String field, String value) {
    if (value == null) {
      return null;
    }
    if (!ID.matcher(value).matches()) {
      throw AuditError.INVALID_TEXT.exception("Audit event field '" + field
          + "' must be 1 to 128 letters, digits or . _ : - (got " + value.length() + " characters).");
    }
    return value;
  }

  static List<String> list(String field, List<String> values, int maxEntries, int maxEach) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > maxEntries) {
      throw AuditError.FIELD_TOO_LONG.exception("Audit event field '" + field + "' has " + values.size()
          + " entries; the limit is " + maxEntries + ".");
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null) {
        throw AuditError.BAD_FIELD_VALUE.exception("Audit event field '" + field + "' has a null entry at " + i + ".");
      }
      optional(field + "[" + i + "]", v, maxEach);
    }
    return List.copyOf(values);
  }

  private static AuditException badText(String field, int index) {
    return AuditError.INVALID_TEXT.exception("Audit event field '" + field
        + "' has an unpaired UTF-16 surrogate at index " + index + " and cannot be encoded as UTF-8.");
  }
}
