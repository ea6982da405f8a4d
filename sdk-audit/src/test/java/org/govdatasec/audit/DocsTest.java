package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.core.testing.GeneratedDocs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The audit section of docs/errors.md is generated from {@link AuditError}. Regenerate with
 * {@code -Dgovdatasec.docs.write=true}.
 */
class DocsTest {

  @Test
  @DisplayName("Every GDS-AUDIT code is documented in docs/errors.md; codes are unique and well-formed")
  void errorTable() throws IOException {
    GeneratedDocs.check(GeneratedDocs.DOCS.resolve("errors.md"), "error-codes-audit",
        GeneratedDocs.errorTable(AuditError.values()));
    assertEquals(AuditError.values().length,
        java.util.Arrays.stream(AuditError.values()).map(AuditError::code).distinct().count());
    for (AuditError a : AuditError.values()) {
      assertTrue(a.code().matches("GDS-AUDIT-\\d{3}"), a.code());
    }
  }
}
