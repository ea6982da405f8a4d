package org.govdatasec.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Gcm;

/** After destruction a subject's data never decrypts, and says "destroyed", never "tampered" (DS-2). */
class SubjectKeyVaultPropertyTest {

  private static Path dir;
  private static SubjectKeyVault vault;
  private static int next;

  @BeforeContainer
  static void open() throws IOException {
    dir = Files.createTempDirectory("vault-prop");
    vault = SubjectKeyVault.builder().kek(Sm4Gcm.create(SecretBytes.random(16))).h2File(dir.resolve("vault"))
        .tombstoneFile(dir.resolve("vault.tombstones")).build();
  }

  @AfterContainer
  static void close() throws IOException {
    vault.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Property(tries = 30, seed = "20261202")
  void destroyedSubjectsDataNeverDecrypts(@ForAll @Size(min = 1, max = 5) List<@Size(max = 64) byte[]> values,
      @ForAll @AlphaChars @StringLength(min = 1, max = 30) String subjectSuffix,
      @ForAll @IntRange(min = 0, max = 4) int tamperIndex) {
    String subject = "P-" + (next++) + "-" + subjectSuffix;
    String neighbour = subject + "-n";
    Aead aead = vault.aeadFor(subject);
    Aead other = vault.aeadFor(neighbour);
    List<byte[]> cts = new ArrayList<>();
    for (byte[] v : values) {
      cts.add(encrypt(aead, v));
    }
    byte[] neighbourCt = encrypt(other, values.get(0));
    long before = vault.subjects();
    DestructionProof proof = vault.destroy(subject);
    assertEquals(true, proof.verified(), proof.toString());
    assertEquals(before - 1, vault.subjects());
    // also a tampered value: with the key gone, "destroyed" is the only truthful answer
    byte[] tampered = cts.get(tamperIndex % cts.size()).clone();
    tampered[tampered.length - 1] ^= 1;
    cts.add(tampered);
    for (byte[] ct : cts) {
      CryptoException e = assertThrows(CryptoException.class, () -> aead.decrypt(ct, null));
      assertEquals(CryptoError.KEY_DESTROYED, e.error());
      assertEquals(CryptoError.KEY_DESTROYED,
          assertThrows(CryptoException.class, () -> vault.aeadFor(subject).decrypt(ct, null)).error());
    }
    assertArrayEquals(values.get(0), decrypt(other, neighbourCt));
  }

  private static byte[] encrypt(Aead aead, byte[] v) {
    try {
      return aead.encrypt(v, null);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] decrypt(Aead aead, byte[] ct) {
    try {
      return aead.decrypt(ct, null);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
