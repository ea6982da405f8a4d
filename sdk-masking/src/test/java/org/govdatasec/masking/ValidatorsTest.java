package org.govdatasec.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PI-5: known answers for every public validator. */
class ValidatorsTest {

  @Test
  @DisplayName("GB 11643: the official example 11010519491231002X and its check character")
  void residentIdKnownAnswer() {
    assertTrue(Validators.isResidentId("11010519491231002X"));
    assertEquals('X', Validators.residentIdCheckChar("11010519491231002"));
    assertTrue(Validators.isResidentId("450103198203150311"));
    assertTrue(Validators.isResidentId("110105491231002"), "legacy 15-digit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"110105194912310021", "11010519491231002x", "1101051949123100", "11010519491331002X",
      "11010519490230002X", "99010519491231002X", "１１０１０５１９４９１２３１００２X", " 11010519491231002X", "",
      "110105491331002", "11010518991231002X"})
  @DisplayName("GB 11643: wrong check digit, lower-case x, wrong length, bad date, unknown province, full-width")
  void residentIdRejects(String value) {
    assertFalse(Validators.isResidentId(value));
  }

  @Test
  @DisplayName("GB 32100: the standard's example codes and the check character")
  void creditCodeKnownAnswers() {
    assertTrue(Validators.isCreditCode("91350100M000100Y43"));
    assertEquals('3', Validators.creditCodeCheckChar("91350100M000100Y4"));
    assertFalse(Validators.isCreditCode("91350100M000100Y44"));
    assertFalse(Validators.isCreditCode("91350100M000100I43"), "I is not in the GB 32100 set");
    assertFalse(Validators.isCreditCode("91350100M000100Y4"));
    assertEquals('X', Validators.organisationCodeCheckChar("D2143569"), "GB 11714 example D2143569-X");
  }

  @Test
  @DisplayName("Luhn (ISO/IEC 7812): known valid and invalid numbers")
  void luhn() {
    assertTrue(Validators.luhnValid("79927398713"));
    assertFalse(Validators.luhnValid("79927398710"));
    assertTrue(Validators.isBankCard("4111111111111111"));
    assertFalse(Validators.isBankCard("4111111111111112"));
    assertFalse(Validators.isBankCard("79927398713"), "11 digits is too short for a bank card");
    assertEquals('3', Validators.luhnCheckDigit("7992739871"));
  }

  @Test
  @DisplayName("Mobiles, landlines, e-mail, passports, permits, plates, IP addresses, dates, names")
  void otherFormats() {
    assertTrue(Validators.isMobile("13907711234"));
    assertFalse(Validators.isMobile("12907711234"));
    assertFalse(Validators.isMobile("1390771123"));
    assertTrue(Validators.isLandline("0771-5512345"));
    assertTrue(Validators.isLandline("010-62345678"));
    assertTrue(Validators.isLandline("02588886666"));
    assertFalse(Validators.isLandline("0771-0512345"));
    assertTrue(Validators.isEmail("zhang.san@nanning.gov.cn"));
    assertFalse(Validators.isEmail("zhang.san@localhost"));
    assertFalse(Validators.isEmail("@gov.cn"));
    assertTrue(Validators.isPassport("E12345678"));
    assertTrue(Validators.isPassport("EA1234567"));
    assertTrue(Validators.isPassport("G12345678"));
    assertFalse(Validators.isPassport("EI1234567"));
    assertTrue(Validators.isPermit("C12345678"));
    assertTrue(Validators.isPermit("H1234567801"));
    assertTrue(Validators.isPermit("12345678"));
    assertFalse(Validators.isPermit("X12345678"));
    assertTrue(Validators.isVehiclePlate("桂A12345"));
    assertTrue(Validators.isVehiclePlate("苏AD12345"));
    assertTrue(Validators.isVehiclePlate("京A12345F"));
    assertFalse(Validators.isVehiclePlate("桂I12345"));
    assertFalse(Validators.isVehiclePlate("X A12345"));
    assertTrue(Validators.isIpv4("192.168.1.10"));
    assertFalse(Validators.isIpv4("192.168.01.10"));
    assertFalse(Validators.isIpv4("256.1.1.1"));
    assertFalse(Validators.isIpv4("1.1.1"));
    assertTrue(Validators.isIpv6("2001:db8::1"));
    assertTrue(Validators.isIpv6("::1"));
    assertTrue(Validators.isIpv6("2001:db8:0:0:0:0:2:1"));
    assertTrue(Validators.isIpv6("::ffff:192.168.1.1"));
    assertFalse(Validators.isIpv6("2001:db8::1::2"));
    assertFalse(Validators.isIpv6("2001:db8:0:0:0:0:2"));
    assertFalse(Validators.isIpv6("2001:dg8::1"));
    assertTrue(Validators.isDate("1982-03-15"));
    assertTrue(Validators.isDate("19820315"));
    assertTrue(Validators.isDate("1982/03/15"));
    assertFalse(Validators.isDate("1982-02-30"));
    assertFalse(Validators.isDate("1982-03/15"));
    assertTrue(Validators.isChineseName("黄志强"));
    assertTrue(Validators.isChineseName("欧阳娜娜"));
    assertTrue(Validators.isChineseName("王\uD840\uDC00"), "a CJK Extension B character counts as one");
    assertTrue(Validators.isChineseName("买买提·艾力"));
    assertFalse(Validators.isChineseName("黄"));
    assertFalse(Validators.isChineseName("Zhang San"));
    assertFalse(Validators.isChineseName("黄志强1"));
  }
}
