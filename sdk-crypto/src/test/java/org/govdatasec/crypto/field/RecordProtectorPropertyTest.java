package org.govdatasec.crypto.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.policy.Control;
import org.govdatasec.core.policy.ControlPolicy;
import org.govdatasec.core.policy.PolicyEngine;
import org.govdatasec.core.policy.SystemProfile;
import org.govdatasec.core.policy.Trigger;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Gcm;

/**
 * CLS-5, ST-2, PI-5: record protection encrypts exactly the fields the policy requires encrypted at rest
 * (checked against an independent restatement of the default control table), reveal restores the
 * record, and a destroyed subject key makes reveal fail with GDS-CRYPTO-008 (DS-2).
 */
class RecordProtectorPropertyTest {

  /** A record with one field per kind of decision. */
  record Resident(
      @DataSubjectId String residentNo,
      @PersonalInfo(PiCategory.NAME) String name,
      @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber,
      @PersonalInfo(PiCategory.ADDRESS) String address,
      @PersonalInfo(PiCategory.GENDER) String gender,
      @PersonalInfo(PiCategory.BIRTH_DATE) LocalDate birthDate,
      @PersonalInfo(PiCategory.HEALTH) String health,
      @Classified(value = DataLevel.GENERAL, grade = 2) String district,
      @Classified(value = DataLevel.GENERAL, grade = 3) int visits,
      @Classified(DataLevel.IMPORTANT) String gridCode,
      @Classified(value = DataLevel.GENERAL, grade = 4) Long score,
      String remarks) {}

  /** Each field's own level, sensitivity and PI flag: what the policy decides on. */
  private static final Map<String, Object[]> FACTS = new LinkedHashMap<>();

  static {
    // name -> {level, personal, sensitive}
    FACTS.put("residentNo", new Object[] {null, false, false});
    FACTS.put("name", new Object[] {Classification.general(3), true, false});
    FACTS.put("idNumber", new Object[] {Classification.general(4), true, true});
    FACTS.put("address", new Object[] {Classification.general(3), true, false});
    FACTS.put("gender", new Object[] {Classification.general(3), true, false});
    FACTS.put("birthDate", new Object[] {Classification.general(3), true, false});
    FACTS.put("health", new Object[] {Classification.general(4), true, true});
    FACTS.put("district", new Object[] {Classification.general(2), false, false});
    FACTS.put("visits", new Object[] {Classification.general(3), false, false});
    FACTS.put("gridCode", new Object[] {Classification.IMPORTANT, false, false});
    FACTS.put("score", new Object[] {Classification.general(4), false, false});
    FACTS.put("remarks", new Object[] {null, false, false});
  }

  /**
   * The default table restated: ENCRYPT_AT_REST at level >= GENERAL-4, for sensitive personal information,
   * and for high-risk data (important/core, or personal information at >= 1,000,000 subjects); plus the
   * agency row level >= GENERAL-k when present; plus the identity-and-address combination (NAME +
   * RESIDENT_ID + ADDRESS, sensitive) encrypting its three fields.
   */
  static Set<String> expected(Integer agencyGrade, boolean highVolume) {
    Set<String> out = new LinkedHashSet<>();
    FACTS.forEach((field, f) -> {
      Classification level = (Classification) f[0];
      boolean personal = (Boolean) f[1];
      boolean sensitive = (Boolean) f[2];
      if (level == null) {
        return;
      }
      boolean encrypt = level.isAtLeast(Classification.general(4)) || sensitive || level.isHighRisk()
          || (highVolume && personal)
          || (agencyGrade != null && level.isAtLeast(Classification.general(agencyGrade)));
      if (encrypt || Set.of("name", "idNumber", "address").contains(field)) {
        out.add(field);
      }
    });
    return out;
  }

  @Provide
  Arbitrary<Resident> residents() {
    Arbitrary<String> text = Values.text();
    Arbitrary<String> maybe = text.injectNull(0.15);
    return Combinators.combine(
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(10).map(s -> "R-" + s),
        maybe, maybe, maybe, maybe,
        Arbitraries.integers().between(0, 40000).map(d -> LocalDate.of(1950, 1, 1).plusDays(d)).injectNull(0.1),
        maybe, maybe)
        .flatAs((no, name, id, addr, gender, birth, health, district) -> Combinators.combine(
            Arbitraries.integers().between(-5, 500),
            maybe,
            Arbitraries.longs().injectNull(0.1),
            Arbitraries.oneOf(maybe, Arbitraries.just("gds1.looks-like-a-token")))
            .as((visits, grid, score, remarks) ->
                new Resident(no, name, id, addr, gender, birth, health, district, visits, grid, score, remarks)));
  }

  private static PolicyEngine engine(Integer agencyGrade, AtomicLong subjects) {
    ControlPolicy policy = agencyGrade == null ? ControlPolicy.defaults()
        : ControlPolicy.defaults().toBuilder()
            .require(Control.ENCRYPT_AT_REST, Trigger.levelAtLeast(Classification.general(agencyGrade))).build();
    return PolicyEngine.builder().policy(policy)
        .system(SystemProfile.builder().name("测试系统").owner("测试单位").subjectCounter(subjects::get).build())
        .build();
  }

  @Property(tries = 300, seed = "20241111")
  void encryptsExactlyThePolicysFieldsAndRevealRestores(@ForAll("residents") Resident r,
      @ForAll @IntRange(min = 0, max = 4) int agency, @ForAll boolean highVolume, @ForAll boolean perSubject) {
    Integer agencyGrade = agency == 0 ? null : agency;
    AtomicLong subjects = new AtomicLong(highVolume ? 1_000_000L : 999_999L);
    FieldCipher cipher = perSubject ? FieldCipher.builder().subjectKeys(new InMemorySubjectKeys()).build()
        : FieldCipher.builder().aead(Sm4Gcm.create(SecretBytes.random(16))).build();
    RecordProtector<Resident> p = RecordProtector.builder(Resident.class).cipher(cipher)
        .policy(engine(agencyGrade, subjects)).table("resident").build();

    Set<String> expected = expected(agencyGrade, highVolume);
    assertEquals(expected, p.encryptedFields());
    ProtectedRecord row = p.protect(r);
    Set<String> encrypted = new LinkedHashSet<>(expected);
    if ("gds1.looks-like-a-token".equals(r.remarks())) {
      encrypted.add("remarks"); // a clear value that reads like a token is encrypted, never ambiguous
    }
    assertEquals(encrypted, row.encrypted());
    row.columns().forEach((column, stored) -> {
      Object original = component(r, column);
      if (row.encrypted().contains(column) && original != null) {
        assertTrue(stored instanceof String s && s.startsWith("gds1."), column + " is stored encrypted");
        assertFalse(stored.equals(original));
      } else {
        assertEquals(original, stored, column + " is stored as it was");
      }
    });
    assertEquals(r, p.reveal(row.columns()));
  }

  @Property(tries = 100, seed = "20241112")
  void destroyedSubjectKeyFailsWith008NotTampering(@ForAll("residents") Resident r) {
    InMemorySubjectKeys keys = new InMemorySubjectKeys();
    RecordProtector<Resident> p = RecordProtector.builder(Resident.class)
        .cipher(FieldCipher.builder().subjectKeys(keys).build())
        .policy(engine(null, new AtomicLong(10))).build();
    ProtectedRecord row = p.protect(r);
    assertEquals(r, p.reveal(row.columns()));
    keys.destroy(r.residentNo());
    CryptoException e = assertThrows(CryptoException.class, () -> p.reveal(row.columns()));
    assertEquals(CryptoError.KEY_DESTROYED, e.error());
  }

  @Property(tries = 100, seed = "20241113")
  void valueCopiedFromAnotherRecordFailsWith003(@ForAll("residents") Resident a, @ForAll("residents") Resident b) {
    net.jqwik.api.Assume.that(!a.residentNo().equals(b.residentNo()) && a.idNumber() != null && b.idNumber() != null);
    RecordProtector<Resident> p = RecordProtector.builder(Resident.class)
        .cipher(FieldCipher.builder().aead(Sm4Gcm.create(SecretBytes.random(16))).build())
        .policy(engine(null, new AtomicLong(10))).build();
    Map<String, Object> rowA = new LinkedHashMap<>(p.protect(a).columns());
    rowA.put("idNumber", p.protect(b).columns().get("idNumber"));
    assertEquals(CryptoError.DECRYPTION_FAILED, assertThrows(CryptoException.class, () -> p.reveal(rowA)).error());
    Map<String, Object> swapped = new LinkedHashMap<>(p.protect(a).columns());
    swapped.put("health", swapped.get("idNumber"));
    if (swapped.get("health") != null) {
      assertEquals(CryptoError.DECRYPTION_FAILED, assertThrows(CryptoException.class, () -> p.reveal(swapped)).error());
    }
  }

  private static Object component(Resident r, String name) {
    try {
      return Resident.class.getDeclaredMethod(name).invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
