package org.govdatasec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.commons.codec.binary.Hex;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the OpenSSL 3 command line (ST-3): the same SM3 digests, SM4-CBC and SM4-CTR raw
 * blocks, HMAC-SM3 tags, and SM2 signatures that verify both ways. Runs whenever OpenSSL 3 is present and
 * always under {@code CI=true}.
 */
class OpenSslInteropTest {
  private final Random random = new Random(20261124L);

  @BeforeEach
  void requireOpenSsl() {
    OpenSsl.require();
  }

  @Test
  @DisplayName("SM3: our digest equals 'openssl dgst -sm3' for inputs of 0 to 300 bytes")
  void sm3MatchesOpenSsl() throws Exception {
    for (int len : new int[] {0, 1, 3, 55, 56, 63, 64, 65, 127, 128, 300}) {
      byte[] data = new byte[len];
      random.nextBytes(data);
      String out = new String(OpenSsl.run(data, "dgst", "-sm3", "-hex"), StandardCharsets.US_ASCII).trim();
      String theirs = out.substring(out.lastIndexOf(' ') + 1);
      assertEquals(theirs, Hex.encodeHexString(Sm3.hash(data)), "length " + len);
    }
  }

  @Test
  @DisplayName("HMAC-SM3: our tag equals 'openssl mac -digest SM3 HMAC'")
  void hmacSm3MatchesOpenSsl() throws Exception {
    for (int keyLen : new int[] {16, 32, 37, 64}) {
      byte[] key = new byte[keyLen];
      random.nextBytes(key);
      byte[] data = new byte[100 + keyLen];
      random.nextBytes(data);
      String out = new String(OpenSsl.run(data, "mac", "-digest", "SM3", "-macopt", "hexkey:" + Hex.encodeHexString(key),
          "HMAC"), StandardCharsets.US_ASCII).trim();
      byte[] ours = HmacSm3.create(SecretBytes.copyFrom(key, SecretKeyAccess.insecure())).computeMac(data);
      assertEquals(out.toLowerCase(), Hex.encodeHexString(ours), "key length " + keyLen);
    }
  }

  @Test
  @DisplayName("SM4-CBC raw blocks: the SM4 engine under our primitives matches 'openssl enc -sm4-cbc -nopad'")
  void sm4CbcMatchesOpenSsl() throws Exception {
    byte[] key = bytes(16);
    byte[] iv = bytes(16);
    byte[] pt = bytes(16 * 8);
    byte[] theirs = OpenSsl.run(pt, "enc", "-sm4-cbc", "-nopad", "-K", Hex.encodeHexString(key), "-iv",
        Hex.encodeHexString(iv));
    CBCBlockCipher cbc = (CBCBlockCipher) CBCBlockCipher.newInstance(new SM4Engine());
    cbc.init(true, new ParametersWithIV(new KeyParameter(key), iv));
    byte[] ours = new byte[pt.length];
    for (int i = 0; i < pt.length; i += 16) {
      cbc.processBlock(pt, i, ours, i);
    }
    assertArrayEquals(theirs, ours);
  }

  @Test
  @DisplayName("SM4-CTR: the keystream under SM4-GCM matches 'openssl enc -sm4-ctr' for a partial last block")
  void sm4CtrMatchesOpenSsl() throws Exception {
    byte[] key = bytes(16);
    byte[] iv = bytes(16);
    byte[] pt = bytes(16 * 5 + 7);
    byte[] theirs = OpenSsl.run(pt, "enc", "-sm4-ctr", "-K", Hex.encodeHexString(key), "-iv", Hex.encodeHexString(iv));
    var ctr = SICBlockCipher.newInstance(new SM4Engine());
    ctr.init(true, new ParametersWithIV(new KeyParameter(key), iv));
    byte[] ours = new byte[pt.length];
    ctr.processBytes(pt, 0, pt.length, ours, 0);
    assertArrayEquals(theirs, ours);
  }

  @Test
  @DisplayName("SM2: OpenSSL's key and signature verify with ours, and our signature verifies with OpenSSL")
  // OpenSSL 3.0's pkeyutl signs with an empty distinguishing id unless told otherwise; GB/T 35276's default
  // id must be passed explicitly (-pkeyopt distid:1234567812345678). docs/formats.md says so for auditors.
  void sm2BothWays(@TempDir Path dir) throws Exception {
    Path keyFile = dir.resolve("sm2.pem");
    OpenSsl.run(new byte[0], "genpkey", "-algorithm", "SM2", "-out", keyFile.toString());
    Sm2PrivateKey priv = Sm2PrivateKey.fromPem(Files.readString(keyFile), SecretKeyAccess.insecure());
    String pubPem = new String(OpenSsl.run(new byte[0], "pkey", "-in", keyFile.toString(), "-pubout"),
        StandardCharsets.US_ASCII);
    Sm2PublicKey pub = Sm2PublicKey.fromPem(pubPem);
    assertEquals(pub, priv.publicKey(), "the public key we derive equals OpenSSL's");

    byte[] msg = "checkpoint origin=市民信息登记系统 size=42".getBytes(StandardCharsets.UTF_8);
    Path msgFile = dir.resolve("msg");
    Files.write(msgFile, msg);

    byte[] theirSig = OpenSsl.run(new byte[0], "pkeyutl", "-sign", "-inkey", keyFile.toString(), "-rawin", "-in",
        msgFile.toString(), "-digest", "sm3", "-pkeyopt", "distid:" + Sm2Signer.DEFAULT_USER_ID);
    assertTrue(Sm2Verifier.create(pub).isValid(theirSig, msg), "OpenSSL's SM2 signature verifies with ours");

    byte[] ourSig = Sm2Signer.create(priv).sign(msg);
    Path sigFile = dir.resolve("sig");
    Files.write(sigFile, ourSig);
    Path pubFile = dir.resolve("pub.pem");
    Files.writeString(pubFile, pub.toPem());
    String verdict = new String(OpenSsl.run(new byte[0], "pkeyutl", "-verify", "-pubin", "-inkey", pubFile.toString(),
        "-rawin", "-in", msgFile.toString(), "-digest", "sm3", "-sigfile", sigFile.toString(), "-pkeyopt",
        "distid:" + Sm2Signer.DEFAULT_USER_ID), StandardCharsets.US_ASCII);
    assertTrue(verdict.contains("Signature Verified Successfully"), verdict);

    // Our private key exported as PEM is usable by OpenSSL.
    Path ourKey = dir.resolve("ours.pem");
    Sm2PrivateKey generated = Sm2PrivateKey.generate();
    Files.writeString(ourKey, generated.toPem(SecretKeyAccess.insecure()));
    String derivedPub = new String(OpenSsl.run(new byte[0], "pkey", "-in", ourKey.toString(), "-pubout"),
        StandardCharsets.US_ASCII);
    assertEquals(generated.publicKey(), Sm2PublicKey.fromPem(derivedPub));
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
