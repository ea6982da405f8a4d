package org.govdatasec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys step of the demo: master key, rotation, per-citizen keys and one destruction (ST-2, DS-2). */
class KeysStepTest {

  @TempDir
  Path work;

  private String run(Path dir, KeysStep.Result[] result) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    result[0] = KeysStep.run(out, dir);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void showsMasterKeyRotationSubjectKeysAndAVerifiedDestruction() throws Exception {
    KeysStep.Result[] r = new KeysStep.Result[1];
    String text = run(work, r);
    KeysStep.Result result = r[0];
    assertTrue(result.masterKeyCreated());
    assertEquals("rw-------", result.masterKeyPermissions());
    assertNotEquals(result.oldKeyId(), result.newKeyId());
    assertTrue(result.neededReencryption());
    assertEquals(result.newKeyId(), result.reencryptedKeyId());
    assertTrue(result.reencryptedReads());
    assertEquals(List.of("NN-0000001", "NN-0000002", "NN-0000003"), result.subjects());
    assertEquals("NN-0000002", result.proof().subjectId());
    assertTrue(result.proof().verified(), result.proof().toString());
    assertEquals(KeysStep.DEMO_TIME, result.proof().destroyedAt());
    assertEquals("GDS-CRYPTO-008", result.destroyedError());
    assertEquals(List.of("NN-0000001", "NN-0000003"), result.stillReadable());
    assertEquals(2, result.subjectsAfter());

    assertTrue(text.contains("<work>/kek/master.key  rw-------  16 bytes  (created now)"), text);
    assertTrue(text.contains("old value still decrypts: yes; needsReencryption: true"), text);
    assertTrue(text.contains("re-encrypted under k2, decrypts to the same value: yes; needsReencryption: false"), text);
    assertTrue(text.contains("subjects in the vault (the policy engine's SubjectCounter, CLS-3): 3"), text);
    assertTrue(text.contains("verified:     yes"), text);
    assertTrue(text.contains("destroyed at: 2024-06-18T09:30:00Z"), text);
    assertTrue(text.contains("李秀兰's name now: GDS-CRYPTO-008"), text);
    assertTrue(text.contains("NN-0000003 黄思远: still reads"), text);
    assertTrue(text.contains("subjects in the vault now: 2"), text);
    assertFalse(text.contains(work.toString()), "paths are shown relative to the work folder");
    assertFalse(text.contains("450103198203150311"), "no plaintext ID number is printed");
    text.lines().forEach(l -> assertTrue(TextWrap.width(l) <= RegistryDemo.WIDTH, l));

    KeysStep.Result[] again = new KeysStep.Result[1];
    String second = run(work.resolve("second"), again);
    assertEquals(text, second, "deterministic output: key ids are aliases, the clock is fixed");
  }
}
