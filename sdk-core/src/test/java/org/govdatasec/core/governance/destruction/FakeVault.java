package org.govdatasec.core.governance.destruction;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A per-subject key vault standing in for sdk-crypto's (sdk-core cannot see it): one AES-GCM key per
 * subject (a stand-in for SM4-GCM), destroyed keys tombstoned in a registry that a restored backup of the
 * key table does not roll back, as the real vault's contract requires.
 */
final class FakeVault implements KeyShredder {
  private final Map<String, byte[]> keys = new HashMap<>();
  private final Set<String> tombstones = new HashSet<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  FakeVault(Clock clock) {
    this.clock = clock;
  }

  synchronized byte[] encrypt(String subject, String plaintext) throws GeneralSecurityException {
    byte[] key = keys.computeIfAbsent(subject, s -> {
      byte[] k = new byte[16];
      random.nextBytes(k);
      return k;
    });
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    c.updateAAD(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] ct = c.doFinal(plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] out = new byte[12 + ct.length];
    System.arraycopy(nonce, 0, out, 0, 12);
    System.arraycopy(ct, 0, out, 12, ct.length);
    return out;
  }

  synchronized String decrypt(String subject, byte[] value) throws GeneralSecurityException {
    byte[] key = keys.get(subject);
    if (key == null || tombstones.contains(subject)) {
      throw new GeneralSecurityException("key of " + subject + " destroyed or unknown");
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, value, 0, 12));
    c.updateAAD(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new String(c.doFinal(value, 12, value.length - 12), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A copy of the key table, as a backup would hold it. */
  synchronized Map<String, byte[]> backup() {
    Map<String, byte[]> copy = new HashMap<>();
    keys.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** Restores the key table from a backup; the tombstones are not part of it. */
  synchronized void restore(Map<String, byte[]> backup) {
    keys.clear();
    backup.forEach((k, v) -> keys.put(k, v.clone()));
  }

  @Override
  public synchronized ShredProof shred(String subjectId) {
    byte[] key = keys.remove(subjectId);
    if (key != null) {
      java.util.Arrays.fill(key, (byte) 0);
    }
    tombstones.add(subjectId);
    return new ShredProof(subjectId, "k-" + subjectId, clock.instant(), "fake-vault", !keys.containsKey(subjectId));
  }
}
