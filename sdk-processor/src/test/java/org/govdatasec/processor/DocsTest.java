package org.govdatasec.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.govdatasec.core.testing.GeneratedDocs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/errors.md lists every GDS-PROC code, and docs/processor.md every rule, generated from the code. To
 * regenerate after a deliberate change: {@code mvn -pl sdk-core,sdk-processor test -Dtest=DocsTest
 * -Dgovdatasec.docs.write=true -Dsurefire.failIfNoSpecifiedTests=false}, then review the diff.
 */
class DocsTest {

  private static final Path DOCS = GeneratedDocs.DOCS;

  @Test
  @DisplayName("Every GDS-PROC code is in docs/errors.md with its requirements and fix")
  void errorCodes() throws IOException {
    for (ProcessorError e : ProcessorError.values()) {
      assertTrue(e.code().matches("GDS-PROC-\\d{3}"), e.code());
    }
    GeneratedDocs.check(DOCS.resolve("errors.md"), "error-codes-proc", GeneratedDocs.errorTable(ProcessorError.values()));
  }

  @Test
  @DisplayName("Every rule is in docs/processor.md with its id, code, default severity and requirements")
  void rules() throws IOException {
    StringBuilder sb = new StringBuilder("| rule id | code | default | requirements |\n|---|---|---|---|\n");
    for (Rule r : Rule.values()) {
      sb.append("| `").append(r.id()).append("` | `").append(r.error().code()).append("` | ")
          .append(r.defaultSeverity().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
          .append(GeneratedDocs.ids(r.error().requirements())).append(" |\n");
    }
    GeneratedDocs.check(DOCS.resolve("processor.md"), "rules", sb.toString());
  }
}
