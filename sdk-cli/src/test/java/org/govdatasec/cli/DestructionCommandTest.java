package org.govdatasec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.destruction.DestructionCertificate;
import org.govdatasec.core.governance.destruction.ProcessStep;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.crypto.Sm2Signer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code govdatasec destruction verify}: exit codes and output (DS-1). */
class DestructionCommandTest {
  private static final Sm2PrivateKey KEY = Sm2PrivateKey.generate();
  private static String certificate;

  @BeforeAll
  static void sign() throws Exception {
    Instant t = Instant.parse("2024-06-18T02:00:00Z");
    DestructionCertificate unsigned = new DestructionCertificate("DC-1", "citizen", List.of("NN-0000002"),
        "保存期限届满", "档案保管期限表", Classification.general(4), true, "zhang.wei", List.of("liu.yang", "chen.lixin"),
        "AT-1", List.of(new ProcessStep("shred", t, "1 key destroyed")), "crypto-shredding", true,
        "4 values tried: none decrypts", "registry-audit/size=22", t, KEY.publicKey().fingerprint(), new byte[0]);
    byte[] sig = Sm2Signer.create(KEY).sign(unsigned.canonicalBytes());
    certificate = new DestructionCertificate(unsigned.id(), unsigned.dataset(), unsigned.subjects(), unsigned.reason(),
        unsigned.legalBasis(), unsigned.level(), unsigned.highRisk(), unsigned.requester(), unsigned.approvers(),
        unsigned.ticketId(), unsigned.steps(), unsigned.technicalMethod(), true, unsigned.verification(),
        unsigned.auditCheckpoint(), unsigned.issuedAt(), unsigned.keyId(), sig).toText();
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new DestructionCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path write(Path dir, String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("DS-1: a genuine certificate verifies (exit 0) and its content is printed")
  void verifies(@TempDir Path dir) throws Exception {
    Run r = run("verify", write(dir, "c.txt", certificate).toString(), "--key",
        write(dir, "k.pem", KEY.publicKey().toPem()).toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("VERIFIED destruction certificate DC-1\n"), r.out());
    assertTrue(r.out().contains("  approved by:      liu.yang, chen.lixin (ticket AT-1)\n"), r.out());
    assertTrue(r.out().contains("  audit checkpoint: registry-audit/size=22\n"), r.out());
  }

  @Test
  @DisplayName("DS-1: a modified certificate or another key gives exit 1 with GDS-GOV-025")
  void refusesTampering(@TempDir Path dir) throws Exception {
    Path key = write(dir, "k.pem", KEY.publicKey().toPem());
    Run r = run("verify", write(dir, "c.txt", certificate.replace("保存期限届满", "误删")).toString(), "--key",
        key.toString());
    assertEquals(DestructionCommand.NOT_VERIFIED, r.code());
    assertTrue(r.err().contains("NOT VERIFIED: GDS-GOV-025 [DS-1]"), r.err());
    Run other = run("verify", write(dir, "c2.txt", certificate).toString(), "--key",
        write(dir, "o.pem", Sm2PrivateKey.generate().publicKey().toPem()).toString());
    assertEquals(DestructionCommand.NOT_VERIFIED, other.code());
    assertTrue(other.err().contains("GDS-GOV-025"), other.err());
  }

  @Test
  @DisplayName("Unreadable inputs give exit 3, bad usage exit 2")
  void badInputs(@TempDir Path dir) throws Exception {
    Path cert = write(dir, "c.txt", certificate);
    assertEquals(DestructionCommand.REFUSED, run("verify", dir.resolve("missing.txt").toString(), "--key",
        write(dir, "k.pem", KEY.publicKey().toPem()).toString()).code());
    Run badKey = run("verify", cert.toString(), "--key", write(dir, "bad.pem", "not a key").toString());
    assertEquals(DestructionCommand.REFUSED, badKey.code());
    assertTrue(badKey.err().contains("GDS-CRYPTO-013"), badKey.err());
    assertEquals(2, run("verify", cert.toString()).code());
    Run usage = run();
    assertEquals(0, usage.code());
    assertTrue(usage.out().contains("verify"), usage.out());
  }
}
