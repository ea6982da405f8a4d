package org.govdatasec.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.govdatasec.core.Requirement;
import org.govdatasec.core.testing.GeneratedDocs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/errors.md lists every GDS-GOV code as generated from {@link GovernanceError}. To regenerate after a
 * deliberate change: {@code mvn -pl sdk-core test -Dtest=GovernanceDocsTest -Dgovdatasec.docs.write=true}.
 */
class GovernanceDocsTest {
  private static final Path ERRORS = GeneratedDocs.DOCS.resolve("errors.md");

  @Test
  @DisplayName("Every GDS-GOV code is documented in docs/errors.md with its requirements and fix")
  void errorTableMatches() throws IOException {
    GeneratedDocs.check(ERRORS, "error-codes-gov", GeneratedDocs.errorTable(GovernanceError.values()));
    String text = Files.readString(ERRORS, StandardCharsets.UTF_8);
    assertTrue(text.indexOf("## `GOV`") < text.indexOf("## `CRYPTO`"), "GOV comes before CRYPTO");
  }

  @Test
  @DisplayName("GDS-GOV codes are numbered 001.. without gaps, each cites requirements and a fix")
  void codesWellFormed() {
    GovernanceError[] all = GovernanceError.values();
    for (int i = 0; i < all.length; i++) {
      assertEquals(String.format("GDS-GOV-%03d", i + 1), all[i].code());
      assertFalse(all[i].requirements().isEmpty());
      assertTrue(all[i].fix().endsWith("."), all[i].name());
    }
    assertEquals(all.length, Arrays.stream(all).map(GovernanceError::code).distinct().count());
    GovernanceException ex = GovernanceError.TICKET_REPLAYED.exception("Ticket AT-1 was already used.");
    assertEquals("GDS-GOV-017 [USE-2] Ticket AT-1 was already used. Fix: " + GovernanceError.TICKET_REPLAYED.fix(),
        ex.getMessage());
    assertEquals(List.of(Requirement.USE_2), ex.requirements());
  }
}
