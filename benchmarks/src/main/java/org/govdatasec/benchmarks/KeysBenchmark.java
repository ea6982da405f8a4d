package org.govdatasec.benchmarks;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.keys.Keyset;
import org.govdatasec.crypto.keys.KeysetAead;
import org.govdatasec.crypto.keys.SubjectKeyVault;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Keysets and the subject key vault (ST-2, DS-2) beside raw Bouncy Castle, in the same run: what the key
 * id header, the key lookup and the per-subject key cost over encrypting one 18-byte ID number with a fresh
 * {@code GCMBlockCipher(SM4Engine)} (what hand-written code and Hutool do per value).
 *
 * <ul>
 *   <li>{@code keysetEncrypt} / {@code keysetDecrypt}: {@link KeysetAead} over a keyset rotated twice,
 *       decrypting a value under an old key;
 *   <li>{@code vaultEncryptCached}: {@code vault.aeadFor(subject).encrypt} for one of 1,000 subjects whose
 *       keys are cached (H2 file store);
 *   <li>anchors {@code rawBcEncrypt} / {@code rawBcDecrypt}: a fresh BC SM4-GCM per value, same key, nonce
 *       and associated data sizes.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Keys -f 1 -wi 2 -w 2s -i 3 -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeysBenchmark {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] ID = "450103198203150311".getBytes(StandardCharsets.UTF_8);
  private static final byte[] AD = "registry.citizen.idNumber/NN-0000001".getBytes(StandardCharsets.UTF_8);

  private KeysetAead keyset;
  private byte[] oldCiphertext;
  private byte[] rawKey;
  private byte[] rawCiphertext;
  private Path dir;
  private SubjectKeyVault vault;
  private String[] subjects;
  private int next;

  /**
   * Builds the keyset, the vault with 1,000 subjects, and the anchor's key.
   *
   * @throws IOException if the temp folder cannot be made
   * @throws InvalidCipherTextException never
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InvalidCipherTextException {
    Keyset ks = Keyset.generate("bench");
    oldCiphertext = ks.aead().encrypt(ID, AD);
    keyset = ks.withNewPrimary().withNewPrimary().aead();
    rawKey = new byte[16];
    RANDOM.nextBytes(rawKey);
    rawCiphertext = rawBcEncrypt();
    dir = Files.createTempDirectory("keys-bench");
    vault = SubjectKeyVault.builder().kek(Sm4Gcm.create(SecretBytes.random(16))).h2File(dir.resolve("vault"))
        .tombstoneFile(dir.resolve("vault.tombstones")).build();
    subjects = new String[1000];
    for (int i = 0; i < subjects.length; i++) {
      subjects[i] = String.format("NN-%07d", i);
      vault.aeadFor(subjects[i]);
    }
  }

  /**
   * Closes the vault and removes its files.
   *
   * @throws IOException if a file cannot be removed
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    vault.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Ours: encrypt under the keyset's primary.
   *
   * @return the ciphertext
   */
  @Benchmark
  public byte[] keysetEncrypt() {
    return keyset.encrypt(ID, AD);
  }

  /**
   * Ours: decrypt a value under an old key of a rotated keyset.
   *
   * @return the plaintext
   */
  @Benchmark
  public byte[] keysetDecrypt() {
    return keyset.decrypt(oldCiphertext, AD);
  }

  /**
   * Ours: look up a cached subject's key in the vault and encrypt.
   *
   * @return the ciphertext
   * @throws GeneralSecurityException never
   */
  @Benchmark
  public byte[] vaultEncryptCached() throws GeneralSecurityException {
    Aead aead = vault.aeadFor(subjects[(next++ & Integer.MAX_VALUE) % 1000]);
    return aead.encrypt(ID, AD);
  }

  /**
   * Anchor: a fresh Bouncy Castle SM4-GCM per value.
   *
   * @return nonce, ciphertext and tag
   * @throws InvalidCipherTextException never
   */
  @Benchmark
  public byte[] rawBcEncrypt() throws InvalidCipherTextException {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
    gcm.init(true, new AEADParameters(new KeyParameter(rawKey), 128, nonce, AD));
    byte[] out = new byte[12 + gcm.getOutputSize(ID.length)];
    System.arraycopy(nonce, 0, out, 0, 12);
    int n = gcm.processBytes(ID, 0, ID.length, out, 12);
    gcm.doFinal(out, 12 + n);
    return out;
  }

  /**
   * Anchor: a fresh Bouncy Castle SM4-GCM per value, decrypting.
   *
   * @return the plaintext
   * @throws InvalidCipherTextException never
   */
  @Benchmark
  public byte[] rawBcDecrypt() throws InvalidCipherTextException {
    GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
    byte[] nonce = java.util.Arrays.copyOf(rawCiphertext, 12);
    gcm.init(false, new AEADParameters(new KeyParameter(rawKey), 128, nonce, AD));
    byte[] out = new byte[gcm.getOutputSize(rawCiphertext.length - 12)];
    int n = gcm.processBytes(rawCiphertext, 12, rawCiphertext.length - 12, out, 0);
    gcm.doFinal(out, n);
    return out;
  }
}
