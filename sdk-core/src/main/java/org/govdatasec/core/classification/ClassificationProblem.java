package org.govdatasec.core.classification;

import java.util.Objects;
import java.util.stream.Collectors;
import org.govdatasec.core.Requirement;

/**
 * One thing wrong with a type's classification: which rule, which element, what and how to fix it.
 *
 * <p>A {@link ClassificationException} carries every problem of a type at once; the annotation
 * processor turns each into a compiler diagnostic on the element.
 *
 * @param error the rule that was broken
 * @param typeName the binary name of the type, or {@code null} if not known
 * @param element the field or record component, or {@code null} for the type itself
 * @param message what is wrong
 */
public record ClassificationProblem(ClassificationError error, String typeName, String element, String message) {

  /**
   * Validates the problem.
   *
   * @param error the rule that was broken
   * @param typeName the binary name of the type, or {@code null} if not known
   * @param element the field or record component, or {@code null} for the type itself
   * @param message what is wrong
   * @throws NullPointerException if the error or message is missing
   */
  public ClassificationProblem {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns where the problem is, {@code Type.field}, {@code Type}, or {@code field}.
   *
   * @return the location, empty if unknown
   */
  public String location() {
    String type = typeName == null ? "" : typeName.substring(typeName.lastIndexOf('.') + 1);
    if (element == null) {
      return type;
    }
    return type.isEmpty() ? element : type + "." + element;
  }

  /** Returns {@code GDS-CLS-nnn [CLS-1] Type.field: message Fix: …}. */
  @Override
  public String toString() {
    String reqs = error.requirements().stream().map(Requirement::id).collect(Collectors.joining(", "));
    String where = location();
    return error.code() + " [" + reqs + "] " + (where.isEmpty() ? "" : where + ": ") + message + " Fix: " + error.fix();
  }
}
