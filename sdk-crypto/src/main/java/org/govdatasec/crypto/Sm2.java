package org.govdatasec.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.govdatasec.crypto.internal.SecureRandoms;

/** Curve, encoding and key-generation helpers shared by the SM2 key types. */
final class Sm2 {
  static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
  static final ECNamedDomainParameters DOMAIN = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CURVE);

  private Sm2() {}

  static AsymmetricCipherKeyPair generate() {
    ECKeyPairGenerator g = new ECKeyPairGenerator();
    g.init(new ECKeyGenerationParameters(DOMAIN, SecureRandoms.get()));
    return g.generateKeyPair();
  }

  static ECPublicKeyParameters publicOf(ECPrivateKeyParameters priv) {
    return new ECPublicKeyParameters(new FixedPointCombMultiplier().multiply(DOMAIN.getG(), priv.getD()).normalize(),
        DOMAIN);
  }

  static byte[] pkcs8(ECPrivateKeyParameters priv) {
    try {
      return PrivateKeyInfoFactory.createPrivateKeyInfo(priv).getEncoded("DER");
    } catch (IOException e) {
      throw CryptoError.BAD_KEY_ENCODING.exception("the SM2 private key could not be encoded.", e);
    }
  }

  static byte[] spki(ECPublicKeyParameters pub) {
    try {
      return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub).getEncoded("DER");
    } catch (IOException e) {
      throw CryptoError.BAD_KEY_ENCODING.exception("the SM2 public key could not be encoded.", e);
    }
  }

  static ECPrivateKeyParameters parsePrivate(byte[] der) {
    AsymmetricKeyParameter k;
    try {
      k = PrivateKeyFactory.createKey(der);
    } catch (IOException | RuntimeException e) {
      throw CryptoError.BAD_KEY_ENCODING.exception("the bytes are not a PKCS#8 private key.");
    }
    if (!(k instanceof ECPrivateKeyParameters ec) || !onSm2Curve(ec.getParameters())) {
      throw CryptoError.BAD_KEY_ENCODING.exception("the private key is not an SM2 key on curve sm2p256v1.");
    }
    BigInteger d = ec.getD();
    if (d.signum() <= 0 || d.compareTo(CURVE.getN().subtract(BigInteger.ONE)) >= 0) {
      throw CryptoError.BAD_KEY_ENCODING.exception("the SM2 private scalar is out of range.");
    }
    return new ECPrivateKeyParameters(d, DOMAIN);
  }

  static ECPublicKeyParameters parsePublic(byte[] der) {
    AsymmetricKeyParameter k;
    try {
      k = PublicKeyFactory.createKey(der);
    } catch (IOException | RuntimeException e) {
      throw CryptoError.BAD_KEY_ENCODING.exception("the bytes are not an X.509 SubjectPublicKeyInfo.");
    }
    if (!(k instanceof ECPublicKeyParameters ec) || !onSm2Curve(ec.getParameters())) {
      throw CryptoError.BAD_KEY_ENCODING.exception("the public key is not an SM2 key on curve sm2p256v1.");
    }
    return new ECPublicKeyParameters(ec.getQ(), DOMAIN);
  }

  private static boolean onSm2Curve(ECDomainParameters p) {
    return p.getCurve().equals(CURVE.getCurve()) && p.getG().equals(CURVE.getG()) && p.getN().equals(CURVE.getN());
  }

  static String pem(String type, byte[] der) {
    StringWriter sw = new StringWriter();
    try (PemWriter w = new PemWriter(sw)) {
      w.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return sw.toString();
  }

  static byte[] unpem(String type, String pem) {
    if (pem == null) {
      throw CryptoError.BAD_KEY_ENCODING.exception("a null PEM text was given.");
    }
    try (PemReader r = new PemReader(new StringReader(pem))) {
      PemObject o = r.readPemObject();
      if (o == null || !o.getType().equals(type)) {
        throw CryptoError.BAD_KEY_ENCODING.exception("the text is not a PEM block of type '" + type + "'.");
      }
      return o.getContent();
    } catch (IOException | RuntimeException e) {
      if (e instanceof CryptoException ce) {
        throw ce;
      }
      throw CryptoError.BAD_KEY_ENCODING.exception("the PEM text could not be read.");
    }
  }
}
