package org.govdatasec.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.govdatasec.core.classification.PiCategory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** USE-5, PI-5, ST-3: spec validation with positions, key handling, refusals, defaults and record masking. */
class MaskSpecAndKeyTest {

  private static MaskingException specError(String yaml) {
    return assertThrows(MaskingException.class, () -> MaskSpec.parse(yaml, "spec.yaml"));
  }

  @Test
  @DisplayName("Spec errors name line and column: unknown key, category, strategy; unkeyed hash; bad option")
  void specErrors() {
    MaskingException e = specError("files:\n  a.csv:\n    columns:\n      id: {category: RESIDENT_ID, keep-regoin: true}\n");
    assertEquals(MaskError.SPEC_INVALID, e.error());
    assertEquals("spec.yaml:4:48", e.location().orElseThrow());
    assertEquals(MaskError.UNKNOWN_CATEGORY, specError("files:\n  a.csv:\n    columns:\n      id: PASSWORD\n").error());
    e = specError("files:\n  a.csv:\n    columns:\n      id: {category: MOBILE, strategy: SCRAMBLE}\n");
    assertEquals(MaskError.UNKNOWN_STRATEGY, e.error());
    assertTrue(e.location().orElseThrow().startsWith("spec.yaml:4:"));
    assertEquals(MaskError.UNKEYED_HASH_REFUSED,
        specError("files:\n  a.csv:\n    columns:\n      id: {category: RESIDENT_ID, strategy: SHA256}\n").error());
    assertEquals(MaskError.BAD_OPTION,
        specError("files:\n  a.csv:\n    columns:\n      id: {category: MOBILE, strategy: MASK, keep-first: 40}\n").error());
    assertEquals(MaskError.UNSUPPORTED_STRATEGY,
        specError("files:\n  a.csv:\n    columns:\n      n: {category: NAME, strategy: TOKENISE}\n").error());
    assertEquals(MaskError.SPEC_INVALID, specError("files:\n  a.csv:\n    columns: [x\n").error());
    assertEquals(MaskError.SUBJECT_REQUIRED,
        specError("files:\n  a.csv:\n    columns:\n      d: {format: DATE, strategy: DATE_SHIFT}\n").error());
    assertEquals(MaskError.SPEC_INVALID, specError("files:\n  ../a.csv:\n    columns:\n      d: {strategy: KEEP}\n").error());
  }

  @Test
  @DisplayName("Keys: hex or base64 of 32 bytes; a group/world-readable key file is refused; toString hides the key")
  void keys(@TempDir Path tmp) throws Exception {
    String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    MaskingKey k = MaskingKey.parse(hex);
    assertEquals(k.fingerprint(), MaskingKey.parse(java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex))).fingerprint());
    assertFalse(k.toString().contains(hex.substring(0, 8)));
    assertEquals(MaskError.BAD_KEY, assertThrows(MaskingException.class, () -> MaskingKey.parse("abcd")).error());
    Path f = tmp.resolve("mask.key");
    Files.writeString(f, hex + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(MaskError.UNSAFE_KEY_FILE, assertThrows(MaskingException.class, () -> MaskingKey.fromFile(f)).error());
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    assertEquals(k.fingerprint(), MaskingKey.fromFile(f).fingerprint());
    assertEquals(MaskError.KEY_REQUIRED, assertThrows(MaskingException.class,
        () -> MaskingKey.fromEnvironment("GOVDATASEC_TEST_UNSET_VARIABLE_42")).error());
  }

  @Test
  @DisplayName("Unkeyed maskers refuse keyed strategies; HASH without a key is GDS-MASK-005")
  void unkeyed() {
    Masker m = Masker.unkeyed();
    FieldRule hash = FieldRule.builder(Format.RESIDENT_ID, Strategy.HASH).build();
    assertEquals(MaskError.UNKEYED_HASH_REFUSED, assertThrows(MaskingException.class, () -> m.mask("11010519491231002X", hash)).error());
    FieldRule p = FieldRule.builder(Format.MOBILE, Strategy.PSEUDONYMISE).build();
    assertEquals(MaskError.KEY_REQUIRED, assertThrows(MaskingException.class, () -> m.mask("13907711234", p)).error());
    assertEquals("139****1234", m.mask("13907711234", FieldRule.builder(Format.MOBILE, Strategy.MASK).keep(3, 4).build()));
  }

  @Test
  @DisplayName("Strategies: known outputs of MASK, GENERALISE, SUPPRESS; HASH is keyed; DATE_SHIFT is per subject; null and empty")
  void strategies() {
    Masker m = Masker.keyed(MaskingKey.fromBytes(FixturePipelineTest.filled(9)));
    assertEquals("黄**", m.mask("黄志强", FieldRule.builder(Format.NAME, Strategy.MASK).keep(1, 0).build()));
    assertEquals("z*******@gov.cn", m.mask("zhangsan@gov.cn", FieldRule.builder(Format.EMAIL, Strategy.MASK).keep(1, 0).build()));
    assertEquals("*", m.mask("黄", FieldRule.builder(Format.GENERIC, Strategy.MASK).keep(1, 1).build()), "never reveals a 1-char value");
    assertEquals("广西壮族自治区南宁市青秀区", m.mask("广西壮族自治区南宁市青秀区东葛路118号5栋",
        FieldRule.builder(Format.ADDRESS, Strategy.GENERALISE).build()));
    assertEquals("北京市", m.mask("北京市西城区金融街1号", FieldRule.builder(Format.ADDRESS, Strategy.GENERALISE)
        .generalisation(Generalisation.PROVINCE).build()));
    assertEquals("40-49", m.mask("1982-03-15", FieldRule.builder(Format.BIRTH_DATE, Strategy.GENERALISE)
        .generalisation(Generalisation.AGE_BAND).build()));
    assertEquals("[2000,3000)", m.mask("2350.50", FieldRule.builder(Format.NUMBER, Strategy.GENERALISE).build()));
    assertEquals("192.168.1.0/24", m.mask("192.168.1.77", FieldRule.builder(Format.IP_ADDRESS, Strategy.GENERALISE).build()));
    assertEquals("2001:db8:0::/48", m.mask("2001:db8::1", FieldRule.builder(Format.IP_ADDRESS, Strategy.GENERALISE).build()));
    assertNull(m.mask("13907711234", FieldRule.builder(Format.MOBILE, Strategy.SUPPRESS).build()));
    assertNull(m.mask(null, FieldRule.builder(Format.MOBILE, Strategy.PSEUDONYMISE).build()));
    assertEquals("", m.mask("", FieldRule.builder(Format.MOBILE, Strategy.PSEUDONYMISE).build()));
    FieldRule hash = FieldRule.builder(Format.RESIDENT_ID, Strategy.HASH).hashHexLength(32).build();
    String h = m.mask("11010519491231002X", hash);
    assertEquals(32, h.length());
    assertNotEquals(h, Masker.keyed(MaskingKey.fromBytes(FixturePipelineTest.filled(10))).mask("11010519491231002X", hash));
    FieldRule shift = FieldRule.builder(Format.DATE, Strategy.DATE_SHIFT).dateShift(10, null).build();
    String d1 = m.mask("2024-01-10", shift, "subject-1");
    String d2 = m.mask("2024-03-10", shift, "subject-1");
    long off1 = java.time.LocalDate.parse(d1).toEpochDay() - java.time.LocalDate.parse("2024-01-10").toEpochDay();
    long off2 = java.time.LocalDate.parse(d2).toEpochDay() - java.time.LocalDate.parse("2024-03-10").toEpochDay();
    assertEquals(off1, off2, "one subject, one offset");
    assertTrue(off1 != 0 && Math.abs(off1) <= 10);
    assertEquals(MaskError.SUBJECT_REQUIRED, assertThrows(MaskingException.class, () -> m.mask("2024-01-10", shift)).error());
    FieldRule strict = FieldRule.builder(Format.RESIDENT_ID, Strategy.PSEUDONYMISE).build();
    for (String bad : new String[] {"110105194912310021", "１１０１０５１９４９１２３１００２X", "1101051949", " "}) {
      assertEquals(MaskError.INVALID_VALUE, assertThrows(MaskingException.class, () -> m.mask(bad, strict)).error());
      String g = m.mask(bad, strict.toBuilder().onInvalid(OnInvalid.GENERIC).build());
      assertNotEquals(bad, g, "never passed through");
    }
    String text = m.mask("身份证11010519491231002X，电话13907711234，邮箱a.b@gov.cn",
        FieldRule.builder(Format.FREE_TEXT, Strategy.PSEUDONYMISE).build());
    assertFalse(text.contains("11010519491231002X") || text.contains("13907711234") || text.contains("a.b@gov.cn"), text);
    assertTrue(text.startsWith("身份证") && text.contains("，电话"), text);
  }

  @Test
  @DisplayName("Defaults per category and profile, and RecordMasker reading sdk-core annotations")
  void defaultsAndRecords() {
    assertEquals(Strategy.PSEUDONYMISE, DefaultRules.rule(PiCategory.RESIDENT_ID, Profile.TEST_FIXTURE).strategy());
    assertEquals(Strategy.MASK, DefaultRules.rule(PiCategory.MOBILE, Profile.DISPLAY).strategy());
    assertEquals(Strategy.HASH, DefaultRules.rule(PiCategory.RESIDENT_ID, Profile.EXPORT).strategy());
    assertEquals(Strategy.SUPPRESS, DefaultRules.rule(PiCategory.HEALTH, Profile.TEST_FIXTURE).strategy());
    Masker m = Masker.keyed(MaskingKey.fromBytes(FixturePipelineTest.filled(9)));
    Person p = new Person("P-1", "黄志强", "11010519491231002X", "13907711234", "新申请，电话13907711234");
    var display = RecordMasker.of(Person.class, Profile.DISPLAY, m).mask(p);
    assertEquals("黄**", display.get("name"));
    assertEquals("110***********002X", display.get("idNumber"));
    assertEquals("139****1234", display.get("mobile"));
    assertFalse(display.get("remarks").contains("13907711234"), "unclassified free text is masked, not passed through");
    var fixture = RecordMasker.of(Person.class, Profile.TEST_FIXTURE, m)
        .override("mobile", FieldRule.builder(Format.MOBILE, Strategy.MASK).keep(0, 4).build()).mask(p);
    assertTrue(Validators.isResidentId(fixture.get("idNumber")));
    assertEquals("*******1234", fixture.get("mobile"));
  }

  record Person(
      @org.govdatasec.core.annotation.DataSubjectId String personNo,
      @org.govdatasec.core.annotation.PersonalInfo(PiCategory.NAME) String name,
      @org.govdatasec.core.annotation.PersonalInfo(PiCategory.RESIDENT_ID) String idNumber,
      @org.govdatasec.core.annotation.PersonalInfo(PiCategory.MOBILE) String mobile,
      String remarks) {}
}
