package org.govdatasec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.govdatasec.audit.AuditVerifier;
import org.govdatasec.audit.VerificationReport;
import org.govdatasec.cli.GovDataSec;
import org.govdatasec.core.governance.destruction.KeyShredder;
import org.govdatasec.core.governance.destruction.ShredProof;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.Sm2PublicKey;
import org.govdatasec.crypto.keys.MasterKeyFile;
import org.govdatasec.crypto.keys.SubjectKeyVault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The files the governance step writes, checked with the real tools (DS-1, DS-2, AU-2): the destruction
 * certificate through the {@code govdatasec destruction verify} command line, the audit log through
 * {@link AuditVerifier} under the log's public key only, and the restored key vault's refusal.
 */
class GovernanceStepTest {

  @TempDir
  static Path work;

  private static GovernanceStep.Result result;

  @BeforeAll
  static void runStep() {
    result = GovernanceStep.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), work);
  }

  /** Runs {@code govdatasec args...}; returns the exit code, then standard output, then standard error. */
  private static List<Object> cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = GovDataSec.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return List.of(code, out.toString(), err.toString());
  }

  @Test
  void theCommandLineVerifiesTheCertificateTheStepWrote() {
    List<Object> r = cli("destruction", "verify", result.certificateFile().toString(), "--key",
        result.publicKeyFile().toString());
    assertEquals(0, r.get(0), () -> r.get(2).toString());
    String out = r.get(1).toString();
    assertTrue(out.startsWith("VERIFIED destruction certificate DC-"), out);
    assertTrue(out.contains("  subjects:         1 [NN-0000002]\n"), out);
    assertTrue(out.contains("  approved by:      liu.yang, chen.lixin (ticket AT-"), out);
    assertTrue(out.contains("  audit checkpoint: " + result.auditCheckpoint() + "\n"), out);
    assertTrue(out.contains("keys destroyed in " + result.vaultStore() + " (tombstones "), out);
  }

  @Test
  void theCommandLineRefusesATamperedCopy() throws IOException {
    String text = Files.readString(result.certificateFile(), StandardCharsets.UTF_8);
    assertTrue(text.contains("\nsubject=NN-0000002\n"), text);
    Path tampered = work.resolve("tampered-certificate.txt");
    Files.writeString(tampered, text.replace("\nsubject=NN-0000002\n", "\nsubject=NN-0000001\n"),
        StandardCharsets.UTF_8);
    List<Object> r = cli("destruction", "verify", tampered.toString(), "--key", result.publicKeyFile().toString());
    assertEquals(GovDataSec.NOT_VERIFIED, r.get(0));
    assertEquals(1, r.get(0));
    assertTrue(r.get(2).toString().startsWith("govdatasec: NOT VERIFIED: GDS-GOV-025"), r.get(2).toString());
    assertEquals("", r.get(1));
  }

  @Test
  void theCommandLineRefusesTheCertificateUnderAnotherKey() {
    List<Object> r = cli("destruction", "verify", result.certificateFile().toString(), "--key",
        result.auditKeyFile().toString());
    assertEquals(GovDataSec.NOT_VERIFIED, r.get(0), () -> r.get(2).toString());
  }

  @Test
  void theAuditLogVerifiesUnderItsPublicKeyOnlyAndCoversTheCertificate() throws IOException {
    Sm2PublicKey key = Sm2PublicKey.fromPem(Files.readString(result.auditKeyFile(), StandardCharsets.UTF_8));
    VerificationReport report = AuditVerifier.verify(result.auditLogDirectory(), key);
    assertTrue(report.valid(), report.summary());
    assertEquals(result.auditEvents(), report.events());
    assertEquals(report.events(), report.signedSize(), "the closed log is signed up to its end");
    assertTrue(result.auditLogVerified());
    assertEquals(report.events(), result.auditLogEvents());
    assertTrue(result.certificateCheckpointSigned());
    String[] ref = result.auditCheckpoint().split("/");
    assertEquals(GovernanceStep.AUDIT_ORIGIN, ref[0]);
    assertTrue(Long.parseLong(ref[1]) < report.events(), "the certificate's DESTROY event follows its checkpoint");
    assertTrue(ref[2].matches("[0-9a-f]{64}"), ref[2]);

    Sm2PublicKey other = Sm2PublicKey.fromPem(Files.readString(result.publicKeyFile(), StandardCharsets.UTF_8));
    assertFalse(AuditVerifier.verify(result.auditLogDirectory(), other).valid(), "another key does not verify the log");
  }

  @Test
  void theRestoredVaultStillRefusesTheShreddedSubject() {
    assertEquals("jdbc:h2:file:" + work.resolve("vault").resolve("subject-keys").toAbsolutePath(),
        result.vaultStore());
    assertEquals("GDS-CRYPTO-008", result.restoredVaultRefusal());
    assertEquals(List.of("NN-0000001"), result.readableAfterRestore());
    assertTrue(Files.exists(work.resolve("vault-backup").resolve("subject-keys.mv.db")));
    assertFalse(Files.exists(work.resolve("vault-backup").resolve("subject-keys.tombstones")));
    assertTrue(Files.exists(work.resolve("kek").resolve("subject-keys.tombstones")));
  }

  @Test
  void theShredderMapsTheVaultsProofAndStaysIdempotent(@TempDir Path dir) throws Exception {
    MasterKeyFile master = MasterKeyFile.openOrCreate(dir.resolve("kek").resolve("master.key"));
    try (SubjectKeyVault vault = SubjectKeyVault.builder().kek(master.aead()).h2File(dir.resolve("vault").resolve("k"))
        .tombstoneFile(dir.resolve("kek").resolve("k.tombstones"))
        .clock(java.time.Clock.fixed(GovernanceStep.NOW, java.time.ZoneOffset.UTC)).build()) {
      byte[] ct = vault.aeadFor("NN-0000009").encrypt(new byte[] {1, 2, 3}, new byte[0]);
      KeyShredder shredder = GovernanceStep.shredder(vault);
      ShredProof first = shredder.shred("NN-0000009");
      assertEquals("NN-0000009", first.subjectId());
      assertTrue(first.verified());
      assertEquals(vault.storeDescription() + " (tombstones " + vault.tombstoneFile() + ")", first.store());
      assertEquals(Integer.toUnsignedString(org.govdatasec.crypto.keys.KeysetAead.keyIdOf(ct)), first.keyId());
      CryptoException e = assertThrows(CryptoException.class,
          () -> vault.existingAeadFor("NN-0000009").decrypt(ct, new byte[0]));
      assertEquals("GDS-CRYPTO-008", e.code());
      ShredProof again = shredder.shred("NN-0000009");
      assertTrue(again.verified());
      assertEquals(first.keyId(), again.keyId());
      // a fixed clock: the tombstone keeps milliseconds, destroy() reports the clock's full precision
      assertEquals(GovernanceStep.NOW, first.destroyedAt());
      assertEquals(first.destroyedAt(), again.destroyedAt());
      CryptoException none = assertThrows(CryptoException.class, () -> shredder.shred("NN-0000010"));
      assertEquals("GDS-CRYPTO-006", none.code());
    }
  }
}
