package org.govdatasec.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.govdatasec.core.testing.GeneratedDocs;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.internal.keys.Framing;
import org.govdatasec.crypto.internal.keys.JdbcKeyStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The generated parts of docs/ for sdk-crypto's keys must not drift from the code: the {@code GDS-CRYPTO}
 * error table in docs/errors.md and the vault table definition in docs/formats.md.
 *
 * <p>To regenerate after a deliberate change, run
 * {@code mvn -pl sdk-crypto test -Dtest=KeysDocsTest -Dgovdatasec.docs.write=true} and review the diff.
 */
class KeysDocsTest {

  private static final Path DOCS = GeneratedDocs.DOCS;

  @Test
  @DisplayName("Every GDS-CRYPTO error code is documented in docs/errors.md with its requirements and fix")
  void errorCodesDocumented() throws IOException {
    GeneratedDocs.check(DOCS.resolve("errors.md"), "error-codes-crypto", GeneratedDocs.errorTable(CryptoError.values()));
  }

  @Test
  @DisplayName("Error codes are unique, well-formed and in order")
  void errorCodesUnique() {
    List<String> codes = java.util.Arrays.stream(CryptoError.values()).map(CryptoError::code).toList();
    for (int i = 0; i < codes.size(); i++) {
      assertEquals(String.format("GDS-CRYPTO-%03d", i + 1), codes.get(i));
    }
  }

  @Test
  @DisplayName("docs/formats.md shows the vault table exactly as the code creates it, and the ciphertext constants")
  void formatsDocumented() throws IOException {
    GeneratedDocs.check(DOCS.resolve("formats.md"), "vault-ddl", "KeysDocsTest",
        "```sql\n" + JdbcKeyStore.DDL + "\n```\n");
    String text = Files.readString(DOCS.resolve("formats.md"), StandardCharsets.UTF_8);
    assertTrue(text.contains("0x01 | keyId (4 bytes, big-endian) | nonce (12) | SM4-GCM ciphertext | tag (16)"));
    assertTrue(text.contains(Framing.MIN_BYTES + " bytes"), "the minimum length " + Framing.MIN_BYTES);
    assertTrue(text.contains("\"" + KeysetFile.FORMAT + "\""));
    assertTrue(text.contains(String.valueOf(PassphraseKek.DEFAULT_ITERATIONS).replaceAll("(\\d)(?=(\\d{3})+$)", "$1,")));
  }
}
