package org.govdatasec.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.SignatureException;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/** The default backend: Bouncy Castle's lightweight API, engines cached per key. */
public final class BouncyCastleBackend implements Backend {
  /** The shared instance. */
  public static final BouncyCastleBackend INSTANCE = new BouncyCastleBackend();

  private static final String NAME = "BouncyCastle " + bcVersion() + " (lightweight API)";

  private BouncyCastleBackend() {}

  private static String bcVersion() {
    Package p = SM4Engine.class.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null ? "" : v;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GcmEngine sm4Gcm(byte[] key) {
    return new BcGcm(key.clone());
  }

  @Override
  public MacEngine hmacSm3(byte[] key) {
    byte[] k = key.clone();
    EnginePool<HMac> pool = new EnginePool<>(() -> {
      HMac m = new HMac(new SM3Digest());
      m.init(new KeyParameter(k));
      return m;
    });
    return (data, off, len) -> {
      HMac m = pool.acquire();
      m.reset();
      m.update(data, off, len);
      byte[] out = new byte[32];
      m.doFinal(out, 0);
      pool.release(m);
      return out;
    };
  }

  @Override
  public byte[] sm3(byte[] data, int off, int len) {
    SM3Digest d = new SM3Digest();
    d.update(data, off, len);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  @Override
  public Sm3Hasher newSm3() {
    SM3Digest d = new SM3Digest();
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
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
      }
    };
  }

  @Override
  public byte[] sm2Sign(byte[] pkcs8, byte[] userId, byte[] message) throws GeneralSecurityException {
    try {
      AsymmetricKeyParameter key = PrivateKeyFactory.createKey(pkcs8);
      SM2Signer signer = new SM2Signer();
      signer.init(true, new ParametersWithID(new ParametersWithRandom(key, SecureRandoms.get()), userId));
      signer.update(message, 0, message.length);
      return signer.generateSignature();
    } catch (java.io.IOException | CryptoException | RuntimeException e) {
      throw new SignatureException("SM2 signing failed: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public boolean sm2Verify(byte[] spki, byte[] userId, byte[] message, byte[] signature) {
    try {
      AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
      SM2Signer signer = new SM2Signer();
      signer.init(false, new ParametersWithID(key, userId));
      signer.update(message, 0, message.length);
      return signer.verifySignature(signature);
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  /** SM4-GCM with the key schedule and GHASH tables computed once per pooled engine. */
  private static final class BcGcm implements GcmEngine {
    private final EnginePool<GCMModeCipher> pool;

    BcGcm(byte[] key) {
      KeyParameter kp = new KeyParameter(key);
      this.pool = new EnginePool<>(() -> {
        GCMModeCipher c = GCMBlockCipher.newInstance(new SM4Engine());
        // Computes the key schedule and the GHASH table once; later inits pass a null key to keep them.
        c.init(true, new AEADParameters(kp, GCM_TAG_BYTES * 8, new byte[GCM_NONCE_BYTES]));
        return c;
      });
    }

    @Override
    public void encrypt(byte[] nonce, byte[] in, int inOff, int inLen, byte[] ad, byte[] out, int outOff) {
      GCMModeCipher c = pool.acquire();
      try {
        c.init(true, new AEADParameters(null, GCM_TAG_BYTES * 8, nonce, ad));
        int n = c.processBytes(in, inOff, inLen, out, outOff);
        c.doFinal(out, outOff + n);
      } catch (InvalidCipherTextException e) {
        throw new IllegalStateException("SM4-GCM encryption failed", e);
      }
      pool.release(c);
    }

    @Override
    public byte[] decrypt(byte[] nonce, byte[] in, int inOff, int inLen, byte[] ad) throws GeneralSecurityException {
      GCMModeCipher c = pool.acquire();
      byte[] out = new byte[inLen - GCM_TAG_BYTES];
      try {
        c.init(false, new AEADParameters(null, GCM_TAG_BYTES * 8, nonce, ad));
        int n = c.processBytes(in, inOff, inLen, out, 0);
        c.doFinal(out, n);
      } catch (InvalidCipherTextException | RuntimeException e) {
        java.util.Arrays.fill(out, (byte) 0);
        throw new javax.crypto.AEADBadTagException("SM4-GCM tag mismatch");
      }
      pool.release(c);
      return out;
    }
  }
}
