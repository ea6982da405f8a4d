package org.govdatasec.crypto.internal.field;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.Schemas;
import org.govdatasec.core.classification.TypeSchema;
import org.govdatasec.core.policy.Assessment;
import org.govdatasec.core.policy.CombinationRule;
import org.govdatasec.core.policy.Control;
import org.govdatasec.core.policy.PolicyEngine;
import org.govdatasec.core.policy.SystemProfile;

/**
 * Which fields of a type the policy requires encrypted at rest (ST-2, PI-5, CLS-5), decided by sdk-core's
 * {@link PolicyEngine}, never by hard-coded levels.
 *
 * <p>A field is encrypted if {@link Control#ENCRYPT_AT_REST} is required for a schema holding that field
 * alone (its own {@code @Classified}, categories, sensitivity and nested type; the type-level floor is a
 * property of the dataset, not of each field). A combination rule that fires on the whole type (e.g. name
 * + ID number + address together) is assessed on a schema holding exactly the fields whose categories
 * take part in it; if that requires encryption, all of them are encrypted (就高从严, CLS-2).
 */
public final class PolicyDecisions {
  private PolicyDecisions() {}

  /**
   * Returns an engine with the same policy and system name at a fixed subject count, so a decision can
   * be made for the state below and at the high-risk volume threshold (CLS-3) once, ahead of time.
   *
   * @param engine the engine
   * @param subjects the subject count
   * @return the engine
   */
  public static PolicyEngine atSubjects(PolicyEngine engine, long subjects) {
    SystemProfile s = engine.system();
    return PolicyEngine.builder().policy(engine.policy())
        .system(SystemProfile.builder().name(s.name()).owner(s.owner()).subjects(subjects).build()).build();
  }

  /**
   * Decides the fields to encrypt.
   *
   * @param engine the engine (its subject count is read once per assessment)
   * @param schema the type's schema
   * @param type the type, to resolve nested types
   * @return the field names, in declaration order
   */
  public static Set<String> encryptedFields(PolicyEngine engine, TypeSchema schema, Class<?> type) {
    Function<String, Optional<TypeSchema>> resolver = n -> Schemas.find(n, type);
    Set<String> out = new LinkedHashSet<>();
    for (FieldSchema f : schema.fields()) {
      if (requiresEncryption(engine, schema, List.of(f), resolver)) {
        out.add(f.name());
      }
    }
    Assessment whole = engine.assess(schema, resolver);
    for (CombinationRule r : whole.combinations()) {
      List<FieldSchema> part = new ArrayList<>();
      for (FieldSchema f : schema.fields()) {
        if (!Collections.disjoint(f.categories(), r.allOf())) {
          part.add(f);
        }
      }
      if (!part.isEmpty() && requiresEncryption(engine, schema, part, resolver)) {
        part.forEach(f -> out.add(f.name()));
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    schema.fields().stream().map(FieldSchema::name).filter(out::contains).forEach(ordered::add);
    return Collections.unmodifiableSet(ordered);
  }

  private static boolean requiresEncryption(PolicyEngine engine, TypeSchema schema, List<FieldSchema> fields,
      Function<String, Optional<TypeSchema>> resolver) {
    TypeSchema part = new TypeSchema(schema.typeName(), schema.kind(), Optional.empty(), "", fields);
    return engine.assess(part, resolver).requires(Control.ENCRYPT_AT_REST);
  }
}
