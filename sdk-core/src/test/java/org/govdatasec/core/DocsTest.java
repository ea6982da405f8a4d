package org.govdatasec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.govdatasec.core.classification.ClassificationError;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.policy.CombinationRule;
import org.govdatasec.core.policy.Control;
import org.govdatasec.core.policy.ControlPolicy;
import org.govdatasec.core.policy.ControlRule;
import org.govdatasec.core.policy.PolicyError;
import org.govdatasec.core.testing.GeneratedDocs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tables in docs/ are generated from the code and must not drift from it: the default policy table
 * (CLS-5), the personal-information categories (CLS-1) and every error code.
 *
 * <p>On a mismatch the test fails with the expected text. To regenerate after a deliberate change, run
 * {@code mvn -pl sdk-core test -Dtest=DocsTest -Dgovdatasec.docs.write=true} and review the diff.
 */
class DocsTest {

  private static final Path DOCS = GeneratedDocs.DOCS;
  private static final String GENERATOR = "DocsTest";

  @Test
  @DisplayName("CLS-5: docs/policy.md shows exactly the default control table")
  void policyTableMatchesDefaults() throws IOException {
    GeneratedDocs.check(DOCS.resolve("policy.md"), "default-policy-table", GENERATOR, policyTable());
    GeneratedDocs.check(DOCS.resolve("policy.md"), "default-combinations", GENERATOR, combinations());
    GeneratedDocs.check(DOCS.resolve("policy.md"), "controls", GENERATOR, controls());
  }

  @Test
  @DisplayName("CLS-1: docs/classification.md lists every personal-information category")
  void categoryTableMatches() throws IOException {
    GeneratedDocs.check(DOCS.resolve("classification.md"), "pi-categories", GENERATOR, categories());
  }

  @Test
  @DisplayName("Every GDS error code is documented in docs/errors.md with its requirement and fix")
  void errorCodesDocumented() throws IOException {
    GeneratedDocs.check(DOCS.resolve("errors.md"), "error-codes", GENERATOR, errors());
  }

  @Test
  @DisplayName("Error codes are unique and well-formed")
  void errorCodesUnique() {
    List<String> codes = allCodes().stream().map(ErrorCode::code).collect(Collectors.toList());
    assertEquals(codes.size(), codes.stream().distinct().count(), "duplicate codes: " + codes);
    codes.forEach(c -> assertTrue(c.matches("GDS-[A-Z]+-\\d{3}"), c));
  }

  private static List<ErrorCode> allCodes() {
    List<ErrorCode> all = new ArrayList<>();
    all.addAll(List.of(ClassificationError.values()));
    all.addAll(List.of(PolicyError.values()));
    return all;
  }

  static String policyTable() {
    StringBuilder sb = new StringBuilder();
    sb.append("| control | when | strength | requirements | clause |\n");
    sb.append("|---|---|---|---|---|\n");
    for (ControlRule r : ControlPolicy.defaults().rules()) {
      sb.append("| `").append(r.control()).append("` ").append(r.control().chineseName())
          .append(" | `").append(r.trigger()).append("` | ").append(r.strength().name().toLowerCase())
          .append(" | ").append(GeneratedDocs.ids(r.basis())).append(" | ").append(r.clause()).append(" |\n");
    }
    return sb.toString();
  }

  static String combinations() {
    StringBuilder sb = new StringBuilder();
    sb.append("| name | all of | raises to | sensitive |\n|---|---|---|---|\n");
    for (CombinationRule c : ControlPolicy.defaults().combinations()) {
      sb.append("| `").append(c.name()).append("` | ")
          .append(c.allOf().stream().map(PiCategory::name).collect(Collectors.joining(" + ")))
          .append(" | ").append(c.raiseTo()).append(" | ").append(c.sensitive() ? "yes" : "no").append(" |\n");
    }
    return sb.toString();
  }

  static String controls() {
    StringBuilder sb = new StringBuilder();
    sb.append("| control | 名称 | what it asks | requirements |\n|---|---|---|---|\n");
    for (Control c : Control.values()) {
      sb.append("| `").append(c).append("` | ").append(c.chineseName()).append(" | ").append(c.description())
          .append(" | ").append(GeneratedDocs.ids(c.requirements())).append(" |\n");
    }
    return sb.toString();
  }

  static String categories() {
    StringBuilder sb = new StringBuilder();
    sb.append("| category | 名称 | kind | sensitive by default | sensitive by law (PIPL art. 28) | personal |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (PiCategory c : PiCategory.values()) {
      sb.append("| `").append(c).append("` | ").append(c.chineseName()).append(" | ")
          .append(c.kind().name().toLowerCase()).append(" | ").append(yes(c.sensitiveByDefault())).append(" | ")
          .append(yes(c.sensitiveByLaw())).append(" | ").append(yes(c.personal())).append(" |\n");
    }
    return sb.toString();
  }

  static String errors() {
    return GeneratedDocs.errorTable(allCodes().toArray(new ErrorCode[0]));
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
