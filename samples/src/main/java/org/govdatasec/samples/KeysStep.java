package org.govdatasec.samples;

import com.google.crypto.tink.Aead;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditRecorder;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.keys.DestructionProof;
import org.govdatasec.crypto.keys.KeyEncryptionKey;
import org.govdatasec.crypto.keys.Keyset;
import org.govdatasec.crypto.keys.KeysetAead;
import org.govdatasec.crypto.keys.KeysetFile;
import org.govdatasec.crypto.keys.MasterKeyFile;
import org.govdatasec.crypto.keys.SubjectKeyVault;
import org.govdatasec.samples.registry.Citizen;
import org.govdatasec.samples.registry.RegistryScenario;
import org.govdatasec.samples.registry.SampleData;

/**
 * The registry's keys (ST-2, ST-3, DS-2, CLS-3): a master-key file, a rotated keyset whose old values
 * still read and are re-encrypted, one key per citizen in the subject key vault, and the destruction of
 * one citizen's key with its proof.
 *
 * <p>The output is deterministic: key ids (random) are shown as aliases {@code k1, k2, ...}, paths relative
 * to the work folder, and the vault runs on a fixed clock.
 */
public final class KeysStep {
  /** The time the vault's clock is fixed at, so the printed proof is the same on every run. */
  public static final Instant DEMO_TIME = Instant.parse("2024-06-18T09:30:00Z");

  /** The bureau's key custodian, the actor of the step's audit events. */
  public static final Actor CUSTODIAN = new Actor("sec.officer", "key-custodian", RegistryScenario.OWNER,
      RegistryScenario.SYSTEM_NAME);

  private KeysStep() {}

  /**
   * What the step did, for the demo's tests.
   *
   * @param masterKeyFile the master-key file
   * @param masterKeyPermissions its permissions, e.g. {@code rw-------}
   * @param masterKeyCreated whether this run created it
   * @param oldKeyId the keyset's first primary
   * @param newKeyId the primary after rotation
   * @param neededReencryption whether the old value needed re-encryption after rotation
   * @param reencryptedKeyId the key id of the re-encrypted value
   * @param reencryptedReads whether the re-encrypted value decrypted to the original
   * @param subjects the citizens that got a key, in order
   * @param proof the destruction proof of the destroyed citizen
   * @param destroyedError the code the destroyed citizen's data fails with afterwards
   * @param stillReadable the citizens whose data still decrypts afterwards
   * @param subjectsAfter the vault's subject count afterwards
   */
  public record Result(Path masterKeyFile, String masterKeyPermissions, boolean masterKeyCreated, int oldKeyId,
      int newKeyId, boolean neededReencryption, int reencryptedKeyId, boolean reencryptedReads, List<String> subjects,
      DestructionProof proof, String destroyedError, List<String> stillReadable, long subjectsAfter) {}

  /**
   * Runs the step.
   *
   * @param out where to print (UTF-8)
   * @param workDir an empty or earlier work folder for the master key, keyset file and vault
   * @return what happened
   * @throws GeneralSecurityException never in practice; the AEAD interface declares it
   */
  public static Result run(PrintStream out, Path workDir) throws GeneralSecurityException {
    return run(out, workDir, event -> {});
  }

  /**
   * Runs the step as {@link #run(PrintStream, Path)} does, and records the key events it causes (AU-1,
   * ST-3, DS-2): KEY_ROTATED for the field keyset's rotation, KEY_DESTROYED for the shredded citizen.
   *
   * @param out where to print (UTF-8)
   * @param workDir an empty or earlier work folder for the master key, keyset file and vault
   * @param audit where the step's audit events go (the demo's one log)
   * @return what happened
   * @throws GeneralSecurityException never in practice; the AEAD interface declares it
   */
  public static Result run(PrintStream out, Path workDir, AuditRecorder audit) throws GeneralSecurityException {
    Map<Integer, String> aliases = new LinkedHashMap<>();
    Path keyFolder = workDir.resolve("kek");

    out.println("1. Master key (the key-encryption key, KEK): a local file, owner-only from its first byte.");
    MasterKeyFile master = MasterKeyFile.openOrCreate(keyFolder.resolve("master.key"));
    String perms = PosixFilePermissions.toString(master.permissions());
    out.println("   " + rel(workDir, master.path()) + "  " + perms + "  16 bytes  "
        + (master.created() ? "(created now)" : "(opened)"));
    out.println("   Group- or world-readable, or a symbolic link, is refused with GDS-CRYPTO-010.");
    KeyEncryptionKey kek = master.kek();

    out.println();
    out.println("2. Field keyset: rotation without re-encrypting first (ST-2).");
    Citizen huang = SampleData.HUANG_ZHIQIANG;
    byte[] ad = ("citizen/idNumber/" + huang.citizenNo()).getBytes(StandardCharsets.UTF_8);
    Keyset keyset = Keyset.generate("registry-fields");
    int oldId = keyset.primaryKeyId();
    byte[] stored = keyset.aead().encrypt(huang.idNumber().getBytes(StandardCharsets.UTF_8), ad);
    Path keysetFile = workDir.resolve("registry-fields.keyset.json");
    KeysetFile.write(keysetFile, keyset, kek);
    out.println("   " + huang.name() + "'s ID number stored under key " + alias(aliases, oldId) + " ("
        + stored.length + " bytes: 0x01 | key id | nonce | SM4-GCM | tag)");
    keyset = KeysetFile.read(keysetFile, kek).withNewPrimary();
    KeysetFile.write(keysetFile, keyset, kek);
    KeysetAead aead = KeysetFile.read(keysetFile, kek).aead();
    int newId = aead.keyset().primaryKeyId();
    out.println("   rotated: primary is now " + alias(aliases, newId) + "; " + aead.keyset().keys().size()
        + " keys, stored only wrapped in " + rel(workDir, keysetFile));
    boolean needs = aead.needsReencryption(stored);
    boolean oldReads = new String(aead.decrypt(stored, ad), StandardCharsets.UTF_8).equals(huang.idNumber());
    audit.record(AuditEvent.builder(Action.KEY_ROTATED, CUSTODIAN).id("keys-rotated-registry-fields")
        .time(DEMO_TIME).object(DataObject.bulk(RegistryScenario.SYSTEM_NAME, "registry-fields-keyset",
            aead.keyset().keys().size()))
        .purpose("字段密钥集轮换：新主密钥 " + alias(aliases, newId) + "，旧密钥仅用于解密").build());
    out.println("   old value still decrypts: " + yes(oldReads) + "; needsReencryption: " + needs);
    byte[] moved = aead.reencrypt(stored, ad);
    int movedId = KeysetAead.keyIdOf(moved);
    boolean reads = new String(aead.decrypt(moved, ad), StandardCharsets.UTF_8).equals(huang.idNumber());
    out.println("   re-encrypted under " + alias(aliases, movedId) + ", decrypts to the same value: " + yes(reads)
        + "; needsReencryption: " + aead.needsReencryption(moved));

    out.println();
    out.println("3. One key per citizen, wrapped under the KEK in the vault (an H2 file): crypto-shredding (DS-2).");
    Clock clock = Clock.fixed(DEMO_TIME, ZoneOffset.UTC);
    List<String> subjects = new ArrayList<>();
    Map<String, byte[]> names = new LinkedHashMap<>();
    DestructionProof proof;
    String destroyedError;
    List<String> readable = new ArrayList<>();
    long after;
    try (SubjectKeyVault vault = SubjectKeyVault.builder().kek(master.aead())
        .h2File(workDir.resolve("vault").resolve("subject-keys"))
        .tombstoneFile(keyFolder.resolve("subject-keys.tombstones")).clock(clock).build()) {
      for (Citizen c : SampleData.citizens()) {
        Aead subjectAead = vault.aeadFor(c.citizenNo());
        byte[] ct = subjectAead.encrypt(c.name().getBytes(StandardCharsets.UTF_8), nameAd(c));
        names.put(c.citizenNo(), ct);
        subjects.add(c.citizenNo());
        out.println("   " + c.citizenNo() + " " + c.name() + ": name encrypted under the citizen's key "
            + alias(aliases, KeysetAead.keyIdOf(ct)));
      }
      out.println("   subjects in the vault (the policy engine's SubjectCounter, CLS-3): " + vault.subjects());

      out.println();
      Citizen li = SampleData.LI_XIULAN;
      out.println("4. " + li.name() + "'s records reach the end of their retention period (DS-3): destroy her key.");
      proof = vault.destroy(li.citizenNo());
      audit.record(AuditEvent.builder(Action.KEY_DESTROYED, CUSTODIAN).id("keys-destroyed-" + li.citizenNo())
          .time(proof.destroyedAt()).object(DataObject.records(RegistryScenario.SYSTEM_NAME, "citizen",
              List.of(li.citizenNo())))
          .purpose("保存期限届满，销毁个人密钥（加密删除，DS-2）").legalBasis("档案保管期限表 第3项").build());
      out.println("   DestructionProof");
      out.println("     subject:      " + proof.subjectId());
      out.println("     key id:       " + alias(aliases, proof.keyId()));
      out.println("     destroyed at: " + proof.destroyedAt());
      out.println("     store:        " + proof.store().replace(workDir.toAbsolutePath().toString(), "<work>")
          + " (key row deleted)");
      out.println("     tombstone:    " + rel(workDir, Path.of(proof.tombstoneFile())));
      out.println("     verified:     " + yes(proof.verified()));
      for (String part : proof.verification().split("; ")) {
        out.println("       " + part);
      }
      try {
        vault.aeadFor(li.citizenNo()).decrypt(names.get(li.citizenNo()), nameAd(li));
        destroyedError = "none: STILL READABLE";
      } catch (CryptoException e) {
        destroyedError = e.code();
      }
      out.println("   " + li.name() + "'s name now: " + destroyedError + " (destroyed; no new key is ever made for her)");
      for (Citizen c : SampleData.citizens()) {
        if (c != li && new String(vault.existingAeadFor(c.citizenNo()).decrypt(names.get(c.citizenNo()), nameAd(c)),
            StandardCharsets.UTF_8).equals(c.name())) {
          readable.add(c.citizenNo());
          out.println("   " + c.citizenNo() + " " + c.name() + ": still reads");
        }
      }
      after = vault.subjects();
      out.println("   subjects in the vault now: " + after);
    }
    return new Result(master.path(), perms, master.created(), oldId, newId, needs, movedId, reads,
        List.copyOf(subjects), proof, destroyedError, List.copyOf(readable), after);
  }

  private static byte[] nameAd(Citizen c) {
    return ("citizen/name/" + c.citizenNo()).getBytes(StandardCharsets.UTF_8);
  }

  private static String alias(Map<Integer, String> aliases, int keyId) {
    return aliases.computeIfAbsent(keyId, id -> "k" + (aliases.size() + 1));
  }

  private static String rel(Path workDir, Path file) {
    return "<work>/" + workDir.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
  }

  private static String yes(boolean b) {
    return b ? "yes" : "NO";
  }
}
