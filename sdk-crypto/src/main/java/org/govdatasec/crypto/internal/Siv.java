package org.govdatasec.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.modes.CTRModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * SIV (RFC 5297) over any 128-bit block cipher: S2V with CMAC over the associated data and the plaintext,
 * then CTR under the synthetic IV. With SM4 it is the deterministic mode of sdk-crypto; with AES it
 * reproduces RFC 5297's test vectors, which is how the construction is checked.
 */
public final class Siv {
  private static final int BLOCK = 16;

  private final Supplier<BlockCipher> cipher;
  private final KeyParameter macKey;
  private final KeyParameter ctrKey;

  /**
   * Creates SIV with a double-length key: the first half keys S2V, the second half keys CTR.
   *
   * @param cipher creates the 128-bit block cipher
   * @param key the double-length key (32 bytes for SM4 or AES-128)
   */
  public Siv(Supplier<BlockCipher> cipher, byte[] key) {
    this.cipher = cipher;
    int half = key.length / 2;
    this.macKey = new KeyParameter(Arrays.copyOfRange(key, 0, half));
    this.ctrKey = new KeyParameter(Arrays.copyOfRange(key, half, key.length));
  }

  /**
   * Encrypts deterministically.
   *
   * @param plaintext the plaintext
   * @param ad the associated data (one S2V component)
   * @return {@code V (16) || C}
   */
  public byte[] encrypt(byte[] plaintext, byte[] ad) {
    byte[] v = s2v(ad, plaintext);
    byte[] out = new byte[BLOCK + plaintext.length];
    System.arraycopy(v, 0, out, 0, BLOCK);
    ctr(v, plaintext, 0, plaintext.length, out, BLOCK);
    return out;
  }

  /**
   * Decrypts and checks the synthetic IV in constant time.
   *
   * @param ciphertext {@code V || C}
   * @param ad the associated data
   * @return the plaintext
   * @throws GeneralSecurityException if the value is too short or does not verify
   */
  public byte[] decrypt(byte[] ciphertext, byte[] ad) throws GeneralSecurityException {
    if (ciphertext.length < BLOCK) {
      throw new GeneralSecurityException("SIV ciphertext too short");
    }
    byte[] v = Arrays.copyOfRange(ciphertext, 0, BLOCK);
    byte[] p = new byte[ciphertext.length - BLOCK];
    ctr(v, ciphertext, BLOCK, p.length, p, 0);
    if (!MessageDigest.isEqual(v, s2v(ad, p))) {
      Arrays.fill(p, (byte) 0);
      throw new AEADBadTagException("SIV tag mismatch");
    }
    return p;
  }

  private byte[] s2v(byte[] ad, byte[] plaintext) {
    Mac cmac = new CMac(cipher.get());
    cmac.init(macKey);
    byte[] d = mac(cmac, new byte[BLOCK]);
    d = xor(dbl(d), mac(cmac, ad));
    byte[] t;
    if (plaintext.length >= BLOCK) {
      t = plaintext.clone();
      int off = t.length - BLOCK;
      for (int i = 0; i < BLOCK; i++) {
        t[off + i] ^= d[i];
      }
    } else {
      byte[] padded = new byte[BLOCK];
      System.arraycopy(plaintext, 0, padded, 0, plaintext.length);
      padded[plaintext.length] = (byte) 0x80;
      t = xor(dbl(d), padded);
    }
    return mac(cmac, t);
  }

  private void ctr(byte[] v, byte[] in, int inOff, int len, byte[] out, int outOff) {
    byte[] q = v.clone();
    q[8] &= 0x7f;
    q[12] &= 0x7f;
    CTRModeCipher c = SICBlockCipher.newInstance(cipher.get());
    c.init(true, new ParametersWithIV(ctrKey, q));
    c.processBytes(in, inOff, len, out, outOff);
  }

  private static byte[] mac(Mac cmac, byte[] data) {
    cmac.update(data, 0, data.length);
    byte[] out = new byte[BLOCK];
    cmac.doFinal(out, 0);
    return out;
  }

  private static byte[] dbl(byte[] s) {
    byte[] r = new byte[BLOCK];
    int carry = 0;
    for (int i = BLOCK - 1; i >= 0; i--) {
      int b = s[i] & 0xff;
      r[i] = (byte) ((b << 1) | carry);
      carry = b >>> 7;
    }
    if ((s[0] & 0x80) != 0) {
      r[BLOCK - 1] ^= (byte) 0x87;
    }
    return r;
  }

  private static byte[] xor(byte[] a, byte[] b) {
    byte[] r = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      r[i] = (byte) (a[i] ^ b[i]);
    }
    return r;
  }
}
