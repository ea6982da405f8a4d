package org.govdatasec.samples.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated data must look real to the code that will check it: ID numbers, mobiles, bank cards. */
class SampleDataTest {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_DIGITS = "10X98765432";

  /** GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits. */
  private static char checkDigit(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_DIGITS.charAt(sum % 11);
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  @Test
  void checkDigitAlgorithmMatchesTheStandardsExample() {
    // The worked example of GB 11643-1999.
    assertEquals('X', checkDigit("11010519491231002"));
  }

  @Test
  void sampleIdNumbersHaveCorrectCheckDigits() {
    for (Citizen c : SampleData.citizens()) {
      String id = c.idNumber();
      assertTrue(id.matches("\\d{17}[0-9X]"), id);
      char expected = checkDigit(id.substring(0, 17));
      assertEquals(expected, id.charAt(17), () -> c.name() + ": check digit of " + id + " should be " + expected);
    }
  }

  @Test
  void sampleIdNumbersAgreeWithTheRestOfTheRecord() {
    Map<String, Boolean> male = Map.of("NN-0000001", true, "NN-0000002", false, "NN-0000003", true);
    for (Citizen c : SampleData.citizens()) {
      String id = c.idNumber();
      assertTrue(id.startsWith("4501"), () -> id + " is not a Nanning area code");
      assertEquals(c.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE), id.substring(6, 14), c.name());
      assertEquals(male.get(c.citizenNo()), (id.charAt(16) - '0') % 2 == 1, () -> c.name() + ": sex digit");
      assertTrue(c.mobile().matches("13800138\\d{3}"), c.mobile());
    }
  }

  @Test
  void theSonIsAChildUnderFourteen() {
    LocalDate appointment = SampleData.appointment().appointmentDate();
    assertTrue(Period.between(SampleData.HUANG_SIYUAN.birthDate(), appointment).getYears() < 14);
  }

  @Test
  void bankCardPassesTheLuhnCheck() {
    assertTrue(luhn(SampleData.application().bankCard()));
  }

  @Test
  void householdIsConsistent() {
    Household h = SampleData.household();
    assertEquals(h.head().citizenNo(), h.headCitizenNo());
    assertFalse(h.members().contains(h.head()), "members exclude the head");
    assertEquals(SampleData.citizens().size(), h.members().size() + 1);
    assertEquals(h.headCitizenNo(), SampleData.application().applicantCitizenNo());
  }
}
