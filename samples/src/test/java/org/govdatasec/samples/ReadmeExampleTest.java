package org.govdatasec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.Redaction;
import org.govdatasec.core.policy.Assessment;
import org.govdatasec.core.policy.Control;
import org.govdatasec.core.policy.PolicyEngine;
import org.govdatasec.core.policy.SystemProfile;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.field.BlindIndex;
import org.govdatasec.crypto.field.EncryptedValue;
import org.govdatasec.crypto.field.FieldCipher;
import org.govdatasec.crypto.field.FieldRef;
import org.govdatasec.crypto.field.IndexNormalizer;
import org.govdatasec.crypto.field.ProtectedRecord;
import org.govdatasec.crypto.field.RecordProtector;
import org.govdatasec.crypto.keys.Keyset;
import org.govdatasec.crypto.keys.MasterKeyFile;
import org.govdatasec.crypto.keys.SubjectKeyVault;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's code, compiled and run, so the first screen never shows an API that does not exist. */
class ReadmeExampleTest {

  /** The README's record. */
  public record Citizen(
      @DataSubjectId String citizenNo,
      @PersonalInfo(PiCategory.NAME) String name,
      @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber,
      @PersonalInfo(PiCategory.ADDRESS) String address) {
    @Override
    public String toString() {
      return Redaction.toString(this);
    }
  }

  @Test
  @DisplayName("README first screen: classify, assess with the vault as subject counter, protect, shred")
  void firstScreen(@TempDir Path dir) {
    try (SubjectKeyVault vault = SubjectKeyVault.builder()
        .kek(MasterKeyFile.openOrCreate(dir.resolve("kek").resolve("master.key")).aead())
        .tombstoneFile(dir.resolve("kek").resolve("vault.tombstones")).h2File(dir.resolve("vault")).build()) {
      PolicyEngine engine = PolicyEngine.builder()
          .system(SystemProfile.builder().name("市民信息登记系统").owner("南宁市大数据发展局").subjectCounter(vault).build())
          .build();
      Assessment a = engine.assess(Citizen.class);
      assertEquals(java.util.Optional.of(Classification.general(4)), a.effective());
      assertFalse(a.highRisk(), "an empty vault holds no subjects");
      assertTrue(a.requires(Control.ENCRYPT_AT_REST));

      RecordProtector<Citizen> citizens = RecordProtector.builder(Citizen.class).table("citizen").policy(engine)
          .cipher(FieldCipher.builder().subjectKeys(vault).build())
          .build();
      Citizen li = new Citizen("NN-0000002", "李秀兰", "450102198507220466", "南宁市兴宁区民主路1号");
      ProtectedRecord row = citizens.protect(li);
      assertTrue(String.valueOf(row.columns().get("idNumber")).startsWith("gds1."), row.toString());
      assertEquals(li, citizens.reveal(row.columns()));
      vault.destroy("NN-0000002");
      assertEquals("GDS-CRYPTO-008", assertThrows(CryptoException.class, () -> citizens.reveal(row.columns())).code());
    }
  }

  @Test
  @DisplayName("README 'Protect': a value moved to another row is refused; the blind index normalises")
  void protect() {
    FieldCipher cipher = FieldCipher.builder().aead(Keyset.generate("registry-fields").aead()).build();
    EncryptedValue v = cipher.protect(FieldRef.row("citizen", "idNumber", "NN-0000001"), "450103198203150311");
    assertEquals("GDS-CRYPTO-003", assertThrows(CryptoException.class,
        () -> cipher.reveal(FieldRef.row("citizen", "idNumber", "NN-0000002"), v)).code());

    SecretBytes indexKey = SecretBytes.random(32);
    BlindIndex byIdNumber = BlindIndex.builder().rootKey(indexKey).table("citizen").column("idNumber")
        .expectedRows(1_200_000).normalizers(IndexNormalizer.ID_NUMBER).build();
    String bidx = byIdNumber.index("4501 0319 8203 1503 11");
    assertEquals(byIdNumber.index("450103198203150311"), bidx);
  }
}
