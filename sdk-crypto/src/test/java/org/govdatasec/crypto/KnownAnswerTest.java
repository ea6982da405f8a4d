package org.govdatasec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.apache.commons.codec.binary.Hex;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.govdatasec.crypto.internal.Backend;
import org.govdatasec.crypto.internal.BouncyCastleBackend;
import org.govdatasec.crypto.internal.Siv;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Known answers from the standards (ST-3): every primitive reproduces the published vectors of GB/T 32907
 * (SM4), GB/T 32905 (SM3), GM/T 0042 (HMAC-SM3), RFC 8998 (SM4-GCM), GB/T 32918 (SM2), RFC 5297 (SIV) and
 * SP 800-38G (FF1).
 */
class KnownAnswerTest {

  static byte[] hex(String s) {
    try {
      return Hex.decodeHex(s.replace(" ", ""));
    } catch (org.apache.commons.codec.DecoderException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static SecretBytes key(String hex) {
    return SecretBytes.copyFrom(hex(hex), SecretKeyAccess.insecure());
  }

  @Test
  @DisplayName("GB/T 32907 A.1: SM4 encrypts 0123456789abcdeffedcba9876543210 under itself to 681edf34...4246")
  void sm4OneBlock() {
    SM4Engine e = new SM4Engine();
    e.init(true, new KeyParameter(hex("0123456789abcdeffedcba9876543210")));
    byte[] b = hex("0123456789abcdeffedcba9876543210");
    e.processBlock(b, 0, b, 0);
    assertEquals("681edf34d206965e86b3e94f536e4246", Hex.encodeHexString(b));
  }

  @Test
  @DisplayName("GB/T 32907 A.2: 1,000,000 SM4 encryptions give 595298c7...3f66")
  void sm4MillionIterations() {
    SM4Engine e = new SM4Engine();
    e.init(true, new KeyParameter(hex("0123456789abcdeffedcba9876543210")));
    byte[] b = hex("0123456789abcdeffedcba9876543210");
    for (int i = 0; i < 1_000_000; i++) {
      e.processBlock(b, 0, b, 0);
    }
    assertEquals("595298c7c6fd271f0402f804c33d3f66", Hex.encodeHexString(b));
  }

  @Test
  @DisplayName("GB/T 32905 A.1 and A.2: SM3 of \"abc\" and of the 64-byte message")
  void sm3() {
    assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
        Hex.encodeHexString(Sm3.hash("abc".getBytes(StandardCharsets.US_ASCII))));
    assertEquals("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
        Hex.encodeHexString(Sm3.hash("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))));
    Sm3 h = Sm3.newHasher();
    h.update((byte) 'a').update("bc".getBytes(StandardCharsets.US_ASCII));
    assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Hex.encodeHexString(h.digest()));
  }

  @Test
  @DisplayName("GM/T 0042-2015 D.3: HMAC-SM3 with a 37-byte key over 50 bytes of 0xcd")
  void hmacSm3() throws GeneralSecurityException {
    byte[] k = new byte[37];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) (i + 1);
    }
    byte[] msg = new byte[50];
    Arrays.fill(msg, (byte) 0xcd);
    HmacSm3 mac = HmacSm3.create(SecretBytes.copyFrom(k, SecretKeyAccess.insecure()));
    byte[] tag = mac.computeMac(msg);
    assertEquals("220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae", Hex.encodeHexString(tag));
    mac.verifyMac(tag, msg);
    tag[31] ^= 1;
    byte[] bad = tag;
    assertThrows(GeneralSecurityException.class, () -> mac.verifyMac(bad, msg));
  }

  @Test
  @DisplayName("RFC 8998 A.1: SM4-GCM test vector (key, IV, AAD, plaintext -> ciphertext and tag)")
  void sm4GcmRfc8998() throws GeneralSecurityException {
    byte[] k = hex("0123456789ABCDEFFEDCBA9876543210");
    byte[] iv = hex("00001234567800000000ABCD");
    byte[] aad = hex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
    byte[] pt = hex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
        + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
    String ct = "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
        + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D";
    String tag = "83DE3541E4C2B58177E065A9BF7B62EC";
    Backend.GcmEngine e = BouncyCastleBackend.INSTANCE.sm4Gcm(k);
    byte[] out = new byte[pt.length + 16];
    e.encrypt(iv, pt, 0, pt.length, aad, out, 0);
    assertEquals((ct + tag).toLowerCase(), Hex.encodeHexString(out));
    assertArrayEquals(pt, e.decrypt(iv, out, 0, out.length, aad));
    // The public type frames the same computation as nonce || ciphertext || tag.
    byte[] framed = new byte[12 + out.length];
    System.arraycopy(iv, 0, framed, 0, 12);
    System.arraycopy(out, 0, framed, 12, out.length);
    assertArrayEquals(pt, Sm4Gcm.create(SecretBytes.copyFrom(k, SecretKeyAccess.insecure())).decrypt(framed, aad));
  }

  @Test
  @DisplayName("GB/T 32918.2 A.2: SM2 signature of \"message digest\" by ALICE123@YAHOO.COM (fixed k)")
  void sm2StandardExample() throws Exception {
    BigInteger p = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3", 16);
    BigInteger a = new BigInteger("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498", 16);
    BigInteger b = new BigInteger("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A", 16);
    BigInteger n = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7", 16);
    ECCurve curve = new ECCurve.Fp(p, a, b, n, BigInteger.ONE);
    ECPoint g = curve.createPoint(new BigInteger("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D", 16),
        new BigInteger("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2", 16));
    ECDomainParameters dom = new ECDomainParameters(curve, g, n);
    BigInteger d = new BigInteger("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263", 16);
    ECPrivateKeyParameters priv = new ECPrivateKeyParameters(d, dom);
    ECPublicKeyParameters pub = new ECPublicKeyParameters(g.multiply(d).normalize(), dom);
    byte[] id = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
    byte[] msg = "message digest".getBytes(StandardCharsets.US_ASCII);

    SM2Signer signer = new SM2Signer();
    signer.init(true, new ParametersWithID(new ParametersWithRandom(priv,
        new FixedRandom(hex("6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F"))), id));
    signer.update(msg, 0, msg.length);
    BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, signer.generateSignature());
    assertEquals(new BigInteger("40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1", 16), rs[0]);
    assertEquals(new BigInteger("6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7", 16), rs[1]);

    SM2Signer verifier = new SM2Signer();
    verifier.init(false, new ParametersWithID(pub, id));
    verifier.update(msg, 0, msg.length);
    assertTrue(verifier.verifySignature(StandardDSAEncoding.INSTANCE.encode(n, rs[0], rs[1])));
  }

  @Test
  @DisplayName("RFC 5297 A.1: the SIV construction (here with AES, as published) gives the published output")
  void sivRfc5297() throws GeneralSecurityException {
    byte[] k = hex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    byte[] ad = hex("101112131415161718191a1b1c1d1e1f2021222324252627");
    byte[] pt = hex("112233445566778899aabbccddee");
    Siv siv = new Siv(AESEngine::newInstance, k);
    byte[] out = siv.encrypt(pt, ad);
    assertEquals("85632d07c6e8f37f950acd320a2ecc93" + "40c02b9690c4dc04daef7f6afe5c", Hex.encodeHexString(out));
    assertArrayEquals(pt, siv.decrypt(out, ad));
  }

  @Test
  @DisplayName("SP 800-38G FF1 samples 1-3 (AES-128, radix 10 and 36) through the engine FF1-SM4 uses")
  void ff1Samples() {
    byte[] k = hex("2B7E151628AED2A6ABF7158809CF4F3C");
    assertEquals("2433477484", ff1Aes(k, 10, new byte[0], "0123456789"));
    assertEquals("6124200773", ff1Aes(k, 10, hex("39383736353433323130"), "0123456789"));
    assertEquals("a9tv40mll9kdu509eum", ff1Aes(k, 36, hex("3737373770717273373737"), "0123456789abcdefghi"));
  }

  private static String ff1Aes(byte[] key, int radix, byte[] tweak, String in) {
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    byte[] d = new byte[in.length()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) alphabet.indexOf(in.charAt(i));
    }
    FPEFF1Engine e = new FPEFF1Engine(AESEngine.newInstance());
    e.init(true, new FPEParameters(new KeyParameter(key), radix, tweak));
    byte[] out = new byte[d.length];
    e.processBlock(d, 0, d.length, out, 0);
    StringBuilder sb = new StringBuilder();
    for (byte x : out) {
      sb.append(alphabet.charAt(x));
    }
    return sb.toString();
  }

  /** Returns fixed bytes as "randomness", to reproduce a standard's fixed k. */
  static final class FixedRandom extends java.security.SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] value;

    FixedRandom(byte[] value) {
      this.value = value;
    }

    @Override
    public void nextBytes(byte[] bytes) {
      System.arraycopy(value, 0, bytes, 0, Math.min(value.length, bytes.length));
    }
  }
}
