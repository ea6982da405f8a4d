package org.govdatasec.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.SecretKeyAccess;
import org.govdatasec.crypto.Sm3;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.field.BlindIndex;
import org.govdatasec.crypto.field.EncryptedValue;
import org.govdatasec.crypto.field.FieldCipher;
import org.govdatasec.crypto.field.FieldRef;
import org.govdatasec.crypto.field.IndexNormalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Field protection (ST-2, PI-5) beside the anchors it must beat, in the same run:
 *
 * <ul>
 *   <li>one 18-byte ID number: {@link FieldCipher#protect} (SM4-GCM with the key schedule and GHASH table
 *       cached, associated data bound to the place) against what Hutool and ShardingSphere do per field
 *       with raw Bouncy Castle: a new {@code GCMBlockCipher(SM4Engine)}, init with the key, a random
 *       12-byte nonce, encrypt 18 bytes (target: at least 1.7 times the anchor's throughput);
 *   <li>16 KiB: {@link Sm4Gcm#encrypt} and {@link Sm3#hash} against raw Bouncy Castle (target: no slower);
 *   <li>a blind index per value (target: at most 1.5 microseconds), against a fresh raw HMAC-SM3 per value.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FieldProtection -f 1 -wi 2 -w 2s -i 3 -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FieldProtectionBenchmark {

  private static final String ID_NUMBER = "450103198203150311";
  private static final SecureRandom RANDOM = new SecureRandom();

  private byte[] key;
  private byte[] idBytes;
  private byte[] bulk;
  private byte[] indexKey;
  private Sm4Gcm sm4Gcm;
  private FieldCipher cipher;
  private FieldRef where;
  private BlindIndex blindIndex;

  /** Creates the keys, the cipher and the data. */
  @Setup
  public void setup() {
    key = new byte[16];
    RANDOM.nextBytes(key);
    indexKey = new byte[32];
    RANDOM.nextBytes(indexKey);
    idBytes = ID_NUMBER.getBytes(StandardCharsets.US_ASCII);
    bulk = new byte[16 * 1024];
    RANDOM.nextBytes(bulk);
    sm4Gcm = Sm4Gcm.create(SecretBytes.copyFrom(key, SecretKeyAccess.insecure()));
    cipher = FieldCipher.builder().aead(sm4Gcm).build();
    where = FieldRef.row("citizen", "id_number", "NN-0000001");
    blindIndex = BlindIndex.builder().rootKey(SecretBytes.copyFrom(indexKey, SecretKeyAccess.insecure()))
        .table("citizen").column("id_number").expectedRows(1_200_000).normalizers(IndexNormalizer.ID_NUMBER).build();
  }

  /**
   * Ours: one ID number protected for its place.
   *
   * @return the encrypted value
   */
  @Benchmark
  public EncryptedValue field18_govdatasec() {
    return cipher.protect(where, ID_NUMBER);
  }

  /**
   * Ours, to the stored text form {@code gds1.<base64url>}.
   *
   * @return the text
   */
  @Benchmark
  public String field18_govdatasecText() {
    return cipher.protectToText(where, ID_NUMBER);
  }

  /**
   * Anchor: raw Bouncy Castle per field, as Hutool and ShardingSphere do.
   *
   * @return nonce and ciphertext
   * @throws InvalidCipherTextException never
   */
  @Benchmark
  public byte[] field18_rawBouncyCastle() throws InvalidCipherTextException {
    return rawGcm(idBytes);
  }

  private byte[] rawGcm(byte[] pt) throws InvalidCipherTextException {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
    gcm.init(true, new AEADParameters(new KeyParameter(key), 128, nonce));
    byte[] out = new byte[12 + gcm.getOutputSize(pt.length)];
    System.arraycopy(nonce, 0, out, 0, 12);
    int n = gcm.processBytes(pt, 0, pt.length, out, 12);
    gcm.doFinal(out, 12 + n);
    return out;
  }

  /**
   * Ours: SM4-GCM over 16 KiB.
   *
   * @return the ciphertext
   */
  @Benchmark
  public byte[] sm4Gcm16k_govdatasec() {
    return sm4Gcm.encrypt(bulk, null);
  }

  /**
   * Anchor: raw Bouncy Castle SM4-GCM over 16 KiB.
   *
   * @return the ciphertext
   * @throws InvalidCipherTextException never
   */
  @Benchmark
  public byte[] sm4Gcm16k_rawBouncyCastle() throws InvalidCipherTextException {
    return rawGcm(bulk);
  }

  /**
   * Ours: SM3 over 16 KiB.
   *
   * @return the digest
   */
  @Benchmark
  public byte[] sm3_16k_govdatasec() {
    return Sm3.hash(bulk);
  }

  /**
   * Anchor: raw Bouncy Castle SM3 over 16 KiB.
   *
   * @return the digest
   */
  @Benchmark
  public byte[] sm3_16k_rawBouncyCastle() {
    SM3Digest d = new SM3Digest();
    d.update(bulk, 0, bulk.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /**
   * Ours: the 19-bit blind index of an ID number (normalised, HMAC-SM3, truncated, hex).
   *
   * @return the index
   */
  @Benchmark
  public String blindIndex_govdatasec() {
    return blindIndex.index(ID_NUMBER);
  }

  /**
   * Anchor: a fresh raw HMAC-SM3 of the value, as hand-written code does per value.
   *
   * @return the tag
   */
  @Benchmark
  public byte[] blindIndex_rawBouncyCastleHmac() {
    HMac m = new HMac(new SM3Digest());
    m.init(new KeyParameter(indexKey));
    m.update(idBytes, 0, idBytes.length);
    byte[] out = new byte[32];
    m.doFinal(out, 0);
    return out;
  }
}
