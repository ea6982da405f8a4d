package org.govdatasec.crypto.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.govdatasec.core.classification.ClassificationException;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.policy.PolicyEngine;
import org.govdatasec.core.policy.SystemProfile;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Gcm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** CLS-5, ST-2, PI-5, DS-2: record protection's refusals (GDS-CRYPTO-017 and others) and live volume rule. */
class RecordProtectorTest {

  record Citizen(
      @DataSubjectId String citizenNo,
      @PersonalInfo(PiCategory.NAME) String name,
      @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber,
      @PersonalInfo(PiCategory.MOBILE) String mobile,
      @PersonalInfo(PiCategory.ADDRESS) String address,
      @PersonalInfo(PiCategory.BIRTH_DATE) LocalDate birthDate,
      @PersonalInfo(PiCategory.ETHNICITY) String ethnicity,
      String remarks) {}

  record WithNotes(@DataSubjectId String no, @PersonalInfo(PiCategory.HEALTH) List<String> notes) {}

  record IdAsSubject(@DataSubjectId @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber, String remarks) {}

  record NoSubject(@PersonalInfo(PiCategory.HEALTH) String diagnosis) {}

  record WithUuid(@DataSubjectId String no, @PersonalInfo(PiCategory.HEALTH) UUID caseId) {}

  record Broken(@Classified(value = DataLevel.IMPORTANT, grade = 2) String x) {}

  private static final Citizen HUANG = new Citizen("NN-0000001", "黄志强", "450103198203150311", "13800138001",
      "南宁市青秀区东葛路118号", LocalDate.of(1982, 3, 15), "壮族", "户主");

  private final AtomicLong subjects = new AtomicLong(800_000);
  private final PolicyEngine engine = PolicyEngine.builder()
      .system(SystemProfile.builder().name("市民信息登记系统").owner("南宁市大数据发展局").subjectCounter(subjects::get).build())
      .build();
  private final FieldCipher table = FieldCipher.builder().aead(Sm4Gcm.create(SecretBytes.random(16))).build();

  private <T extends Record> RecordProtector<T> protector(Class<T> type) {
    return RecordProtector.builder(type).cipher(table).policy(engine).build();
  }

  static CryptoError code(Executable e) {
    return assertThrows(CryptoException.class, e).error();
  }

  @Test
  @DisplayName("Citizen at 800,000 subjects: the identity combinations encrypt name, ID, mobile, address only")
  void citizenBelowThreshold() {
    RecordProtector<Citizen> p = protector(Citizen.class);
    assertEquals(Set.of("name", "idNumber", "mobile", "address"), p.encryptedFields());
    ProtectedRecord row = p.protect(HUANG);
    assertEquals("Citizen", row.table());
    assertEquals(List.of("citizenNo", "name", "idNumber", "mobile", "address", "birthDate", "ethnicity", "remarks"),
        List.copyOf(row.columns().keySet()));
    assertEquals("NN-0000001", row.columns().get("citizenNo"));
    assertEquals("壮族", row.columns().get("ethnicity"));
    assertTrue(row.text("idNumber").startsWith("gds1."));
    assertFalse(row.toString().contains("黄志强"));
    assertFalse(row.toString().contains("壮族"), "toString names columns only");
    assertEquals(HUANG, p.reveal(row.columns()));
  }

  @Test
  @DisplayName("CLS-3: past 1,000,000 subjects every personal field is encrypted, read live; old clear rows are refused")
  void volumeRuleIsLive() {
    RecordProtector<Citizen> p = protector(Citizen.class);
    ProtectedRecord before = p.protect(HUANG);
    subjects.set(1_200_000);
    assertEquals(Set.of("name", "idNumber", "mobile", "address", "birthDate", "ethnicity"), p.encryptedFields());
    assertEquals(p.encryptedFields(true), p.encryptedFields());
    ProtectedRecord after = p.protect(HUANG);
    assertTrue(after.text("birthDate").startsWith("gds1."));
    assertEquals(HUANG, p.reveal(after.columns()));
    CryptoException e = assertThrows(CryptoException.class, () -> p.reveal(before.columns()));
    assertEquals(CryptoError.FIELD_PROTECTION, e.error());
    assertTrue(e.getMessage().contains("Citizen.birthDate encrypted at rest, but the stored value is in clear"), e.getMessage());
    assertFalse(e.getMessage().contains("1982"));
    subjects.set(10);
    assertEquals(HUANG, p.reveal(after.columns()), "values encrypted under the stricter rule still read back");
  }

  @Test
  @DisplayName("GDS-CRYPTO-017: types that cannot be protected are refused when the protector is built")
  void refusedAtBuild() {
    CryptoException notes = assertThrows(CryptoException.class, () -> protector(WithNotes.class));
    assertEquals(CryptoError.FIELD_PROTECTION, notes.error());
    assertTrue(notes.getMessage().contains("notes (java.util.List<java.lang.String>)"), notes.getMessage());
    assertEquals(CryptoError.FIELD_PROTECTION, code(() -> protector(IdAsSubject.class)));
    assertEquals(CryptoError.FIELD_PROTECTION, code(() -> RecordProtector.builder(NoSubject.class)
        .cipher(FieldCipher.builder().subjectKeys(new InMemorySubjectKeys()).build()).policy(engine).build()));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Executable notARecord = () -> RecordProtector.builder((Class) String.class);
    assertEquals(CryptoError.FIELD_PROTECTION, code(notARecord));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> RecordProtector.builder(Citizen.class).policy(engine).build()));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> RecordProtector.builder(Citizen.class).cipher(table).build()));
    assertEquals(CryptoError.INVALID_ARGUMENT,
        code(() -> RecordProtector.builder(Citizen.class).cipher(table).policy(engine).table("").build()));
    assertThrows(ClassificationException.class, () -> protector(Broken.class));
  }

  @Test
  @DisplayName("Binding: without subject id or row key GDS-CRYPTO-017; the row key binds as well")
  void binding() {
    RecordProtector<Citizen> p = protector(Citizen.class);
    Citizen anonymous = new Citizen(null, "黄志强", "450103198203150311", null, null, null, null, null);
    assertEquals(CryptoError.FIELD_PROTECTION, code(() -> p.protect(anonymous)));
    ProtectedRecord row = p.protect(anonymous, "row-1");
    assertEquals(anonymous, p.reveal(row.columns(), "row-1"));
    assertEquals(CryptoError.DECRYPTION_FAILED, code(() -> p.reveal(row.columns(), "row-2")));
    assertEquals(CryptoError.FIELD_PROTECTION, code(() -> p.reveal(row.columns())));
    RecordProtector<Citizen> perSubject = RecordProtector.builder(Citizen.class)
        .cipher(FieldCipher.builder().subjectKeys(new InMemorySubjectKeys()).build()).policy(engine).build();
    assertEquals(CryptoError.FIELD_PROTECTION, code(() -> perSubject.protect(anonymous, "row-1")));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> p.protect(null)));
    assertEquals(CryptoError.INVALID_ARGUMENT, code(() -> p.reveal(null)));
  }

  @Test
  @DisplayName("Reveal refuses a missing column, garbage, an unknown version and a wrong type, without plaintext")
  void revealRefusals() {
    RecordProtector<Citizen> p = protector(Citizen.class);
    Map<String, Object> row = new LinkedHashMap<>(p.protect(HUANG).columns());
    Map<String, Object> missing = new LinkedHashMap<>(row);
    missing.remove("remarks");
    assertEquals(CryptoError.FIELD_PROTECTION, code(() -> p.reveal(missing)));
    Map<String, Object> garbage = new LinkedHashMap<>(row);
    garbage.put("idNumber", "gds1.not*base64");
    assertEquals(CryptoError.MALFORMED_CIPHERTEXT, code(() -> p.reveal(garbage)));
    Map<String, Object> future = new LinkedHashMap<>(row);
    future.put("idNumber", "gds9.AAAA");
    assertEquals(CryptoError.UNKNOWN_VERSION, code(() -> p.reveal(future)));
    Map<String, Object> clear = new LinkedHashMap<>(row);
    clear.put("idNumber", "450103198203150311");
    CryptoException e = assertThrows(CryptoException.class, () -> p.reveal(clear));
    assertEquals(CryptoError.FIELD_PROTECTION, e.error());
    assertFalse(e.getMessage().contains("450103198203150311"));
    Map<String, Object> wrongType = new LinkedHashMap<>(row);
    wrongType.put("birthDate", 1982);
    assertEquals(CryptoError.FIELD_PROTECTION, code(() -> p.reveal(wrongType)));
    Map<String, Object> extra = new LinkedHashMap<>(row);
    extra.put("id_number_bidx", "a1b2c");
    assertEquals(HUANG, p.reveal(extra), "other columns (a blind index) are ignored");
  }

  @Test
  @DisplayName("A registered codec makes another type protectable")
  void customCodec() {
    RecordProtector<WithUuid> p = RecordProtector.builder(WithUuid.class).cipher(table).policy(engine)
        .codec(UUID.class, UUID::toString, UUID::fromString).table("case").build();
    WithUuid v = new WithUuid("S-1", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    ProtectedRecord row = p.protect(v);
    assertEquals(Set.of("caseId"), row.encrypted());
    assertEquals(v, p.reveal(row.columns()));
    assertEquals(CryptoError.FIELD_PROTECTION, code(() -> protector(WithUuid.class)));
  }
}
