package org.govdatasec.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * A backend over a JCA provider chosen by name (a certified cryptographic module's JCE, Tencent Kona,
 * or Bouncy Castle's own JCE), for SM4-GCM, SM3, HMAC-SM3 and SM3withSM2 (ST-3).
 */
public final class JcaBackend implements Backend {
  /** The default SM2 user id of GB/T 35276 ("1234567812345678"). */
  private static final byte[] DEFAULT_ID = "1234567812345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Provider provider;

  private JcaBackend(Provider provider) {
    this.provider = provider;
  }

  /**
   * Creates a backend over a registered provider, checking that it serves every SM algorithm.
   *
   * @param providerName the name under which the provider is registered
   * @return the backend
   * @throws NoSuchAlgorithmException if the provider is missing or lacks an algorithm
   */
  public static JcaBackend of(String providerName) throws NoSuchAlgorithmException {
    Provider p = Security.getProvider(providerName);
    if (p == null) {
      throw new NoSuchAlgorithmException("no JCA provider named '" + providerName + "' is registered");
    }
    try {
      Cipher.getInstance("SM4/GCM/NoPadding", p);
      MessageDigest.getInstance("SM3", p);
      Mac.getInstance("HmacSM3", p);
      Signature.getInstance("SM3withSM2", p);
    } catch (GeneralSecurityException e) {
      throw new NoSuchAlgorithmException("provider '" + providerName + "' lacks an SM algorithm: " + e.getMessage());
    }
    return new JcaBackend(p);
  }

  @Override
  public String name() {
    return provider.getName() + " " + provider.getVersionStr() + " (JCA)";
  }

  @Override
  public GcmEngine sm4Gcm(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key, "SM4");
    EnginePool<Cipher> pool = new EnginePool<>(() -> {
      try {
        return Cipher.getInstance("SM4/GCM/NoPadding", provider);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
    return new GcmEngine() {
      @Override
      public void encrypt(byte[] nonce, byte[] in, int inOff, int inLen, byte[] ad, byte[] out, int outOff) {
        Cipher c = pool.acquire();
        try {
          c.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(GCM_TAG_BYTES * 8, nonce));
          c.updateAAD(ad);
          c.doFinal(in, inOff, inLen, out, outOff);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("SM4-GCM encryption failed in provider " + provider.getName(), e);
        }
        pool.release(c);
      }

      @Override
      public byte[] decrypt(byte[] nonce, byte[] in, int inOff, int inLen, byte[] ad) throws GeneralSecurityException {
        Cipher c = pool.acquire();
        try {
          c.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(GCM_TAG_BYTES * 8, nonce));
          c.updateAAD(ad);
          byte[] out = c.doFinal(in, inOff, inLen);
          pool.release(c);
          return out;
        } catch (GeneralSecurityException | RuntimeException e) {
          throw new AEADBadTagException("SM4-GCM tag mismatch");
        }
      }
    };
  }

  @Override
  public MacEngine hmacSm3(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key, "HmacSM3");
    EnginePool<Mac> pool = new EnginePool<>(() -> {
      try {
        Mac m = Mac.getInstance("HmacSM3", provider);
        m.init(spec);
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
    return (data, off, len) -> {
      Mac m = pool.acquire();
      m.update(data, off, len);
      byte[] out = m.doFinal();
      pool.release(m);
      return out;
    };
  }

  @Override
  public byte[] sm3(byte[] data, int off, int len) {
    try {
      MessageDigest d = MessageDigest.getInstance("SM3", provider);
      d.update(data, off, len);
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Sm3Hasher newSm3() {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SM3", provider);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return new Sm3Hasher() {
      @Override
      public void update(byte[] data, int off, int len) {
        d.update(data, off, len);
      }

      @Override
      public void update(byte b) {
        d.update(b);
      }

      @Override
      public byte[] digest() {
        return d.digest();
      }
    };
  }

  @Override
  public byte[] sm2Sign(byte[] pkcs8, byte[] userId, byte[] message) throws GeneralSecurityException {
    PrivateKey key = KeyFactory.getInstance("EC", provider).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    Signature s = signature(userId);
    s.initSign(key, SecureRandoms.get());
    s.update(message);
    return s.sign();
  }

  @Override
  public boolean sm2Verify(byte[] spki, byte[] userId, byte[] message, byte[] signature) {
    try {
      PublicKey key = KeyFactory.getInstance("EC", provider).generatePublic(new X509EncodedKeySpec(spki));
      Signature s = signature(userId);
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private Signature signature(byte[] userId) throws GeneralSecurityException {
    Signature s = Signature.getInstance("SM3withSM2", provider);
    if (!Arrays.equals(userId, DEFAULT_ID)) {
      // A non-default user id needs the provider to accept Bouncy Castle's parameter spec.
      s.setParameter(new SM2ParameterSpec(userId));
    }
    return s;
  }
}
