package org.govdatasec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.govdatasec.crypto.SecretKeyAccess;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.crypto.Sm2PublicKey;
import org.govdatasec.crypto.Sm2Signer;
import org.govdatasec.crypto.Sm2Verifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code govdatasec keys}: SM2 key generation for signers, fingerprints for auditors, the active module (ST-3). */
class KeysCommandTest {

  @Test
  @DisplayName("sm2-keygen writes a working key pair, the private key owner-only, and prints the fingerprint")
  void keygen(@TempDir Path dir) throws Exception {
    Path priv = dir.resolve("audit-signing.pem");
    Path pub = dir.resolve("audit-public.pem");
    CliRun r = CliRun.of("keys", "sm2-keygen", "--private", priv.toString(), "--public", pub.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
    Sm2PrivateKey k = Sm2PrivateKey.fromPem(Files.readString(priv), SecretKeyAccess.insecure());
    Sm2PublicKey p = Sm2PublicKey.fromPem(Files.readString(pub));
    assertEquals(p, k.publicKey());
    byte[] msg = "checkpoint".getBytes(StandardCharsets.UTF_8);
    assertTrue(Sm2Verifier.create(p).isValid(Sm2Signer.create(k).sign(msg), msg));
    assertTrue(r.out().contains(p.fingerprint()), r.out());

    CliRun f = CliRun.of("keys", "fingerprint", pub.toString());
    assertEquals(0, f.code(), f.err());
    assertEquals(p.fingerprint(), f.out().trim());
  }

  @Test
  @DisplayName("sm2-keygen never overwrites a key file, and leaves nothing behind when it refuses")
  void neverOverwrites(@TempDir Path dir) throws Exception {
    Path priv = dir.resolve("k.pem");
    Path pub = dir.resolve("k.pub.pem");
    Files.writeString(pub, "existing");
    CliRun r = CliRun.of("keys", "sm2-keygen", "--private", priv.toString(), "--public", pub.toString());
    assertEquals(GovDataSec.REFUSED, r.code());
    assertTrue(r.err().contains("GDS-CLI-005") && r.err().contains("never overwritten"), r.err());
    assertFalse(Files.exists(priv), "no private key without its public key");
    assertEquals("existing", Files.readString(pub));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left");
    }
    Files.writeString(priv, "existing private");
    CliRun again = CliRun.of("keys", "sm2-keygen", "--private", priv.toString(), "--public", dir.resolve("new.pem").toString());
    assertEquals(GovDataSec.REFUSED, again.code());
    assertEquals("existing private", Files.readString(priv));
  }

  @Test
  @DisplayName("fingerprint refuses a file that is not an SM2 public key; provider reports the module")
  void fingerprintRefusesAndProviderReports(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("junk.pem");
    Files.writeString(junk, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    CliRun r = CliRun.of("keys", "fingerprint", junk.toString());
    assertEquals(GovDataSec.REFUSED, r.code());
    assertTrue(r.err().contains("GDS-CRYPTO-013"), r.err());
    assertEquals(GovDataSec.REFUSED, CliRun.of("keys", "fingerprint", dir.resolve("missing.pem").toString()).code());
    CliRun p = CliRun.of("keys", "provider");
    assertEquals(0, p.code());
    assertTrue(p.out().startsWith("BouncyCastle"), p.out());
  }
}
