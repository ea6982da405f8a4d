package org.govdatasec.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

/** PI-5, USE-5: properties of pseudonyms, tokens and masks over generated input. */
class MaskerPropertiesTest {
  private static final byte[] KEY_A = new byte[32];
  private static final byte[] KEY_B = new byte[32];

  static {
    Arrays.fill(KEY_A, (byte) 7);
    Arrays.fill(KEY_B, (byte) 8);
  }

  private final Masker a = Masker.keyed(MaskingKey.fromBytes(KEY_A));
  private final Masker a2 = Masker.keyed(MaskingKey.fromBytes(KEY_A));
  private final Masker b = Masker.keyed(MaskingKey.fromBytes(KEY_B));

  private static final FieldRule ID = FieldRule.builder(Format.RESIDENT_ID, Strategy.PSEUDONYMISE).build();
  private static final FieldRule ID_KEEP = FieldRule.builder(Format.RESIDENT_ID, Strategy.PSEUDONYMISE)
      .keepProvince(true).keepBirthYear(true).keepGender(true).build();

  @Provide
  Arbitrary<String> ids() {
    return Gen.residentIds();
  }

  @Provide
  Arbitrary<String> mobiles() {
    return Gen.mobiles();
  }

  @Provide
  Arbitrary<String> cards() {
    return Gen.bankCards();
  }

  @Provide
  Arbitrary<String> credits() {
    return Gen.creditCodes();
  }

  @Provide
  Arbitrary<String> names() {
    return Gen.names();
  }

  @Property(tries = 300, seed = "20240101")
  void pseudonymisedIdsValidateDifferAndAreDeterministic(@ForAll("ids") String id) {
    String p = a.mask(id, ID);
    assertTrue(Validators.isResidentId(p), p);
    assertNotEquals(id, p);
    assertEquals(p, a2.mask(id, ID), "same key, same value: same pseudonym");
    assertTrue(Tables.REGIONS.length > 0 && Arrays.stream(Tables.REGIONS).anyMatch(r -> p.startsWith(Integer.toString(r))),
        "region drawn from the GB/T 2260 table");
  }

  @Property(tries = 200, seed = "20240102")
  void idOptionsKeepProvinceYearAndGender(@ForAll("ids") String id) {
    String p = a.mask(id, ID_KEEP);
    assertTrue(Validators.isResidentId(p), p);
    assertNotEquals(id, p);
    assertEquals(id.substring(0, 2), p.substring(0, 2), "province kept");
    assertEquals(id.substring(6, 10), p.substring(6, 10), "birth year kept");
    assertEquals((id.charAt(16) - '0') % 2, (p.charAt(16) - '0') % 2, "gender parity kept");
    FieldRule region = FieldRule.builder(Format.RESIDENT_ID, Strategy.PSEUDONYMISE).keepRegion(true).build();
    assertEquals(id.substring(0, 6), a.mask(id, region).substring(0, 6));
  }

  @Property(tries = 200, seed = "20240103")
  void mobilesCardsAndCreditCodesValidate(@ForAll("mobiles") String mobile, @ForAll("cards") String card,
      @ForAll("credits") String credit) {
    String m = a.mask(mobile, FieldRule.builder(Format.MOBILE, Strategy.PSEUDONYMISE).build());
    assertTrue(Validators.isMobile(m) && !m.equals(mobile), m);
    String c = a.mask(card, FieldRule.builder(Format.BANK_CARD, Strategy.PSEUDONYMISE).build());
    assertTrue(Validators.isBankCard(c) && !c.equals(card) && c.length() == card.length(), c);
    String u = a.mask(credit, FieldRule.builder(Format.CREDIT_CODE, Strategy.PSEUDONYMISE).build());
    assertTrue(Validators.isCreditCode(u) && !u.equals(credit), u);
    assertEquals(Validators.organisationCodeCheckChar(u.substring(8, 16)), u.charAt(16), "GB 11714 body valid too");
  }

  @Property(tries = 200, seed = "20240104")
  void namesStayPlausibleChineseNames(@ForAll("names") String name) {
    String p = a.mask(name, FieldRule.builder(Format.NAME, Strategy.PSEUDONYMISE).build());
    assertTrue(Validators.isChineseName(p), p);
    assertNotEquals(name, p);
  }

  @Property(tries = 200, seed = "20240105")
  void differentKeysGiveUnrelatedOutput(@ForAll("ids") String id, @ForAll("mobiles") String mobile) {
    assertNotEquals(a.mask(id, ID), b.mask(id, ID));
    FieldRule m = FieldRule.builder(Format.MOBILE, Strategy.PSEUDONYMISE).build();
    String ma = a.mask(mobile, m);
    String mb = b.mask(mobile, m);
    int same = 0;
    for (int i = 3; i < 11; i++) {
      same += ma.charAt(i) == mb.charAt(i) ? 1 : 0;
    }
    assertTrue(same <= 6, "8 random digits agree in at most a few places: " + same);
    assertNotEquals(a.mask(id, ID.withDomain("x")), a.mask(id, ID.withDomain("y")), "domains are unrelated");
  }

  @Property(tries = 300, seed = "20240106")
  void maskNeverRevealsMoreThanConfigured(@ForAll @StringLength(min = 1, max = 30) String value,
      @ForAll @IntRange(min = 0, max = 8) int first, @ForAll @IntRange(min = 0, max = 8) int last) {
    String v = value.replace('#', 'x');
    String out = a.mask(v, FieldRule.builder(Format.GENERIC, Strategy.MASK).keep(first, last).maskChar('#').build());
    int n = v.codePointCount(0, v.length());
    assertEquals(n, out.codePointCount(0, out.length()));
    int[] in = v.codePoints().toArray();
    int[] o = out.codePoints().toArray();
    int revealed = 0;
    for (int i = 0; i < n; i++) {
      if (o[i] != '#') {
        assertEquals(in[i], o[i]);
        revealed++;
      }
    }
    assertTrue(revealed <= first + last, "revealed " + revealed + " of " + n);
    if (first + last >= n) {
      assertTrue(revealed <= n / 2, "a short value keeps at most half: " + revealed + " of " + n);
    }
  }

  @Property(tries = 100, seed = "20240107")
  void tokensRoundTripAndKeepFormat(@ForAll("ids") String id, @ForAll("mobiles") String mobile, @ForAll("cards") String card) {
    FieldRule t = FieldRule.builder(Format.RESIDENT_ID, Strategy.TOKENISE).build();
    String tok = a.mask(id, t);
    assertEquals(18, tok.length());
    assertEquals(Validators.residentIdCheckChar(tok), tok.charAt(17), "check digit recomputed");
    assertEquals(id, a.detokenise(tok, t));
    FieldRule tm = FieldRule.builder(Format.MOBILE, Strategy.TOKENISE).build();
    String mt = a.mask(mobile, tm);
    assertTrue(Validators.isMobile(mt));
    assertEquals(mobile, a.detokenise(mt, tm));
    FieldRule tc = FieldRule.builder(Format.BANK_CARD, Strategy.TOKENISE).keepRegion(true).build();
    String ct = a.mask(card, tc);
    assertTrue(Validators.isBankCard(ct) && ct.startsWith(card.substring(0, 6)));
    assertEquals(card, a.detokenise(ct, tc));
  }
}
