package org.govdatasec.masking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.testing.GeneratedDocs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/errors.md (GDS-MASK) and docs/masking.md (defaults per category and profile) are generated from
 * the code. Regenerate with {@code mvn -pl sdk-masking test -Dtest=MaskingDocsTest -Dgovdatasec.docs.write=true}.
 */
class MaskingDocsTest {
  private static final Path DOCS = GeneratedDocs.DOCS;

  @Test
  @DisplayName("Every GDS-MASK code is documented in docs/errors.md with its requirements and fix")
  void errorCodes() throws IOException {
    for (MaskError e : MaskError.values()) {
      assertTrue(e.code().matches("GDS-MASK-\\d{3}"), e.code());
    }
    GeneratedDocs.check(DOCS.resolve("errors.md"), "error-codes-mask", GeneratedDocs.errorTable(MaskError.values()));
  }

  @Test
  @DisplayName("PI-5, USE-5: docs/masking.md shows the default rule of every category in every profile")
  void defaults() throws IOException {
    StringBuilder sb = new StringBuilder("| category | 名称 | format | TEST_FIXTURE | DISPLAY | EXPORT |\n|---|---|---|---|---|---|\n");
    for (PiCategory c : PiCategory.values()) {
      sb.append("| `").append(c).append("` | ").append(c.chineseName()).append(" | ").append(Format.of(c));
      for (Profile p : Profile.values()) {
        sb.append(" | ").append(DefaultRules.describe(DefaultRules.rule(c, p)));
      }
      sb.append(" |\n");
    }
    GeneratedDocs.check(DOCS.resolve("masking.md"), "masking-defaults", "MaskingDocsTest", sb.toString());
  }
}
