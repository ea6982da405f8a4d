package org.govdatasec.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.govdatasec.core.testing.GeneratedDocs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/errors.md lists every GDS-CLI code (regenerate with -Dgovdatasec.docs.write=true). */
class DocsTest {

  @Test
  @DisplayName("Every GDS-CLI code is in docs/errors.md with its requirements and fix")
  void errorCodes() throws IOException {
    for (CliError e : CliError.values()) {
      assertTrue(e.code().matches("GDS-CLI-\\d{3}"), e.code());
    }
    GeneratedDocs.check(GeneratedDocs.DOCS.resolve("errors.md"), "error-codes-cli",
        GeneratedDocs.errorTable(CliError.values()));
  }
}
