package org.govdatasec.core.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.govdatasec.core.Requirement;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.TypeSchema;

/**
 * The policy engine's answer for one type: what level it is, why, and what must be done with it.
 *
 * @param schema the type's schema
 * @param effective the effective classification (the highest contribution, 就高从严), or empty if nothing
 *     about the type is classified
 * @param contributions every reason for a level, in field order, combinations last
 * @param categories the personal-information categories the type holds, its nested types' included
 * @param personalInformation whether it holds personal information
 * @param sensitivePersonalInformation whether it holds sensitive personal information (declared, by
 *     category default, or by a combination rule)
 * @param minors whether it holds information of children under 14
 * @param combinations the combination rules that fired
 * @param highRisk whether the high-risk controls apply (CLS-3)
 * @param highRiskReason why it is high-risk, empty if it is not
 * @param subjects the system's number of data subjects at the time of the assessment
 * @param controls the required controls, in the order of {@link Control}
 * @param waived mandatory controls that would apply but are waived by the policy
 */
public record Assessment(
    TypeSchema schema,
    Optional<Classification> effective,
    List<Contribution> contributions,
    Set<PiCategory> categories,
    boolean personalInformation,
    boolean sensitivePersonalInformation,
    boolean minors,
    List<CombinationRule> combinations,
    boolean highRisk,
    String highRiskReason,
    long subjects,
    List<RequiredControl> controls,
    List<WaivedControl> waived) {

  /**
   * Validates and freezes the value.
   *
   * @param schema the type's schema
   * @param effective the effective classification (the highest contribution, 就高从严), or empty if nothing about the type is classified
   * @param contributions every reason for a level, in field order, combinations last
   * @param categories the personal-information categories the type holds, its nested types' included
   * @param personalInformation whether it holds personal information
   * @param sensitivePersonalInformation whether it holds sensitive personal information (declared, by category default, or by a combination rule)
   * @param minors whether it holds information of children under 14
   * @param combinations the combination rules that fired
   * @param highRisk whether the high-risk controls apply (CLS-3)
   * @param highRiskReason why it is high-risk, empty if it is not
   * @param subjects the system's number of data subjects at the time of the assessment
   * @param controls the required controls, in the order of {@link Control}
   * @param waived mandatory controls that would apply but are waived by the policy
   * @throws NullPointerException if a component is missing
   */
  public Assessment {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(effective, "effective");
    contributions = List.copyOf(contributions);
    categories = categories.isEmpty()
        ? Collections.unmodifiableSet(EnumSet.noneOf(PiCategory.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    combinations = List.copyOf(combinations);
    Objects.requireNonNull(highRiskReason, "highRiskReason");
    controls = List.copyOf(controls);
    waived = List.copyOf(waived);
  }

  /**
   * Tells whether anything about the type is classified. An unclassified type gets no controls: classify
   * it (CLS-1).
   *
   * @return true if the type has an effective classification
   */
  public boolean classified() {
    return effective.isPresent();
  }

  /**
   * Returns the contributions that decided the effective level: those at the effective level.
   *
   * @return the decisive contributions, empty for an unclassified type
   */
  public List<Contribution> decisive() {
    return effective.map(e -> contributions.stream().filter(c -> c.classification().equals(e))
        .collect(Collectors.toUnmodifiableList())).orElse(List.of());
  }

  /**
   * Tells whether a control is required.
   *
   * @param control the control
   * @return true if it is required
   */
  public boolean requires(Control control) {
    return control(control).isPresent();
  }

  /**
   * Returns a required control with its reasons.
   *
   * @param control the control
   * @return the required control, or empty if it is not required
   */
  public Optional<RequiredControl> control(Control control) {
    return controls.stream().filter(c -> c.control() == control).findFirst();
  }

  /**
   * Returns the fields that carry no classification information.
   *
   * @return the unclassified fields
   */
  public List<FieldSchema> unclassifiedFields() {
    return schema.unclassifiedFields();
  }

  private static String label(Strength strength) {
    return switch (strength) {
      case MANDATORY -> "[must] ";
      case RECOMMENDED -> "[should] ";
      case AGENCY -> "[agency] ";
    };
  }

  /**
   * Returns a readable multi-line explanation: level and why, personal information, high risk, each
   * control with its requirements, waivers and unclassified fields. Controls are marked {@code [must]}
   * (the regulations mandate it), {@code [agency]} (the agency's policy requires it) or {@code [should]}
   * (govdatasec recommends it).
   *
   * @return the explanation
   */
  public String explain() {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append(schema.simpleName()).append(" (").append(schema.typeName()).append(")").append(nl);
    if (effective.isEmpty()) {
      sb.append("  UNCLASSIFIED: no field or type annotation classifies it; annotate it (CLS-1).").append(nl);
      return sb.toString();
    }
    Classification e = effective.get();
    sb.append("  effective level: ").append(e).append(" ").append(e.chineseLabel()).append(nl);
    for (Contribution c : decisive()) {
      sb.append("    decided by ").append(c.source()).append(": ").append(c.why()).append(nl);
    }
    if (personalInformation) {
      sb.append("  personal information: ").append(categories.stream().filter(PiCategory::personal)
          .map(PiCategory::name).collect(Collectors.joining(", ")));
      if (sensitivePersonalInformation) {
        sb.append(" (sensitive").append(minors ? ", children under 14" : "").append(")");
      }
      sb.append(nl);
    }
    sb.append("  high-risk: ").append(highRisk ? "yes, " + highRiskReason : "no").append(nl);
    sb.append("  required controls (").append(controls.size()).append("):").append(nl);
    for (RequiredControl c : controls) {
      sb.append("    ").append(label(c.strength())).append(c.control()).append(" ")
          .append(c.control().chineseName()).append(" - ")
          .append(c.requirements().stream().map(Requirement::id).collect(Collectors.joining(", ")))
          .append(" (").append(String.join("; ", c.clauses())).append("), when ")
          .append(c.triggers().stream().map(Trigger::toString).collect(Collectors.joining(", "))).append(nl);
    }
    for (WaivedControl w : waived) {
      sb.append("  WAIVED ").append(w.rule().control()).append(" (").append(w.rule().clause()).append("): ")
          .append(w.waiver()).append(nl);
    }
    List<FieldSchema> unclassified = unclassifiedFields();
    if (!unclassified.isEmpty()) {
      sb.append("  unclassified fields: ").append(unclassified.stream().map(FieldSchema::name)
          .collect(Collectors.joining(", "))).append(nl);
    }
    return sb.toString();
  }
}
